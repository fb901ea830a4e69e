package io.routebench.app.transfer;

import io.routebench.core.config.ImportChanges;
import io.routebench.core.workspace.PolicyDocument;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File ▸ Import Policies, before anything is replaced: what the file changes against the open
 * policies (routes, targets, proxy settings, each change old → new) and what validation says about
 * it. Import replaces the policies in one undoable step; Cancel (or Escape) changes nothing. A file
 * holding a literal secret cannot be imported.
 */
public final class ImportPreviewDialog {

  private final Stage stage = new Stage();

  /**
   * @param accept replaces the policies; run only when the user chooses Import
   */
  public ImportPreviewDialog(
      String fileName,
      PolicyDocument imported,
      ImportChanges changes,
      Runnable accept,
      Window owner,
      List<String> stylesheets) {
    var summary = new Label(ImportChangeLines.summary(fileName, changes));
    summary.setId("importSummaryLabel");
    summary.setWrapText(true);
    summary.setMinHeight(Region.USE_PREF_SIZE);

    var sections = new VBox(10);
    sections.setId("importChangesList");
    sections.setPadding(new Insets(4));
    section(sections, "Routes", ImportChangeLines.changes(changes.routes()));
    section(sections, "Targets", ImportChangeLines.changes(changes.targets()));
    section(sections, "Proxy settings", ImportChangeLines.settings(changes));
    section(sections, "Domains after the import", ImportChangeLines.domains(imported));
    section(sections, "Problems in " + fileName, ImportChangeLines.problems(changes, imported));
    var scroll = new ScrollPane(sections);
    scroll.setFitToWidth(true);
    VBox.setVgrow(scroll, Priority.ALWAYS);

    String refusal = ImportChangeLines.refusal(changes);
    var verdict = new Label(refusal == null ? "" : refusal);
    verdict.setId("importRefusedLabel");
    verdict.getStyleClass().add("export-blocked");
    verdict.setWrapText(true);
    verdict.setMinHeight(Region.USE_PREF_SIZE);
    verdict.setVisible(refusal != null);
    verdict.setManaged(refusal != null);

    var importButton = new Button("Import");
    importButton.setId("importConfirmButton");
    importButton.setDefaultButton(true);
    importButton.setDisable(refusal != null);
    importButton.setOnAction(
        e -> {
          stage.close();
          accept.run();
        });
    var cancel = new Button("Cancel");
    cancel.setId("importCancelButton");
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> stage.close());
    var spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    var buttons = new HBox(8, spacer, importButton, cancel);
    importButton.setMinWidth(Region.USE_PREF_SIZE);
    cancel.setMinWidth(Region.USE_PREF_SIZE);

    var content = new VBox(8, summary, scroll, verdict, buttons);
    content.setPadding(new Insets(12));
    var scene = new Scene(new BorderPane(content), 720, 520);
    scene.getStylesheets().setAll(stylesheets);
    stage.setScene(scene);
    stage.setTitle("Import " + fileName + " — RouteBench");
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
  }

  public void show() {
    stage.show();
  }

  private static void section(VBox sections, String title, List<ImportChangeLines.Line> lines) {
    if (lines.isEmpty()) {
      return;
    }
    var heading = new Label(title);
    heading.getStyleClass().add("import-section-title");
    var box = new VBox(2, heading);
    for (ImportChangeLines.Line line : lines) {
      box.getChildren().add(lineLabel(line));
    }
    sections.getChildren().add(box);
  }

  private static Node lineLabel(ImportChangeLines.Line line) {
    var label = new Label(line.text());
    label.setWrapText(true);
    label.setMinHeight(Region.USE_PREF_SIZE);
    label.getStyleClass().addAll("import-line", line.tone().styleClass);
    return label;
  }
}
