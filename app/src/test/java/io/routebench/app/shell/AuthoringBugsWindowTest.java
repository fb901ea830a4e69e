package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.testing.Documents;
import io.routebench.app.workspace.SaveState;
import io.routebench.core.config.PolicyDocumentYaml;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.workspace.SelfHostedRouter;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Bugs a new user ran into, each driven the way that user drove it. */
class AuthoringBugsWindowTest extends WorkbenchFixture {

  @Test
  void a_fallback_chosen_with_the_mouse_is_added_alone_in_one_undo_step() {
    selectInTree("code generation");
    assertThat(action("code generation").policy().fallbackModels())
        .containsExactly("openai/gpt-4o");

    clickOn("#addFallbackButton");
    clickOn(
        lookup(".menu-item .label")
            .match(
                label -> label instanceof Labeled l && l.getText().contains("openai/gpt-4o-mini"))
            .queryLabeled());

    assertThat(action("code generation").policy().fallbackModels())
        .containsExactly("openai/gpt-4o", "openai/gpt-4o-mini");
    assertThat(lookup("#addFallbackButton").queryAs(MenuButton.class).getText())
        .isEqualTo("Add fallback…");

    push(KeyCode.CONTROL, KeyCode.Z);

    assertThat(action("code generation").policy().fallbackModels())
        .containsExactly("openai/gpt-4o");
  }

  @Test
  void the_fallback_buttons_keep_their_labels_in_a_narrow_form() {
    useSmallestWindow();
    selectInTree("code generation");
    clickOn("#fallbackList");
    type(KeyCode.DOWN);

    Button remove = lookup("#removeFallbackButton").queryButton();
    assertThat(remove.getWidth()).isGreaterThanOrEqualTo(remove.prefWidth(-1));
  }

  @Test
  void a_new_target_takes_the_typed_model_id_straight_away() {
    clickOn("Targets");
    int before = document().targets().size();

    clickOn("#addTargetButton").write("openai/o3").push(KeyCode.ENTER);

    assertThat(document().targets()).hasSize(before + 1);
    assertThat(document().targets().get(before))
        .extracting(ModelTarget::model)
        .isEqualTo("openai/o3");
  }

  @Test
  void undoing_an_import_restores_the_proxy_tab_and_withdraws_the_import_message()
      throws Exception {
    var imported =
        Documents.codingAndWriting()
            .withSelfHostedRouter(
                new SelfHostedRouter("arch-router", "http://imported.example:8000", null));
    Path file =
        Files.writeString(home.resolve("team.policy.yaml"), PolicyDocumentYaml.write(imported));
    importPolicies(file);
    waitUntil(() -> treeLabels().contains("email drafting"));
    waitUntil(() -> session().autosaver().stateProperty().get() == SaveState.SAVED);
    clickOn("Proxy");
    assertThat(lookup("#routerBaseUrlField").queryAs(TextField.class).getText())
        .isEqualTo("http://imported.example:8000");

    push(KeyCode.CONTROL, KeyCode.Z);

    assertThat(document().selfHostedRouter()).isNull();
    assertThat(lookup("#routerBaseUrlField").queryAs(TextField.class).getText())
        .isEqualTo("http://localhost:11434");
    assertThat(lookup("#transferStatusLabel").queryLabeled().getText()).doesNotContain("Imported");
  }

  @Test
  void a_long_status_message_leaves_the_save_state_and_the_problem_count_readable()
      throws Exception {
    useSmallestWindow();
    interact(
        () ->
            workbench
                .window()
                .statusMessages()
                .show("Exported the archgw config (v0.3.0) to " + "/very/long/path/".repeat(20)));
    waitUntil(() -> lookup("#saveStatusLabel").queryLabeled().getText().equals("Saved"));

    for (String id : new String[] {"#saveStatusLabel", "#problemsStatusLabel"}) {
      Labeled label = lookup(id).queryLabeled();
      assertThat(label.getWidth()).as(id).isGreaterThanOrEqualTo(label.prefWidth(-1) - 0.5);
    }
  }

  @Test
  void f2_renames_a_node_in_the_tree_in_one_undo_step() {
    selectInTree("debugging");

    push(KeyCode.F2).push(KeyCode.CONTROL, KeyCode.A).write("bug fixing").push(KeyCode.ENTER);

    assertThat(treeLabels()).contains("bug fixing").doesNotContain("debugging");
    push(KeyCode.CONTROL, KeyCode.Z);
    assertThat(treeLabels()).contains("debugging");
  }

  @Test
  void after_moving_a_node_the_focus_outline_is_on_the_selected_row() {
    selectInTree("debugging");

    push(KeyCode.ALT, KeyCode.DOWN);

    @SuppressWarnings("unchecked")
    TreeView<Object> tree = lookup("#taxonomyTree").queryAs(TreeView.class);
    assertThat(tree.getFocusModel().getFocusedIndex())
        .isEqualTo(tree.getSelectionModel().getSelectedIndex());
  }
}
