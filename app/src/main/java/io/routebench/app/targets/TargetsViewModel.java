package io.routebench.app.targets;

import io.routebench.app.forms.ExpiringMessage;
import io.routebench.app.tasks.UiTimer;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.validation.SecretDetector;
import io.routebench.core.workspace.PolicyDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The targets table: the models routes can point at. Each change is one undo step; optional text
 * fields left empty are stored as absent rather than as empty strings.
 */
public final class TargetsViewModel {

  static final String NEW_MODEL = "provider/model-id";

  /** A variable name missing its '$': harmless to store, and validation explains the fix. */
  private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

  private final DocumentEditor editor;
  private final ObservableList<ModelTarget> targets = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<Map<String, Integer>> usagesByModel =
      new ReadOnlyObjectWrapper<>(this, "usagesByModel", Map.of());
  private final ExpiringMessage refusedEdit;

  /**
   * @param timer takes the message about a refused edit away after a while
   */
  public TargetsViewModel(DocumentEditor editor, UiTimer timer) {
    this.editor = editor;
    // Any stored edit (here, in another tab, an undo) makes the refusal old news.
    refusedEdit = new ExpiringMessage(timer).clearedBy(editor.documentProperty());
    documentChanged(editor.document());
    editor.documentProperty().addListener((obs, old, now) -> documentChanged(now));
  }

  private void documentChanged(PolicyDocument document) {
    if (!document.targets().equals(targets)) {
      targets.setAll(document.targets());
    }
    Map<String, Integer> usages =
        document.targets().stream()
            .map(ModelTarget::model)
            .distinct()
            .collect(Collectors.toMap(m -> m, m -> TargetEdits.usages(document, m)));
    if (!usages.equals(usagesByModel.get())) {
      usagesByModel.set(Map.copyOf(usages));
    }
  }

  /** How many routes use each target's model (as target or fallback). */
  public ReadOnlyObjectProperty<Map<String, Integer>> usagesByModelProperty() {
    return usagesByModel.getReadOnlyProperty();
  }

  /**
   * Why the last edit was not stored (a literal secret typed into a field), empty once an edit is
   * stored (anywhere) or after {@link ExpiringMessage#SHOWN_FOR}. The refused text never reaches
   * the document, so neither the workspace file nor the undo history ever holds it, and this
   * message never quotes it.
   */
  public ReadOnlyStringProperty refusedEditProperty() {
    return refusedEdit.textProperty();
  }

  /** The targets in document order (read-only; edit them through the methods). */
  public ObservableList<ModelTarget> targets() {
    return FXCollections.unmodifiableObservableList(targets);
  }

  /**
   * Adds a target with a placeholder model id for the user to overwrite; the first target becomes
   * the default.
   *
   * @return its row index
   */
  public int addTarget() {
    PolicyDocument document = editor.document();
    List<String> taken = document.targets().stream().map(ModelTarget::model).toList();
    String model = NEW_MODEL;
    for (int n = 2; taken.contains(model); n++) {
      model = NEW_MODEL + "-" + n;
    }
    ModelTarget target = ModelTarget.of(model, null, document.targets().isEmpty());
    editor.apply("add target", d -> TargetEdits.add(d, target));
    return editor.document().targets().size() - 1;
  }

  /**
   * Removes a target. Routes that pointed at it keep the reference, which validation reports, so
   * the user sees what to repoint; removing the default makes the first remaining target the
   * default.
   */
  public void removeTarget(int index) {
    if (!inRange(index)) {
      return;
    }
    boolean wasDefault = editor.document().targets().get(index).isDefault();
    editor.apply(
        "remove target",
        document -> {
          PolicyDocument removed = TargetEdits.remove(document, index);
          boolean hasDefault = removed.targets().stream().anyMatch(ModelTarget::isDefault);
          return wasDefault && !hasDefault && !removed.targets().isEmpty()
              ? TargetEdits.makeDefault(removed, 0)
              : removed;
        });
  }

  /** How many routes use the target's model, e.g. to confirm a removal. */
  public int usages(int index) {
    return inRange(index) ? usagesByModel.get().getOrDefault(targets.get(index).model(), 0) : 0;
  }

  /** Changes the model id (an empty entry is ignored); routes pointing at the old id follow. */
  public void setModel(int index, String model) {
    String stripped = model == null ? "" : model.strip();
    if (!inRange(index) || stripped.isEmpty() || stripped.equals(targets.get(index).model())) {
      return;
    }
    if (refusedAsSecret("model", SecretDetector.find(stripped))) {
      return;
    }
    editor.apply(
        "rename target model", document -> TargetEdits.renameModel(document, index, stripped));
  }

  public void setDisplayName(int index, String displayName) {
    if (refusedAsSecret("display name", SecretDetector.find(displayName))) {
      return;
    }
    edit(
        index,
        "rename target",
        t ->
            new ModelTarget(
                t.model(),
                emptyToNull(displayName),
                t.baseUrl(),
                t.accessKeyRef(),
                t.isDefault(),
                t.providerInterface(),
                t.extrasJson()));
  }

  public void setBaseUrl(int index, String baseUrl) {
    if (refusedAsSecret("base URL", SecretDetector.find(baseUrl))) {
      return;
    }
    edit(
        index,
        "change base URL",
        t ->
            new ModelTarget(
                t.model(),
                t.displayName(),
                emptyToNull(baseUrl),
                t.accessKeyRef(),
                t.isDefault(),
                t.providerInterface(),
                t.extrasJson()));
  }

  /** The access key as an environment reference such as {@code $OPENAI_API_KEY}. */
  public void setAccessKeyRef(int index, String accessKeyRef) {
    String key = emptyToNull(accessKeyRef);
    boolean reference =
        key == null || SecretDetector.isEnvReference(key) || ENV_NAME.matcher(key).matches();
    Optional<String> secret =
        reference
            ? Optional.empty()
            : SecretDetector.find(key).or(() -> Optional.of("a literal value, not a $NAME"));
    if (refusedAsSecret("access key", secret)) {
      return;
    }
    edit(
        index,
        "change access key",
        t ->
            new ModelTarget(
                t.model(),
                t.displayName(),
                t.baseUrl(),
                emptyToNull(accessKeyRef),
                t.isDefault(),
                t.providerInterface(),
                t.extrasJson()));
  }

  /** Makes this target the default and every other one not. */
  public void makeDefault(int index) {
    if (!inRange(index) || targets.get(index).isDefault() && onlyOneDefault()) {
      return;
    }
    editor.apply("change default target", document -> TargetEdits.makeDefault(document, index));
  }

  private boolean onlyOneDefault() {
    return targets.stream().filter(ModelTarget::isDefault).count() == 1;
  }

  /** Records why a field's text was not stored; true when it was refused. */
  private boolean refusedAsSecret(String field, Optional<String> secret) {
    if (secret.isEmpty()) {
      refusedEdit.clear();
      return false;
    }
    refusedEdit.show(
        "Not saved: the "
            + field
            + " you typed holds a literal secret ("
            + secret.get()
            + "), so the field keeps its previous value. "
            + SecretDetector.ADVICE
            + ".");
    return true;
  }

  private void edit(int index, String label, UnaryOperator<ModelTarget> change) {
    if (inRange(index)) {
      editor.apply(label, document -> TargetEdits.update(document, index, change));
    }
  }

  private boolean inRange(int index) {
    return index >= 0 && index < targets.size();
  }

  private static String emptyToNull(String value) {
    return value == null || value.strip().isEmpty() ? null : value.strip();
  }
}
