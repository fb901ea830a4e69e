package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The Suites tab in the real workbench: cases saved from the playtest, edited, undone. */
class SuitesWindowTest extends SuitesFixture {

  @Test
  void a_playtest_saved_as_a_test_case_shows_up_in_its_suite() throws Exception {
    saveAPlaytestCase("rust dates", "code generation");

    openTab("Suites");

    waitUntil(() -> caseNames().contains("rust dates"));
    assertThat(lookup("#suitesList").queryListView().getItems())
        .extracting(s -> ((io.routebench.core.suite.TestSuiteRepository.SuiteSummary) s).name())
        .containsExactly("Playtests");
    assertThat(caseRows())
        .singleElement()
        .satisfies(row -> assertThat(row.expectedRoutesText()).isEqualTo("code generation"));
  }

  @Test
  void an_expected_route_changed_in_the_case_editor_is_stored_and_undone_with_one_key_press()
      throws Exception {
    saveAPlaytestCase("rust dates", "code generation");
    openTab("Suites");
    waitUntil(() -> caseNames().contains("rust dates"));
    clickOn(caseRow("rust dates"));

    @SuppressWarnings("unchecked")
    ComboBox<String> route = lookup("#expectedRouteChoice").queryAs(ComboBox.class);
    assertThat(route.getValue()).isEqualTo("code generation");
    clickOn(route);
    clickOn(
        lookup(".combo-box-popup .list-cell")
            .match(
                n ->
                    n instanceof javafx.scene.control.ListCell<?> c
                        && "debugging".equals(c.getText()))
            .queryAs(javafx.scene.Node.class));

    waitUntil(() -> storedExpectedRoute().equals("debugging"));
    assertThat(caseRows().get(0).expectedRoutesText()).isEqualTo("debugging");

    push(KeyCode.CONTROL, KeyCode.Z);

    waitUntil(() -> storedExpectedRoute().equals("code generation"));
    assertThat(route.getValue()).isEqualTo("code generation");
    assertThat(caseRows().get(0).expectedRoutesText()).isEqualTo("code generation");
  }

  @Test
  void open_in_playtest_replays_a_case_into_the_conversation() throws Exception {
    saveAPlaytestCase("rust dates", "code generation");
    interact(() -> workbench.window().workspacePane().playtest().clearConversation());
    openTab("Suites");
    waitUntil(() -> caseNames().contains("rust dates"));
    clickOn(caseRow("rust dates"));

    clickOn("#openInPlaytestButton");

    waitUntil(() -> lookup("#playtestTurns").queryListView().isVisible());
    assertThat(workbench.window().workspacePane().playtest().conversation().turns())
        .extracting(io.routebench.app.playtest.Turn::text)
        .containsExactly("Write a Rust function that parses ISO dates");
  }

  @Test
  void open_in_playtest_says_what_it_replaced_and_undo_brings_back_the_conversation_and_draft()
      throws Exception {
    // Issue 17: Open in Playtest silently replaced the conversation and the draft; undo did not
    // bring them back.
    saveAPlaytestCase("rust dates", "code generation");
    openTab("Playtest");
    clickOn("#playtestDraft").write("Thanks!");
    push(KeyCode.CONTROL, KeyCode.ENTER);
    write("And now in Go");
    var playtest = workbench.window().workspacePane().playtest();
    openTab("Suites");
    waitUntil(() -> caseNames().contains("rust dates"));
    clickOn(caseRow("rust dates"));

    clickOn("#openInPlaytestButton");

    waitUntil(() -> lookup("#playtestTurns").queryListView().isVisible());
    var undo = lookup("#playtestUndoClearLink").queryAs(javafx.scene.control.Hyperlink.class);
    assertThat(undo.isVisible()).isTrue();
    assertThat(undo.getText()).isEqualTo("Opened “rust dates” in place of your conversation: undo");
    assertThat(playtest.conversation().turns())
        .extracting(io.routebench.app.playtest.Turn::text)
        .containsExactly("Write a Rust function that parses ISO dates");
    assertThat(playtest.conversation().draftProperty().get()).isEmpty();

    push(KeyCode.CONTROL, KeyCode.Z);

    assertThat(playtest.conversation().turns())
        .extracting(io.routebench.app.playtest.Turn::text)
        .containsExactly("Write a Rust function that parses ISO dates", "Thanks!");
    assertThat(playtest.conversation().draftProperty().get()).isEqualTo("And now in Go");
    assertThat(lookup("#playtestUndoClearLink").query().isVisible()).isFalse();
  }
}
