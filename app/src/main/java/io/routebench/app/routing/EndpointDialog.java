package io.routebench.app.routing;

import io.routebench.app.forms.Forms;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * "Connect to a server": base URL, model (listed by Test connection, or typed), and the name of the
 * environment variable that holds the API key, never the key. An Ollama found on this machine is
 * offered in one click.
 */
final class EndpointDialog {

  static final ButtonType CONNECT = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);

  private final EndpointViewModel viewModel;

  EndpointDialog(EndpointViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Shows the dialog without waiting; {@code connect} gets the endpoint when Connect is chosen. */
  Dialog<ButtonType> show(Window owner, Consumer<OpenAiEndpointSettings> connect) {
    var dialog = new Dialog<ButtonType>();
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle("Connect to a router server");
    dialog.setHeaderText("A router served by Ollama, vLLM, llama-server or LM Studio (OpenAI API)");
    GridPane form = Forms.grid();
    form.setPrefWidth(600);

    var baseUrl = new TextField();
    baseUrl.setId("endpointBaseUrlField");
    baseUrl.setPromptText("http://localhost:11434");
    baseUrl.textProperty().bindBidirectional(viewModel.baseUrlProperty());

    var model = new ComboBox<String>(viewModel.models());
    model.setId("endpointModelCombo");
    model.setEditable(true);
    model.setMaxWidth(Double.MAX_VALUE);
    model.getEditor().textProperty().bindBidirectional(viewModel.modelProperty());
    model
        .valueProperty()
        .addListener(
            (obs, old, chosen) -> {
              if (chosen != null) {
                viewModel.modelProperty().set(chosen);
              }
            });

    var key = new TextField();
    key.setId("endpointApiKeyVariableField");
    key.setPromptText("e.g. OPENAI_API_KEY; empty when the server needs no key");
    key.textProperty().bindBidirectional(viewModel.apiKeyVariableProperty());

    var test = new Button("Test connection");
    test.setId("endpointTestButton");
    test.setMinWidth(Button.USE_PREF_SIZE);
    test.disableProperty()
        .bind(viewModel.testingProperty().or(viewModel.problemProperty().isNotEmpty()));
    test.setOnAction(e -> viewModel.testConnection());
    var result = new Label();
    result.setId("endpointTestResultLabel");
    result.setWrapText(true);
    result.setMinHeight(Region.USE_PREF_SIZE);
    result.textProperty().bind(viewModel.testResultProperty());

    var ollama = new Hyperlink();
    ollama.setId("useOllamaLink");
    ollama
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  List<String> found = viewModel.ollamaModelsProperty().get();
                  return found == null
                      ? ""
                      : "Ollama is running at "
                          + viewModel.ollamaAddress()
                          + " with "
                          + found.size()
                          + (found.size() == 1 ? " model" : " models")
                          + ": use it";
                },
                viewModel.ollamaModelsProperty()));
    ollama.visibleProperty().bind(viewModel.ollamaModelsProperty().isNotNull());
    ollama.managedProperty().bind(ollama.visibleProperty());
    ollama.setOnAction(e -> viewModel.useOllama());

    var problem = new Label();
    problem.setId("endpointProblemLabel");
    problem.setWrapText(true);
    problem.setMinHeight(Region.USE_PREF_SIZE);
    problem.getStyleClass().add("error-message");
    problem.textProperty().bind(viewModel.problemProperty());

    form.addRow(0, Forms.fieldLabel("Base URL", baseUrl), baseUrl);
    form.addRow(1, Forms.fieldLabel("Model", model), model);
    form.addRow(2, Forms.fieldLabel("API key variable", key), key);
    form.add(test, 1, 3);
    // Its own row, across the form: a failure names the address and the cause, which wraps.
    form.add(result, 0, 4, 2, 1);
    form.add(ollama, 0, 5, 2, 1);
    form.add(problem, 0, 6, 2, 1);
    dialog.getDialogPane().setContent(form);
    dialog.getDialogPane().getButtonTypes().setAll(CONNECT, ButtonType.CANCEL);
    var connectButton = dialog.getDialogPane().lookupButton(CONNECT);
    connectButton.setId("endpointConnectButton");
    connectButton.disableProperty().bind(viewModel.problemProperty().isNotEmpty());
    dialog.setResizable(true);
    dialog
        .resultProperty()
        .addListener(
            (obs, old, chosen) -> {
              viewModel.cancelTest();
              if (chosen == CONNECT && viewModel.problemProperty().get().isEmpty()) {
                connect.accept(viewModel.settings());
              }
            });
    dialog.show();
    return dialog;
  }
}
