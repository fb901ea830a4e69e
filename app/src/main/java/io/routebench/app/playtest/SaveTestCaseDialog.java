package io.routebench.app.playtest;

import static io.routebench.app.forms.Forms.fieldLabel;
import static io.routebench.app.forms.Forms.help;

import io.routebench.app.forms.Forms;
import io.routebench.core.routing.RouteNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Asks where to save the playtest conversation and which route each user message should get: the
 * router's answer is the default, and correcting it is the point of a test.
 */
final class SaveTestCaseDialog {

  /** The user's answers: one expected route per user turn, in order. */
  record Answers(String suite, String name, List<String> expectedRoutes) {}

  private static final int SHOWN_MESSAGE_LENGTH = 70;

  private final TextField suite = new TextField(PlaytestCases.DEFAULT_SUITE);
  private final TextField name = new TextField();
  private final List<ComboBox<String>> expected = new ArrayList<>();
  private final GridPane form = Forms.grid();

  SaveTestCaseDialog(PlaytestViewModel viewModel) {
    form.setPrefWidth(620);
    suite.setId("saveCaseSuiteField");
    name.setId("saveCaseNameField");
    name.setText(viewModel.cases().suggestedCaseName());
    form.addRow(0, fieldLabel("Suite", suite), suite);
    form.addRow(1, fieldLabel("Test case", name), name);
    form.add(help("The route each user message should get:"), 0, 2, 2, 1);
    int row = 3;
    for (Turn turn : viewModel.conversation().userTurns()) {
      var route = new ComboBox<String>(viewModel.routeNames());
      // Only a route decided for the message as it stands is a default; a stale one is history.
      // A route the proxy could not read is no expectation: the user says what it should be.
      String decided = turn.route();
      route.setValue(
          decided != null && viewModel.routeNames().contains(decided) ? decided : RouteNames.OTHER);
      route.setMaxWidth(Double.MAX_VALUE);
      expected.add(route);
      var message = new Label(shortened(turn.text()));
      message.setMaxWidth(360);
      form.addRow(row++, message, route);
    }
  }

  /** Shows the dialog and waits; empty when the user cancels. */
  Optional<Answers> ask(Window owner) {
    var dialog = new Dialog<Answers>();
    dialog.initOwner(owner);
    dialog.setTitle("RouteBench");
    dialog.setHeaderText("Save the conversation as a test case");
    dialog.getDialogPane().setContent(form);
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    dialog
        .getDialogPane()
        .lookupButton(ButtonType.OK)
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> suite.getText().isBlank() || name.getText().isBlank(),
                suite.textProperty(),
                name.textProperty()));
    dialog.setResultConverter(button -> button == ButtonType.OK ? answers() : null);
    return dialog.showAndWait();
  }

  Answers answers() {
    return new Answers(
        suite.getText().strip(),
        name.getText().strip(),
        expected.stream().map(ComboBox::getValue).toList());
  }

  private static String shortened(String text) {
    String line = text.strip().replace('\n', ' ');
    return line.length() <= SHOWN_MESSAGE_LENGTH
        ? line
        : line.substring(0, SHOWN_MESSAGE_LENGTH - 1) + "…";
  }
}
