package io.routebench.app.routing;

import io.routebench.app.forms.Forms;
import io.routebench.inference.llama.LlamaEngineSettings;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Edits how the local engine runs models: threads, context size, GPU layers. The values apply at
 * the next load; with a model loaded, "Save and reload" loads it again with them.
 */
final class EngineSettingsDialog {

  static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
  static final ButtonType SAVE_AND_RELOAD =
      new ButtonType("Save and reload", ButtonBar.ButtonData.APPLY);

  private static final String AUTO = "auto";

  private final EngineSettingsViewModel viewModel;

  /** Spinners whose text is not a number now: they hold no value to save. */
  private final Set<String> unreadable = new HashSet<>();

  private final IntegerProperty unreadableCount = new SimpleIntegerProperty();

  EngineSettingsDialog(EngineSettingsViewModel viewModel) {
    this.viewModel = viewModel;
  }

  /**
   * Shows the dialog without waiting.
   *
   * @param loadedModel the name of the model loaded now, or {@code null}: offers to reload it
   * @param reload loads the model again, with the saved settings
   */
  Dialog<ButtonType> show(Window owner, String loadedModel, Runnable reload) {
    var dialog = new Dialog<ButtonType>();
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle("Engine settings");
    dialog.setHeaderText("How llama.cpp runs the router model on this machine");
    GridPane form = Forms.grid();
    var threads =
        spinner(
            "engineThreadsSpinner",
            viewModel.threadsProperty(),
            1,
            EngineSettingsViewModel.MAX_THREADS,
            1,
            false);
    var context =
        spinner(
            "engineContextSpinner",
            viewModel.contextSizeProperty(),
            EngineSettingsViewModel.MIN_CONTEXT,
            EngineSettingsViewModel.MAX_CONTEXT,
            1024,
            false);
    var gpu =
        spinner(
            "engineGpuLayersSpinner",
            viewModel.gpuLayersProperty(),
            LlamaEngineSettings.AUTO_GPU_LAYERS,
            EngineSettingsViewModel.MAX_GPU_LAYERS,
            1,
            true);
    form.addRow(0, Forms.fieldLabel("Threads", threads), threads);
    form.addRow(1, Forms.fieldLabel("Context size (tokens)", context), context);
    form.addRow(2, Forms.fieldLabel("GPU layers", gpu), gpu);
    form.add(
        Forms.help(
            "GPU layers: auto leaves it to llama.cpp's build, 0 runs on the CPU only."
                + " None of these changes the route chosen, only how fast it is."),
        0,
        3,
        2,
        1);
    var problem = new Label();
    problem.setId("engineSettingsProblem");
    problem.setWrapText(true);
    problem.getStyleClass().add("error-message");
    problem
        .textProperty()
        .bind(
            Bindings.when(unreadableCount.greaterThan(0))
                .then("Type a whole number (or auto for GPU layers).")
                .otherwise(viewModel.problemProperty()));
    form.add(problem, 0, 4, 2, 1);
    var applies =
        new Label(
            loadedModel == null
                ? "Applies at the next load."
                : "Applies at the next load: " + loadedModel + " keeps its settings until then.");
    applies.setWrapText(true);
    form.add(applies, 0, 5, 2, 1);
    form.setPrefWidth(520);
    dialog.getDialogPane().setContent(form);
    var defaults = new ButtonType("Defaults", ButtonBar.ButtonData.LEFT);
    dialog.getDialogPane().getButtonTypes().setAll(defaults, SAVE, ButtonType.CANCEL);
    if (loadedModel != null) {
      dialog.getDialogPane().getButtonTypes().add(1, SAVE_AND_RELOAD);
    }
    // Defaults fills the fields in; it does not close the dialog.
    Button reset = (Button) dialog.getDialogPane().lookupButton(defaults);
    reset.setId("engineDefaultsButton");
    reset.addEventFilter(
        javafx.event.ActionEvent.ACTION,
        e -> {
          viewModel.resetToDefaults();
          e.consume();
        });
    var invalid = problem.textProperty().isNotEmpty();
    for (ButtonType saving : dialog.getDialogPane().getButtonTypes()) {
      if (saving == SAVE || saving == SAVE_AND_RELOAD) {
        var button = dialog.getDialogPane().lookupButton(saving);
        button.setId(saving == SAVE ? "engineSaveButton" : "engineSaveAndReloadButton");
        button.disableProperty().bind(invalid);
      }
    }
    dialog
        .resultProperty()
        .addListener(
            (obs, old, chosen) -> {
              if ((chosen == SAVE || chosen == SAVE_AND_RELOAD) && viewModel.save()) {
                if (chosen == SAVE_AND_RELOAD) {
                  reload.run();
                }
              }
            });
    // Each button as wide as its own text: made as wide as "Save and reload", four buttons no
    // longer fit a dialog sized for its form, and the widest is cut to "Save and rel…".
    for (ButtonType type : dialog.getDialogPane().getButtonTypes()) {
      ButtonBar.setButtonUniformSize(dialog.getDialogPane().lookupButton(type), false);
    }
    dialog.show();
    return dialog;
  }

  /**
   * An editable spinner kept in step with {@code value} as the user types, so that an out-of-range
   * number is named before Save, not silently clamped.
   */
  private Spinner<Integer> spinner(
      String id, IntegerProperty value, int min, int max, int step, boolean auto) {
    var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get(), step);
    var spinner = new Spinner<>(factory);
    spinner.setId(id);
    spinner.setEditable(true);
    spinner.setMaxWidth(Double.MAX_VALUE);
    factory.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Integer number) {
            if (number == null) {
              return "";
            }
            return auto && number == LlamaEngineSettings.AUTO_GPU_LAYERS ? AUTO : number.toString();
          }

          @Override
          public Integer fromString(String text) {
            // Text that is no number reverts to the value shown before, as spinners do.
            return parse(text, auto).stream().boxed().findFirst().orElse(factory.getValue());
          }
        });
    spinner.getEditor().setText(factory.getConverter().toString(value.get()));
    factory.valueProperty().addListener((obs, old, now) -> value.set(now));
    value.addListener(
        (obs, old, now) -> {
          if (now.intValue() >= min && now.intValue() <= max) {
            factory.setValue(now.intValue());
          }
        });
    spinner
        .getEditor()
        .textProperty()
        .addListener(
            (obs, old, text) -> {
              OptionalInt typed = parse(text, auto);
              if (typed.isPresent()) {
                unreadable.remove(id);
                value.set(typed.getAsInt());
              } else {
                unreadable.add(id);
              }
              unreadableCount.set(unreadable.size());
            });
    return spinner;
  }

  static OptionalInt parse(String text, boolean auto) {
    String trimmed = text == null ? "" : text.strip();
    if (auto && trimmed.equalsIgnoreCase(AUTO)) {
      return OptionalInt.of(LlamaEngineSettings.AUTO_GPU_LAYERS);
    }
    try {
      return OptionalInt.of(Integer.parseInt(trimmed.replace(",", "").replace("_", "")));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
