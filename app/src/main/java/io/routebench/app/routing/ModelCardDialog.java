package io.routebench.app.routing;

import io.routebench.app.forms.Forms;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Shows what a model file is before it is loaded (a load takes seconds and a GB of memory): name,
 * size, quantisation, chat template, licence; a file that cannot be loaded says why and offers no
 * Load (a Qwen3 router, which only a server can run here, offers Connect… instead).
 */
final class ModelCardDialog {

  static final ButtonType LOAD = new ButtonType("Load", ButtonBar.ButtonData.OK_DONE);

  /** Offered instead of Load for a model only a server can run (a Qwen3 router). */
  static final ButtonType CONNECT = new ButtonType("Connect…", ButtonBar.ButtonData.OK_DONE);

  private ModelCardDialog() {}

  /** Shows the card without waiting; {@code load} runs when the user chooses Load. */
  static Dialog<ButtonType> show(Window owner, ModelCardViewModel card, Runnable load) {
    return show(owner, card, load, null);
  }

  /**
   * @param connect opens "Connect to a server", offered instead of Load for a model that only a
   *     server can run; {@code null} where the workbench offers no servers
   */
  static Dialog<ButtonType> show(
      Window owner, ModelCardViewModel card, Runnable load, Runnable connect) {
    var dialog = new Dialog<ButtonType>();
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle("Load router model");
    dialog.setHeaderText(card.title());
    GridPane facts = Forms.grid();
    facts.setId("modelCardFacts");
    // Compact, so that the card with its template fits a 640-pixel-high screen.
    facts.setVgap(3);
    int row = 0;
    for (ModelCard.Row fact : card.rows()) {
      var value = new Label(fact.value());
      value.setWrapText(true);
      value.setId("modelCard-" + fact.label().replace(' ', '-'));
      facts.addRow(row++, Forms.fieldLabel(fact.label(), value), value);
    }
    var content = new VBox(8, facts);
    content.setPrefWidth(640);
    card.chatTemplatePreview()
        .ifPresent(
            template -> {
              var area = new TextArea(template);
              area.setId("modelCardTemplate");
              area.setEditable(false);
              area.setPrefRowCount(5);
              area.setStyle("-fx-font-family: monospace;");
              content.getChildren().addAll(new Label("Chat template"), area);
            });
    card.problem()
        .ifPresent(
            problem -> {
              var error = new Label(problem);
              error.setId("modelCardProblem");
              error.setWrapText(true);
              error.getStyleClass().add("error-text");
              error.setStyle("-fx-text-fill: #b00020; -fx-font-weight: bold;");
              content.getChildren().add(error);
            });
    dialog.getDialogPane().setContent(content);
    boolean offerConnect = connect != null && card.offersServer();
    if (offerConnect) {
      // Load would only fail: the way to use this model is a server that runs it.
      dialog.getDialogPane().getButtonTypes().setAll(CONNECT, ButtonType.CANCEL);
      dialog.getDialogPane().lookupButton(CONNECT).setId("modelCardConnectButton");
    } else {
      dialog.getDialogPane().getButtonTypes().setAll(LOAD, ButtonType.CANCEL);
      var loadButton = dialog.getDialogPane().lookupButton(LOAD);
      loadButton.setId("modelCardLoadButton");
      loadButton.setDisable(!card.canLoad());
    }
    dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("modelCardCancelButton");
    dialog.setResizable(true);
    dialog
        .resultProperty()
        .addListener(
            (obs, old, chosen) -> {
              if (chosen == LOAD && card.canLoad()) {
                load.run();
              } else if (chosen == CONNECT && offerConnect) {
                connect.run();
              }
            });
    dialog.show();
    return dialog;
  }
}
