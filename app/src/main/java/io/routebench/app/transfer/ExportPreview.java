package io.routebench.app.transfer;

import io.routebench.app.validation.IssuePlaces;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.validation.PolicyValidator;
import io.routebench.core.validation.ValidationIssue;
import io.routebench.core.validation.ValidationReport;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;

/**
 * What the export dialog shows: the file exactly as it would be written for the chosen format, kept
 * up to date with the policies, and the validation result. Errors block writing (the text then is
 * empty and the errors say why); warnings, the validator's and the format's, are shown before
 * writing.
 *
 * <p>Confined to the UI thread.
 */
public final class ExportPreview {

  private final DocumentEditor editor;
  private final ObjectProperty<ExportChoice> choice = new SimpleObjectProperty<>(this, "choice");
  private final ReadOnlyObjectWrapper<ExportFormat.Rendered> rendered =
      new ReadOnlyObjectWrapper<>(this, "rendered");
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
  private final ReadOnlyObjectWrapper<List<String>> errors =
      new ReadOnlyObjectWrapper<>(this, "errors", List.of());
  private final ReadOnlyObjectWrapper<List<String>> warnings =
      new ReadOnlyObjectWrapper<>(this, "warnings", List.of());
  private final ReadOnlyBooleanWrapper writable = new ReadOnlyBooleanWrapper(this, "writable");
  private final ChangeListener<PolicyDocument> documentChanged = (obs, old, now) -> refresh();

  public ExportPreview(DocumentEditor editor, ExportChoice initial) {
    this.editor = editor;
    choice.set(initial);
    choice.addListener((obs, old, now) -> refresh());
    editor.documentProperty().addListener(documentChanged);
    refresh();
  }

  public ObjectProperty<ExportChoice> choiceProperty() {
    return choice;
  }

  /** The file's text, byte for byte as it is written; empty while there are errors. */
  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** What will be written, or {@code null} while errors block it. */
  public ReadOnlyObjectProperty<ExportFormat.Rendered> renderedProperty() {
    return rendered.getReadOnlyProperty();
  }

  /** The errors that block writing, each with its place. */
  public ReadOnlyObjectProperty<List<String>> errorsProperty() {
    return errors.getReadOnlyProperty();
  }

  /** What is worth knowing before writing: the validator's warnings and the format's. */
  public ReadOnlyObjectProperty<List<String>> warningsProperty() {
    return warnings.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty writableProperty() {
    return writable.getReadOnlyProperty();
  }

  /** Stops following the document. */
  public void dispose() {
    editor.documentProperty().removeListener(documentChanged);
  }

  private void refresh() {
    PolicyDocument document = editor.document();
    ValidationReport report = PolicyValidator.validate(document);
    errors.set(report.errors().stream().map(issue -> describe(document, issue)).toList());
    var shownWarnings =
        new ArrayList<>(
            report.warnings().stream().map(issue -> describe(document, issue)).toList());
    if (report.hasErrors()) {
      rendered.set(null);
      text.set("");
    } else {
      ExportFormat.Rendered next = choice.get().render(document);
      shownWarnings.addAll(next.warnings());
      rendered.set(next);
      text.set(next.text());
    }
    warnings.set(List.copyOf(shownWarnings));
    writable.set(!report.hasErrors());
  }

  private static String describe(PolicyDocument document, ValidationIssue issue) {
    return IssuePlaces.describe(document, issue.path()) + ": " + issue.message();
  }
}
