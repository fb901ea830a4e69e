package io.routebench.app.routing;

import io.routebench.app.forms.Forms;
import io.routebench.app.forms.WindowFit;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
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

  /**
   * "Check against my server": the server's rendering of the router prompt held against
   * RouteBench's for the workspace's serving engine; the difference shown in a fixed-width font so
   * the two texts line up.
   */
  private Node serverCheck() {
    var check = new Button("Check against my server");
    check.setId("endpointCheckServerButton");
    check.setMinWidth(Button.USE_PREF_SIZE);
    check
        .disableProperty()
        .bind(viewModel.checkingProperty().or(viewModel.problemProperty().isNotEmpty()));
    check.setOnAction(e -> viewModel.checkServer());
    check.setTooltip(
        new Tooltip(
            "Asks the server how it wraps the router's one user message (Ollama /api/chat"
                + " _debug_render_only, llama-server /apply-template, vLLM /tokenize) and compares"
                + " it with the text RouteBench's decisions are made on."));
    var answer = new Label();
    answer.setId("endpointCheckServerResultLabel");
    answer.setWrapText(true);
    answer.setMinHeight(Region.USE_PREF_SIZE);
    answer.setStyle("-fx-font-family: monospace;");
    answer.textProperty().bind(viewModel.checkResultProperty());
    answer
        .styleProperty()
        .bind(
            Bindings.when(
                    viewModel
                        .checkMatchedProperty()
                        .or(viewModel.checkingProperty())
                        .or(viewModel.checkResultProperty().isEmpty()))
                .then("-fx-font-family: monospace;")
                .otherwise("-fx-font-family: monospace; -fx-text-fill: #b00020;"));
    return new VBox(4, new Separator(), check, answer);
  }

  /** Shows the dialog without waiting; {@code connect} gets the router when Connect is chosen. */
  Dialog<ButtonType> show(Window owner, Consumer<RouterSource> connect) {
    var dialog = new Dialog<ButtonType>();
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle("Connect to a router server");
    dialog.setHeaderText(
        "A router model served by Ollama, vLLM, llama-server or LM Studio (OpenAI API), or a"
            + " running plano that decides itself");
    GridPane form = Forms.grid();
    form.setPrefWidth(600);

    var kind = new ComboBox<EndpointViewModel.ServerKind>();
    kind.setId("endpointKindCombo");
    kind.getItems().setAll(EndpointViewModel.ServerKind.values());
    kind.valueProperty().bindBidirectional(viewModel.kindProperty());
    kind.setMaxWidth(Double.MAX_VALUE);
    BooleanBinding plano = viewModel.kindProperty().isEqualTo(EndpointViewModel.ServerKind.PLANO);
    // Always shown, worded for the kind: a note that came and went would resize the dialog
    // under the user's pointer (and could push its buttons out of view).
    var kindNote = new Label();
    kindNote.setId("endpointKindNote");
    kindNote.setWrapText(true);
    kindNote.setMinHeight(Region.USE_PREF_SIZE);
    kindNote.getStyleClass().add("help");
    kindNote
        .textProperty()
        .bind(
            Bindings.when(plano)
                .then(
                    "plano decides each message itself (POST /routing/v1/chat/completions, the"
                        + " workspace's routes as routing_preferences), with its own router model"
                        + " and prompt: the route shown is production's.")
                .otherwise(
                    "The server runs the router model: RouteBench sends it the proxy's prompt and"
                        + " reads the answer the way the proxy does."));

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

    var parallel = new Spinner<Integer>(1, OpenAiEndpointSettings.MAX_PARALLEL_REQUESTS, 1);
    parallel.setId("endpointParallelSpinner");
    parallel.setEditable(true);
    parallel.setPrefWidth(90);
    parallel
        .getValueFactory()
        .valueProperty()
        .bindBidirectional(viewModel.parallelRequestsProperty());
    parallel.setTooltip(
        new Tooltip(
            "How many turns a suite run asks at once. As many as the server works on together:"
                + " vLLM batches many, llama-server its --parallel slots, Ollama"
                + " OLLAMA_NUM_PARALLEL. routebench test --parallel takes the same."));
    var parallelHint = new Label("turns asked at once in suite runs");
    parallelHint.getStyleClass().add("help");
    var parallelRow = new HBox(8, parallel, parallelHint);
    parallelRow.setAlignment(Pos.CENTER_LEFT);

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
    ollama.visibleProperty().bind(viewModel.ollamaModelsProperty().isNotNull().and(plano.not()));
    // plano needs neither: it knows its router model, and its listener takes no key.
    model.disableProperty().bind(plano);
    key.disableProperty().bind(plano);
    ollama.managedProperty().bind(ollama.visibleProperty());
    ollama.setOnAction(e -> viewModel.useOllama());

    var problem = new Label();
    problem.setId("endpointProblemLabel");
    problem.setWrapText(true);
    problem.setMinHeight(Region.USE_PREF_SIZE);
    problem.getStyleClass().add("error-message");
    problem.textProperty().bind(viewModel.problemProperty());

    form.addRow(0, Forms.fieldLabel("Kind", kind), kind);
    form.add(kindNote, 0, 1, 2, 1);
    form.addRow(2, Forms.fieldLabel("Base URL", baseUrl), baseUrl);
    form.addRow(3, Forms.fieldLabel("Model", model), model);
    form.addRow(4, Forms.fieldLabel("API key variable", key), key);
    form.addRow(5, Forms.fieldLabel("Requests in flight", parallel), parallelRow);
    form.add(test, 1, 6);
    // Its own row, across the form: a failure names the address and the cause, which wraps.
    form.add(result, 0, 7, 2, 1);
    form.add(ollama, 0, 8, 2, 1);
    form.add(problem, 0, 9, 2, 1);
    if (viewModel.offersServerCheck()) {
      form.add(serverCheck(), 0, 10, 2, 1);
    }
    // A small screen scrolls the form rather than push the buttons off the window.
    var scroll = new ScrollPane(form);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("edge-to-edge");
    dialog.getDialogPane().setContent(scroll);
    dialog.setOnShown(e -> WindowFit.keepOnScreen(dialog.getDialogPane().getScene().getWindow()));
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
                connect.accept(viewModel.source());
              }
            });
    dialog.show();
    return dialog;
  }
}
