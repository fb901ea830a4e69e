package io.routebench.app.taxonomy;

import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.SelectionPreference;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The details form of the selected domain or action. The editable properties mirror the document:
 * they are reloaded whenever the document or the selection changes (undo included), and a change
 * the user makes is written back through the {@link DocumentEditor} at once — typing into a field
 * merges into one undo step per field and node.
 */
public final class NodeDetailsViewModel {

  /** What the form shows. */
  public enum Kind {
    NONE,
    DOMAIN,
    ACTION
  }

  private final DocumentEditor editor;
  private final ObjectProperty<NodeRef> selection;
  private final ReadOnlyObjectWrapper<Kind> kind =
      new ReadOnlyObjectWrapper<>(this, "kind", Kind.NONE);
  private final StringProperty name = new SimpleStringProperty(this, "name", "");
  private final StringProperty description = new SimpleStringProperty(this, "description", "");
  private final StringProperty routeName = new SimpleStringProperty(this, "routeName", "");
  private final ReadOnlyStringWrapper derivedRouteName =
      new ReadOnlyStringWrapper(this, "derivedRouteName", "");
  private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
  private final ObjectProperty<String> targetModel =
      new SimpleObjectProperty<>(this, "targetModel");
  private final ObjectProperty<SelectionPreference> preference =
      new SimpleObjectProperty<>(this, "preference", SelectionPreference.NONE);
  private final BooleanProperty coarseRoute = new SimpleBooleanProperty(this, "coarseRoute");
  private final ReadOnlyBooleanWrapper routable = new ReadOnlyBooleanWrapper(this, "routable");
  private final ObservableList<String> fallbacks = FXCollections.observableArrayList();
  private final ObservableList<String> targetChoices = FXCollections.observableArrayList();
  private final ObservableList<String> fallbackChoices = FXCollections.observableArrayList();

  private final DescriptionTokens descriptionTokens;

  /** Set while the properties are filled from the document, so that doing so edits nothing. */
  private boolean loading;

  /** A form whose token counts are estimates: no router model's tokenizer to ask. */
  public NodeDetailsViewModel(DocumentEditor editor, ObjectProperty<NodeRef> selection) {
    this(editor, selection, TokenCounters.NONE);
  }

  /**
   * @param tokens the router model's tokenizer, which counts the description's tokens exactly
   */
  public NodeDetailsViewModel(
      DocumentEditor editor, ObjectProperty<NodeRef> selection, TokenCounter tokens) {
    this.editor = editor;
    this.selection = selection;
    descriptionTokens = new DescriptionTokens(description, tokens);
    editor.documentProperty().addListener((obs, old, now) -> reload());
    selection.addListener(
        (obs, old, now) -> {
          editor.endTypingBurst();
          reload();
        });
    name.addListener((obs, old, now) -> nameEdited(now));
    description.addListener((obs, old, now) -> descriptionEdited(now));
    routeName.addListener((obs, old, now) -> routeNameEdited(now));
    targetModel.addListener((obs, old, now) -> targetChosen(now));
    preference.addListener((obs, old, now) -> preferenceChosen(now));
    coarseRoute.addListener((obs, old, now) -> coarseRouteToggled(now));
    reload();
  }

  public ReadOnlyObjectProperty<Kind> kindProperty() {
    return kind.getReadOnlyProperty();
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty descriptionProperty() {
    return description;
  }

  /** The description's token count: exact with the loaded model's tokenizer, else an estimate. */
  ReadOnlyObjectProperty<DescriptionTokens.Count> descriptionTokensProperty() {
    return descriptionTokens.countProperty();
  }

  /** The route-name override; empty means "use the derived name". */
  public StringProperty routeNameProperty() {
    return routeName;
  }

  /** The route name used while there is no override: the node's own name. */
  public ReadOnlyStringProperty derivedRouteNameProperty() {
    return derivedRouteName.getReadOnlyProperty();
  }

  /** A line that says what is selected, e.g. "Action in domain coding". */
  public ReadOnlyStringProperty headingProperty() {
    return heading.getReadOnlyProperty();
  }

  /** The preferred model's id, or {@code null} when none is chosen. */
  public ObjectProperty<String> targetModelProperty() {
    return targetModel;
  }

  public ObjectProperty<SelectionPreference> preferenceProperty() {
    return preference;
  }

  /** For domains: whether the domain on its own is a (coarse) route. */
  public BooleanProperty coarseRouteProperty() {
    return coarseRoute;
  }

  /** Whether the selected node has route settings (an action, or a coarse domain). */
  public ReadOnlyBooleanProperty routableProperty() {
    return routable.getReadOnlyProperty();
  }

  /** The fallback models in order of preference; change them with the fallback methods. */
  public ObservableList<String> fallbacks() {
    return FXCollections.unmodifiableObservableList(fallbacks);
  }

  /** Models the target can be chosen from: every target, plus a dangling current choice. */
  public ObservableList<String> targetChoices() {
    return FXCollections.unmodifiableObservableList(targetChoices);
  }

  /** Targets that may still be added as fallbacks. */
  public ObservableList<String> fallbackChoices() {
    return FXCollections.unmodifiableObservableList(fallbackChoices);
  }

  /** How a model id is shown: the target's display name with its id, or a note when missing. */
  /** The descriptions of every other domain and action, for the words they share with this one. */
  public List<String> otherDescriptions() {
    NodeRef node = selection.get();
    var others = new ArrayList<String>();
    for (Domain domain : editor.document().taxonomy().domains()) {
      if (node == null || !domain.id().equals(node.id())) {
        others.add(domain.description());
      }
      for (Action action : domain.actions()) {
        if (node == null || !action.id().equals(node.id())) {
          others.add(action.description());
        }
      }
    }
    return others;
  }

  public String labelOf(String model) {
    if (model == null) {
      return "(no target)";
    }
    return editor
        .document()
        .targetByModel(model)
        .map(
            t ->
                t.displayName() == null || t.displayName().isBlank()
                    ? model
                    : t.label() + "  (" + model + ")")
        .orElse(model + "  (not among the targets)");
  }

  public void addFallback(String model) {
    if (model == null || fallbacks.contains(model)) {
      return;
    }
    var next = new ArrayList<>(fallbacks);
    next.add(model);
    editPolicy("add fallback", policy -> policy.withFallbackModels(next));
  }

  public void removeFallback(String model) {
    var next = new ArrayList<>(fallbacks);
    if (next.remove(model)) {
      editPolicy("remove fallback", policy -> policy.withFallbackModels(next));
    }
  }

  /** Moves a fallback up ({@code -1}) or down ({@code +1}) in the order of preference. */
  public void moveFallback(String model, int delta) {
    var next = new ArrayList<>(fallbacks);
    int index = next.indexOf(model);
    int target = index + delta;
    if (index < 0 || target < 0 || target >= next.size()) {
      return;
    }
    next.add(target, next.remove(index));
    editPolicy("reorder fallbacks", policy -> policy.withFallbackModels(next));
  }

  /** A text field lost focus: the next keystroke starts a new undo step. */
  public void endTypingBurst() {
    editor.endTypingBurst();
  }

  private void reload() {
    loading = true;
    try {
      PolicyDocument document = editor.document();
      Taxonomy taxonomy = document.taxonomy();
      Optional<NodeLocation> location =
          Optional.ofNullable(selection.get()).flatMap(node -> NodeLocation.of(taxonomy, node));
      if (location.isEmpty()) {
        clear();
        return;
      }
      Domain domain = location.get().domainIn(taxonomy);
      PolicySettings policy;
      String nodeName;
      if (location.get().isAction()) {
        Action action = location.get().actionIn(taxonomy);
        kind.set(Kind.ACTION);
        nodeName = action.name();
        description.set(action.description());
        policy = action.policy();
        heading.set("Action in domain " + displayed(domain.name()));
        coarseRoute.set(false);
      } else {
        kind.set(Kind.DOMAIN);
        nodeName = domain.name();
        description.set(domain.description());
        policy = domain.coarsePolicy();
        int actions = domain.actions().size();
        heading.set(
            "Domain with "
                + actions
                + (actions == 1 ? " action" : " actions")
                + (domain.isCoarsePolicy() ? ", and a route of its own" : ""));
        coarseRoute.set(domain.isCoarsePolicy());
      }
      name.set(nodeName);
      derivedRouteName.set(nodeName);
      routable.set(policy != null);
      showPolicy(document, policy);
    } finally {
      loading = false;
    }
  }

  private void showPolicy(PolicyDocument document, PolicySettings policy) {
    List<String> models = document.targets().stream().map(ModelTarget::model).toList();
    var choices = new ArrayList<>(models);
    if (policy == null) {
      routeName.set("");
      targetModel.set(null);
      preference.set(SelectionPreference.NONE);
      fallbacks.clear();
      replace(targetChoices, choices);
      fallbackChoices.clear();
      return;
    }
    if (policy.targetModel() != null && !choices.contains(policy.targetModel())) {
      choices.add(policy.targetModel());
    }
    replace(targetChoices, choices);
    routeName.set(policy.routeNameOverride() == null ? "" : policy.routeNameOverride());
    targetModel.set(policy.targetModel());
    preference.set(policy.preference());
    replace(fallbacks, policy.fallbackModels());
    replace(
        fallbackChoices,
        models.stream()
            .filter(m -> !m.equals(policy.targetModel()) && !policy.fallbackModels().contains(m))
            .toList());
  }

  /** Lists bound to combo boxes are only touched when they change: a reset clears selections. */
  private static void replace(ObservableList<String> list, List<String> content) {
    if (!list.equals(content)) {
      list.setAll(content);
    }
  }

  private void clear() {
    kind.set(Kind.NONE);
    heading.set("");
    name.set("");
    description.set("");
    derivedRouteName.set("");
    routable.set(false);
    coarseRoute.set(false);
    routeName.set("");
    targetModel.set(null);
    preference.set(SelectionPreference.NONE);
    fallbacks.clear();
    targetChoices.clear();
    fallbackChoices.clear();
  }

  private void nameEdited(String value) {
    if (loading) {
      return;
    }
    NodeRef node = selection.get();
    if (node instanceof NodeRef.DomainRef) {
      editor.applyTyping(
          "name:" + node.id(),
          "rename domain",
          document -> TaxonomyEdits.updateDomain(document, node.id(), d -> d.withName(value)));
    } else if (node instanceof NodeRef.ActionRef) {
      editor.applyTyping(
          "name:" + node.id(),
          "rename action",
          document -> TaxonomyEdits.updateAction(document, node.id(), a -> a.withName(value)));
    }
  }

  private void descriptionEdited(String value) {
    if (loading) {
      return;
    }
    NodeRef node = selection.get();
    if (node instanceof NodeRef.DomainRef) {
      editor.applyTyping(
          "description:" + node.id(),
          "edit description",
          document ->
              TaxonomyEdits.updateDomain(document, node.id(), d -> d.withDescription(value)));
    } else if (node instanceof NodeRef.ActionRef) {
      editor.applyTyping(
          "description:" + node.id(),
          "edit description",
          document ->
              TaxonomyEdits.updateAction(document, node.id(), a -> a.withDescription(value)));
    }
  }

  private void routeNameEdited(String value) {
    if (loading || selection.get() == null) {
      return;
    }
    // An empty field means "derive it"; anything else, even spaces, is the user's override (the
    // validator reports stray whitespace rather than the workbench silently trimming it).
    String override = value == null || value.isEmpty() ? null : value;
    UnaryOperator<PolicySettings> change = policy -> policy.withRouteNameOverride(override);
    NodeRef node = selection.get();
    editor.applyTyping(
        "route:" + node.id(), "rename route", document -> editPolicyOf(document, node, change));
  }

  private void targetChosen(String model) {
    if (loading) {
      return;
    }
    editPolicy(
        "choose target",
        policy -> {
          var remaining = new ArrayList<>(policy.fallbackModels());
          remaining.remove(model);
          return policy.withTargetModel(model).withFallbackModels(remaining);
        });
  }

  private void preferenceChosen(SelectionPreference value) {
    if (loading || value == null) {
      return;
    }
    editPolicy("choose selection preference", policy -> policy.withPreference(value));
  }

  private void coarseRouteToggled(boolean on) {
    if (loading || !(selection.get() instanceof NodeRef.DomainRef node)) {
      return;
    }
    editor.apply(
        on ? "make domain a route" : "make domain a group only",
        document ->
            TaxonomyEdits.updateDomain(
                document,
                node.id(),
                domain ->
                    domain.withCoarsePolicy(
                        on
                            ? PolicySettings.targeting(TaxonomyViewModel.defaultModel(document))
                            : null)));
  }

  private void editPolicy(String label, UnaryOperator<PolicySettings> change) {
    NodeRef node = selection.get();
    if (node == null) {
      return;
    }
    editor.apply(label, document -> editPolicyOf(document, node, change));
  }

  /** Changes the node's route settings; a domain without a route of its own is left alone. */
  private static PolicyDocument editPolicyOf(
      PolicyDocument document, NodeRef node, UnaryOperator<PolicySettings> change) {
    if (node instanceof NodeRef.ActionRef) {
      return TaxonomyEdits.updateAction(
          document, node.id(), action -> action.withPolicy(change.apply(action.policy())));
    }
    return TaxonomyEdits.updateDomain(
        document,
        node.id(),
        domain ->
            domain.isCoarsePolicy()
                ? domain.withCoarsePolicy(change.apply(domain.coarsePolicy()))
                : domain);
  }

  private static String displayed(String name) {
    return name.isBlank() ? "(unnamed)" : "“" + name + "”";
  }
}
