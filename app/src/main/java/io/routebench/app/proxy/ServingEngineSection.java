package io.routebench.app.proxy;

import static io.routebench.app.forms.Forms.fieldLabel;
import static io.routebench.app.forms.Forms.help;

import io.routebench.app.forms.Forms;
import io.routebench.core.routing.ServingEngine;
import java.io.File;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Proxy tab's "Serving engine" rows: which server runs the router and so which text the model
 * reads, a Jinja template of the user's own for engines that render Jinja, and a system message the
 * server adds.
 */
final class ServingEngineSection {

  private final ServingEngineViewModel viewModel;

  ServingEngineSection(ServingEngineViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /** Adds the heading and the rows to {@code grid} from {@code row} on; returns the next row. */
  int addTo(GridPane grid, int row) {
    var heading = new Label("Serving engine");
    heading.getStyleClass().add("details-heading");
    GridPane.setMargin(heading, new Insets(14, 0, 0, 0));
    grid.add(heading, 0, row, 2, 1);

    ChoiceBox<ServingEngine> engine =
        Forms.choiceBox(List.of(ServingEngine.values()), ServingEngine::label);
    engine.setId("servedByChoice");
    engine.valueProperty().bindBidirectional(viewModel.servedByProperty());
    var wrapping = help("");
    wrapping.setId("servedByWrappingLabel");
    wrapping.textProperty().bind(viewModel.wrappingProperty());
    grid.addRow(
        row + 1,
        fieldLabel("Served by", engine),
        new VBox(
            2,
            engine,
            wrapping,
            help(
                "The proxy sends one user message; the server that runs the router wraps it in a"
                    + " chat template, and that text is what the model reads. Local decisions"
                    + " and runs wrap it the same way. "
                    + ServingEngine.DEFAULT_REASON),
            help(
                "A router connected with Connect… wraps the prompt itself: this only records"
                    + " what it does. \"Check against my server\" in Connect… shows whether it"
                    + " does.")));

    var template = new Label();
    template.setId("chatTemplateLabel");
    template.setWrapText(true);
    template.textProperty().bind(viewModel.templateProperty());
    var choose = Forms.button("Choose file…", "chooseChatTemplateButton", () -> choose(grid));
    var modelOwn =
        Forms.button(
            "Use the model's own", "useModelChatTemplateButton", viewModel::useModelTemplate);
    modelOwn.disableProperty().bind(viewModel.customTemplateProperty().not());
    var buttons = new HBox(6, choose, modelOwn);
    buttons.setAlignment(Pos.CENTER_LEFT);
    buttons.disableProperty().bind(viewModel.templateChoosableProperty().not());
    var problem = new Label();
    problem.setId("chatTemplateProblemLabel");
    problem.setWrapText(true);
    problem.setStyle("-fx-text-fill: #b00020;");
    problem.textProperty().bind(viewModel.templateProblemProperty());
    problem.visibleProperty().bind(viewModel.templateProblemProperty().isNotEmpty());
    problem.managedProperty().bind(problem.visibleProperty());
    grid.addRow(
        row + 2,
        fieldLabel("Chat template", buttons),
        new VBox(
            2,
            template,
            buttons,
            problem,
            help(
                "vLLM (--chat-template) and llama-server (--jinja --chat-template-file) can"
                    + " render a Jinja template of your own in place of the model's; Ollama"
                    + " uses Go templates and llama-server without --jinja its built-in"
                    + " formats.")));

    var system = new TextArea();
    system.setId("servedBySystemMessageArea");
    system.setPrefRowCount(2);
    system.setWrapText(true);
    system.setPromptText("None: both proxies send no system message");
    system.textProperty().bindBidirectional(viewModel.systemMessageProperty());
    system
        .focusedProperty()
        .addListener(
            (obs, was, now) -> {
              if (!now) {
                viewModel.endTypingBurst();
              }
            });
    grid.addRow(
        row + 3,
        fieldLabel("System message", system),
        new VBox(
            2,
            system,
            help(
                "What your server adds as the system message, if anything (an Ollama Modelfile"
                    + " SYSTEM, for one). Every engine then writes it as the system turn, in"
                    + " place of a template's default.")));
    return row + 4;
  }

  private void choose(GridPane owner) {
    var chooser = new FileChooser();
    chooser.setTitle("Chat template (Jinja)");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("Jinja templates (*.jinja, *.j2)", "*.jinja", "*.j2"),
            new FileChooser.ExtensionFilter("All files", "*"));
    File file =
        chooser.showOpenDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
    if (file != null) {
      viewModel.useTemplateFile(file.toPath());
    }
  }
}
