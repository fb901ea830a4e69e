package io.routebench.app.transfer;

import io.routebench.app.errors.ErrorReporter;
import io.routebench.app.files.AtomicFiles;
import io.routebench.app.tasks.BackgroundTask;
import io.routebench.app.tasks.TaskExecutor;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.config.ConfigFiles;
import io.routebench.core.config.ConfigFormatException;
import io.routebench.core.config.ConfigText;
import io.routebench.core.config.ImportChanges;
import io.routebench.core.config.ImportedPolicies;
import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.validation.ValidationIssue;
import io.routebench.core.validation.ValidationReport;
import io.routebench.core.workspace.PolicyDocument;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Imports policies into the open workspace and exports them, from the workbench. Files are read and
 * written in the background. An import first shows what it would change ({@link ImportReview});
 * accepted, it replaces the whole document (taxonomy, targets, profile, router, the proxy config's
 * other keys) as one undoable edit.
 *
 * <p>Confined to the UI thread; the file work runs on the given executor.
 */
public final class PolicyTransfers {

  /** At most this many validation errors are listed in the dialog; the panel lists them all. */
  static final int LISTED_ERRORS = 5;

  private final DocumentEditor editor;
  private final TaskExecutor files;
  private final ErrorReporter errors;
  private final ImportReview review;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");

  /** The document the last import made, while the outcome still speaks of it. */
  private PolicyDocument importedDocument;

  /**
   * @param files runs reading and writing off the UI thread
   * @param review shows what an import would change before it replaces anything
   */
  public PolicyTransfers(
      DocumentEditor editor, TaskExecutor files, ErrorReporter errors, ImportReview review) {
    this.editor = editor;
    this.files = files;
    this.errors = errors;
    this.review = review;
    editor
        .documentProperty()
        .addListener(
            (obs, old, now) -> {
              // "Imported …, Undo puts the previous policies back" is true only while the
              // imported policies are shown: an undo (or any later edit) withdraws it.
              if (importedDocument != null && !now.equals(importedDocument)) {
                importedDocument = null;
                outcome.set("");
              }
            });
  }

  /** Whether an import or export is under way; the menu commands wait for it. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /**
   * What the last import or export did, for the status bar; empty at first, and emptied when the
   * imported policies are undone or edited.
   */
  public ReadOnlyStringProperty outcomeProperty() {
    return outcome.getReadOnlyProperty();
  }

  /**
   * Reads a proxy config (either dialect) or a policy document, shows what it would change, and
   * makes it the workspace's when the user accepts.
   */
  public void importFrom(Path file) {
    String name = file.getFileName().toString();
    PolicyDocument current = editor.document();
    busy.set(true);
    files.execute(
        BackgroundTask.of(
                "Importing " + name,
                progress -> {
                  ImportedPolicies imported = ConfigFiles.readPolicies(name, readText(file));
                  return new Read(imported, ImportChanges.between(current, imported));
                })
            .onSuccess(read -> review(name, current, read))
            .onFailure(failure -> importFailed(file, failure)));
  }

  /** A file read, and what it changes against the document of the moment it was read. */
  private record Read(ImportedPolicies imported, ImportChanges changes) {}

  private void review(String name, PolicyDocument readAgainst, Read read) {
    busy.set(false);
    // An edit made while the file was read would be missing from the preview.
    ImportChanges changes =
        editor.document().equals(readAgainst)
            ? read.changes()
            : ImportChanges.between(editor.document(), read.imported());
    review.review(name, read.imported(), changes, () -> imported(name, read.imported()));
  }

  /**
   * Writes the policies as they are now; refuses, naming the errors, while validation finds any.
   */
  public void exportTo(Path file, ExportFormat format) {
    PolicyDocument document = editor.document();
    ValidationReport report = PolicyValidator.validate(document);
    if (report.hasErrors()) {
      errors.showError(
          "Cannot export: the policies have " + count(report.errors().size(), "error"),
          "Nothing was written. Fix these first (the Problems panel lists them all):\n"
              + listed(report.errors()),
          null);
      return;
    }
    write(file, format, format.render(document, false));
  }

  /**
   * Writes exactly {@code rendered} (what the export dialog previewed) to {@code file}, in the
   * background; the status bar and, with warnings, a dialog say how it went.
   */
  public void write(Path file, ExportFormat format, ExportFormat.Rendered rendered) {
    busy.set(true);
    files.execute(
        BackgroundTask.of(
                "Exporting " + format.displayName(),
                progress -> {
                  AtomicFiles.writeString(file, rendered.text());
                  return rendered.warnings();
                })
            .onSuccess(warnings -> exported(file, format, warnings))
            .onFailure(
                failure -> {
                  busy.set(false);
                  errors.showError(
                      "Cannot export to " + file.getFileName(),
                      file + " could not be written: " + failure.getMessage(),
                      failure);
                }));
  }

  private void imported(String name, ImportedPolicies imported) {
    PolicyDocument document = imported.document();
    editor.apply("import " + name, current -> document);
    importedDocument = editor.document();
    outcome.set(""); // a repeated message is news too
    outcome.set(
        "Imported "
            + count(document.taxonomy().policies().size(), "route")
            + " and "
            + count(document.targets().size(), "target")
            + " from "
            + name
            + " (Undo puts the previous policies back)");
  }

  private void importFailed(Path file, Throwable failure) {
    busy.set(false);
    String title = "Cannot import " + file.getFileName();
    String keep = "\nThe workspace was not changed.";
    if (failure instanceof ConfigFormatException format) {
      // Its message already names the file and the line, column or key path of each problem.
      errors.showError(title, format.getMessage() + keep, null);
    } else if (failure instanceof NoSuchFileException) {
      errors.showError(title, file + " does not exist." + keep, null);
    } else {
      errors.showError(title, file + ": " + failure.getMessage() + keep, failure);
    }
  }

  private void exported(Path file, ExportFormat format, List<String> warnings) {
    busy.set(false);
    importedDocument = null;
    outcome.set("");
    outcome.set("Exported the " + format.displayName() + " to " + file);
    if (!warnings.isEmpty()) {
      errors.showWarning(
          "Exported with warnings",
          "The "
              + format.displayName()
              + " was written to "
              + file
              + ", but:\n"
              + bullets(warnings));
    }
  }

  private static String readText(Path file) throws IOException {
    return ConfigText.read(file);
  }

  private static String listed(List<ValidationIssue> issues) {
    String shown =
        bullets(
            issues.stream()
                .limit(LISTED_ERRORS)
                .map(issue -> issue.path() + ": " + issue.message())
                .toList());
    int more = issues.size() - LISTED_ERRORS;
    return more > 0 ? shown + "\n… and " + more + " more" : shown;
  }

  private static String bullets(List<String> lines) {
    return lines.stream().map(line -> "• " + line).collect(Collectors.joining("\n"));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
