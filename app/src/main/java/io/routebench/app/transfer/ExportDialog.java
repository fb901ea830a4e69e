package io.routebench.app.transfer;

import io.routebench.app.forms.Forms;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * File ▸ Export: choose the format, read the file as it will be written (highlighted, live with the
 * policies), see what validation says (errors block, warnings are shown first), then save it or
 * copy it to the clipboard. What is saved is the previewed text itself.
 */
public final class ExportDialog {

  private final ExportPreview preview;
  private final PolicyTransfers transfers;
  private final Supplier<Path> folder;
  private final Consumer<Path> folderUsed;
  private final Supplier<String> workspaceName;
  private final CodeArea text = new CodeArea();
  private final Stage stage = new Stage();

  /**
   * @param folder where the file chooser starts (the folder last exported to)
   * @param folderUsed told the folder a file was saved to
   */
  public ExportDialog(
      ExportPreview preview,
      ExportRunStatus runs,
      PolicyTransfers transfers,
      Supplier<String> workspaceName,
      Supplier<Path> folder,
      Consumer<Path> folderUsed,
      Window owner,
      List<String> stylesheets) {
    this.preview = preview;
    this.transfers = transfers;
    this.workspaceName = workspaceName;
    this.folder = folder;
    this.folderUsed = folderUsed;

    ChoiceBox<ExportChoice> format = Forms.choiceBox(ExportChoice.ALL, ExportChoice::label);
    format.setId("exportFormatChoice");
    format.valueProperty().bindBidirectional(preview.choiceProperty());
    var formatLine = new HBox(8, new Label("Format"), format);
    formatLine.setAlignment(Pos.CENTER_LEFT);

    text.setId("exportPreviewArea");
    text.setEditable(false);
    text.getStyleClass().add("export-preview");
    text.setParagraphGraphicFactory(LineNumberFactory.get(text));
    showText(preview.textProperty().get());
    preview.textProperty().addListener((obs, old, now) -> showText(now));
    var scroll = new VirtualizedScrollPane<>(text);
    VBox.setVgrow(scroll, Priority.ALWAYS);

    var verdict = new Label();
    verdict.setId("exportValidationLabel");
    verdict.setWrapText(true);
    verdict.setMinHeight(Region.USE_PREF_SIZE);
    Runnable showVerdict = () -> showVerdict(verdict);
    preview.errorsProperty().addListener((obs, old, now) -> showVerdict.run());
    preview.warningsProperty().addListener((obs, old, now) -> showVerdict.run());
    showVerdict.run();

    var save = new Button("Save…");
    save.setId("exportSaveButton");
    save.setDefaultButton(true);
    save.disableProperty().bind(preview.writableProperty().not());
    save.setOnAction(e -> chooseAndSave());
    var copy = new Button("Copy to clipboard");
    copy.setId("exportCopyButton");
    copy.disableProperty().bind(preview.writableProperty().not());
    copy.setOnAction(
        e -> {
          var content = new ClipboardContent();
          content.putString(preview.textProperty().get());
          Clipboard.getSystemClipboard().setContent(content);
        });
    var close = new Button("Close");
    close.setCancelButton(true);
    close.setOnAction(e -> stage.close());
    var spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    var buttons = new HBox(8, spacer, copy, save, close);
    for (Button button : new Button[] {copy, save, close}) {
      button.setMinWidth(Region.USE_PREF_SIZE);
    }

    var content = new VBox(8, formatLine, scroll, verdict, runStatus(runs), buttons);
    content.setPadding(new Insets(12));
    var root = new BorderPane(content);
    var scene = new Scene(root, 760, 560);
    scene.getStylesheets().setAll(stylesheets);
    stage.setScene(scene);
    stage.setTitle("Export — RouteBench");
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setOnHidden(
        e -> {
          preview.dispose();
          runs.dispose();
        });
    runs.load();
  }

  public void show() {
    stage.show();
  }

  /** The preview exactly as shown, for tests. */
  public String shownText() {
    return text.getText();
  }

  /** Saves the previewed text to {@code file}; the status bar says when it is written. */
  public void saveTo(Path file) {
    ExportFormat.Rendered rendered = preview.renderedProperty().get();
    if (rendered == null) {
      return;
    }
    if (file.toAbsolutePath().getParent() != null) {
      folderUsed.accept(file.toAbsolutePath().getParent());
    }
    transfers.write(file, preview.choiceProperty().get().format(), rendered);
  }

  private void chooseAndSave() {
    var chooser = new FileChooser();
    ExportFormat format = preview.choiceProperty().get().format();
    chooser.setTitle("Export " + format.displayName());
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter("YAML (*.yaml)", "*.yaml", "*.yml"));
    chooser.setInitialFileName(format.suggestedFileName(workspaceName.get()));
    Path start = folder.get();
    if (start != null && Files.isDirectory(start)) {
      chooser.setInitialDirectory(start.toFile());
    }
    File file = chooser.showSaveDialog(stage);
    if (file != null) {
      saveTo(file.toPath());
      stage.close();
    }
  }

  private void showText(String yaml) {
    text.replaceText(yaml);
    if (!yaml.isEmpty()) {
      text.setStyleSpans(0, YamlHighlighting.of(yaml));
    }
    text.moveTo(0);
    text.requestFollowCaret();
  }

  /**
   * The suites' latest runs under the verdict: a headline (red when a run fails) and one line per
   * suite, scrolling when there are many.
   */
  private static Node runStatus(ExportRunStatus runs) {
    var headline = new Label();
    headline.setId("exportRunsHeadline");
    headline.setWrapText(true);
    headline.setMinHeight(Region.USE_PREF_SIZE);
    var lines = new VBox(2);
    lines.setId("exportRunsList");
    var scroll = new ScrollPane(lines);
    scroll.setFitToWidth(true);
    scroll.setMaxHeight(96);
    // Never squeezed below a line or two by the preview above it: it scrolls from three on.
    lines
        .getChildren()
        .addListener(
            (javafx.collections.ListChangeListener<Node>)
                change -> scroll.setMinHeight(lines.getChildren().isEmpty() ? 0 : 48));
    Consumer<ExportRunStatus.Summary> show =
        summary -> {
          headline.setText(summary.headline());
          headline
              .getStyleClass()
              .removeAll("export-blocked", "export-warned", "export-runs-failing");
          switch (summary.tone()) {
            case FAILING ->
                headline.getStyleClass().addAll("export-blocked", "export-runs-failing");
            case WARNING -> headline.getStyleClass().add("export-warned");
            case FINE -> {}
          }
          lines.getChildren().clear();
          for (String line : summary.lines()) {
            var label = new Label("• " + line);
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            label.getStyleClass().add("export-run-line");
            lines.getChildren().add(label);
          }
          scroll.setVisible(!summary.lines().isEmpty());
          scroll.setManaged(!summary.lines().isEmpty());
        };
    show.accept(runs.summaryProperty().get());
    runs.summaryProperty().addListener((obs, old, now) -> show.accept(now));
    return new VBox(4, headline, scroll);
  }

  private void showVerdict(Label verdict) {
    List<String> errors = preview.errorsProperty().get();
    List<String> warnings = preview.warningsProperty().get();
    verdict.getStyleClass().removeAll("export-blocked", "export-warned");
    if (!errors.isEmpty()) {
      verdict.getStyleClass().add("export-blocked");
      verdict.setText(
          "Nothing can be written while the policies have errors:\n• "
              + String.join("\n• ", errors));
    } else if (!warnings.isEmpty()) {
      verdict.getStyleClass().add("export-warned");
      verdict.setText("Valid, with warnings:\n• " + String.join("\n• ", warnings));
    } else {
      verdict.setText("Valid: no errors, no warnings.");
    }
  }
}
