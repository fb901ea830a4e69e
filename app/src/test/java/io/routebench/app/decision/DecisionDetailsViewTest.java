package io.routebench.app.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.routing.DecisionDetails;
import io.routebench.core.routing.PromptSegment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.IndexRange;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The why panel as the user sees it: a decision's prompt, outcome and a working search. */
class DecisionDetailsViewTest extends FxRobot {

  private final DecisionDetailsViewModel why = new DecisionDetailsViewModel();

  @BeforeEach
  void show() throws Exception {
    Stage stage = FxToolkit.registerPrimaryStage();
    interact(
        () -> {
          stage.setScene(
              new Scene(
                  new javafx.scene.layout.StackPane(new DecisionDetailsView(why).root()),
                  900,
                  600));
          stage.show();
        });
  }

  @AfterEach
  void hide() throws Exception {
    interact(() -> Thread.currentThread().setUncaughtExceptionHandler(null));
    FxToolkit.hideStage();
  }

  /** What escaped to the FX thread's last-resort handler: the window's crash dialog. */
  private List<Throwable> escapedFailures() {
    var escaped = new CopyOnWriteArrayList<Throwable>();
    interact(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> escaped.add(e)));
    return escaped;
  }

  @Test
  void a_match_found_before_the_decision_changed_follows_it_to_the_new_text() {
    // Issue 17: find "rust", press Enter; then the draft is routed again (its details go, then
    // come back longer): the search ran on the new text before the view showed it.
    List<Throwable> escaped = escapedFailures();
    DecisionDetails before = SampleDetails.answered("code generation", false);
    interact(() -> why.detailsProperty().set(before));
    clickOn("#decisionFindField").write("other").push(KeyCode.ENTER);

    DecisionDetails after = SampleDetails.answered("code generation", true);
    interact(() -> why.detailsProperty().set(null));
    interact(() -> why.detailsProperty().set(after));

    StyleClassedTextArea text = lookup("#decisionPromptText").queryAs(StyleClassedTextArea.class);
    assertThat(escaped).isEmpty();
    assertThat(text.getText()).isEqualTo(after.modelInput());
    String shown = text.getText().toLowerCase();
    int first = shown.indexOf("other");
    assertThat(text.getSelection()).isEqualTo(new IndexRange(first, first + "other".length()));
  }

  @Test
  void a_failure_in_the_panel_is_reported_in_it_and_never_escapes_to_a_dialog() {
    List<Throwable> escaped = escapedFailures();
    DecisionDetails good = SampleDetails.answered("code generation", true);
    // Parts that lie beyond the prompt: drawing them fails.
    var broken =
        new DecisionDetails(
            good.decision(),
            "short",
            List.of(new PromptSegment(PromptSegment.Part.ROUTES, 600, 700)),
            null,
            good.routeOrder());

    interact(() -> why.detailsProperty().set(broken));

    assertThat(escaped).isEmpty();
    var problem = lookup("#decisionPanelProblem").queryLabeled();
    assertThat(problem.isVisible()).isTrue();
    assertThat(problem.getText()).startsWith("The why panel could not show this decision");

    interact(() -> why.detailsProperty().set(good));
    assertThat(lookup("#decisionPanelProblem").queryLabeled().isVisible()).isFalse();
    assertThat(lookup("#decisionPromptText").queryAs(StyleClassedTextArea.class).getText())
        .isEqualTo(good.modelInput());
  }

  @Test
  void a_decision_shows_its_prompt_outcome_proxy_action_and_figures() {
    DecisionDetails details = SampleDetails.answered("code generation", true);

    interact(() -> why.detailsProperty().set(details));

    StyleClassedTextArea text = lookup("#decisionPromptText").queryAs(StyleClassedTextArea.class);
    assertThat(text.getText()).isEqualTo(details.modelInput()).contains(details.prompt());
    assertThat(text.isEditable()).isFalse();
    int routes = details.modelInput().indexOf("[{\"name\":");
    assertThat(text.getStyleAtPosition(routes + 1)).contains(DecisionDetailsViewModel.ROUTES);
    assertThat(text.getStyleAtPosition(1)).contains(DecisionDetailsViewModel.CHAT_TEMPLATE);
    assertThat(lookup("#decisionOutcome").queryLabeled().getText())
        .isEqualTo("code generation · matched a policy");
    assertThat(lookup("#decisionProxyAction").queryLabeled().getText())
        .contains("routes to anthropic/claude-sonnet-4-5");
    assertThat(lookup("#decisionRawOutput").queryLabeled().getText())
        .contains("{\"route\": \"code generation\"}");
    assertThat(lookup("#decisionTiming").queryLabeled().getText()).contains("368 reused");
  }

  @Test
  void typing_in_the_find_field_selects_the_match_and_next_moves_on() {
    interact(() -> why.detailsProperty().set(SampleDetails.answered("code generation", true)));
    StyleClassedTextArea text = lookup("#decisionPromptText").queryAs(StyleClassedTextArea.class);
    String shown = text.getText();

    clickOn("#decisionFindField").write("parser in rust");

    int at = shown.indexOf("parser in rust");
    assertThat(text.getSelection()).isEqualTo(new IndexRange(at, at + "parser in rust".length()));
    assertThat(lookup("#decisionFindStatus").queryLabeled().getText()).isEqualTo("1 of 1");

    interact(() -> why.queryProperty().set("route"));
    clickOn("#decisionFindNext");
    int second = shown.toLowerCase().indexOf("route", shown.toLowerCase().indexOf("route") + 1);
    assertThat(text.getSelection().getStart()).isEqualTo(second);
    assertThat(text.getSelectedText()).isEqualToIgnoringCase("route");
  }
}
