package io.routebench.app.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.routing.DecisionDetails;
import javafx.scene.Scene;
import javafx.scene.control.IndexRange;
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
    FxToolkit.hideStage();
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
