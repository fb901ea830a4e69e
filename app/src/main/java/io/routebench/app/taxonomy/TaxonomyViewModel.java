package io.routebench.app.taxonomy;

import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The taxonomy tree's state and commands: the Domain → Action structure, the selected node, and
 * adding, deleting and reordering nodes. Every command is one undo step of the {@link
 * DocumentEditor}. Holds no controls, so it is tested without a screen.
 */
public final class TaxonomyViewModel {

  static final String NEW_DOMAIN_NAME = "New domain";
  static final String NEW_ACTION_NAME = "New action";

  private final DocumentEditor editor;
  private final Supplier<String> ids;
  private final ReadOnlyObjectWrapper<Taxonomy> taxonomy;
  private final ObjectProperty<NodeRef> selection = new SimpleObjectProperty<>(this, "selection");
  private final ObjectProperty<RoutedNode> routed = new SimpleObjectProperty<>(this, "routed");
  private final ObjectProperty<Map<NodeRef, NodeMark>> marks =
      new SimpleObjectProperty<>(this, "marks", Map.of());
  private final ReadOnlyBooleanWrapper canAddAction =
      new ReadOnlyBooleanWrapper(this, "canAddAction");
  private final ReadOnlyBooleanWrapper canDelete = new ReadOnlyBooleanWrapper(this, "canDelete");
  private final ReadOnlyBooleanWrapper canMoveUp = new ReadOnlyBooleanWrapper(this, "canMoveUp");
  private final ReadOnlyBooleanWrapper canMoveDown =
      new ReadOnlyBooleanWrapper(this, "canMoveDown");

  /**
   * @param ids makes ids for new domains and actions (UUIDs in the workbench)
   */
  public TaxonomyViewModel(DocumentEditor editor, Supplier<String> ids) {
    this.editor = editor;
    this.ids = ids;
    this.taxonomy = new ReadOnlyObjectWrapper<>(this, "taxonomy", editor.document().taxonomy());
    editor.documentProperty().addListener((obs, old, now) -> documentChanged(now));
    selection.addListener((obs, old, now) -> refreshCommands());
    refreshCommands();
  }

  /** The tree to show; replaced (never mutated) on every edit, undo and redo. */
  public ReadOnlyObjectProperty<Taxonomy> taxonomyProperty() {
    return taxonomy.getReadOnlyProperty();
  }

  /** The selected node, or {@code null}. Cleared when an undo removes the node. */
  /** The node the playtest's latest decision chose, lit up in the tree; {@code null} for none. */
  public ObjectProperty<RoutedNode> routedProperty() {
    return routed;
  }

  /** The nodes with validation problems (fed by the live validation), marked in the tree. */
  public ObjectProperty<Map<NodeRef, NodeMark>> marksProperty() {
    return marks;
  }

  public ObjectProperty<NodeRef> selectionProperty() {
    return selection;
  }

  public Optional<NodeRef> selection() {
    return Optional.ofNullable(selection.get());
  }

  public void select(NodeRef node) {
    selection.set(node);
  }

  public ReadOnlyBooleanProperty canAddActionProperty() {
    return canAddAction.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canDeleteProperty() {
    return canDelete.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canMoveUpProperty() {
    return canMoveUp.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canMoveDownProperty() {
    return canMoveDown.getReadOnlyProperty();
  }

  /** Adds a domain after the selected one (or at the end) and selects it. */
  public NodeRef addDomain() {
    Taxonomy current = taxonomy.get();
    int index =
        selectedLocation()
            .map(location -> location.domainIndex() + 1)
            .orElse(current.domains().size());
    List<String> names = current.domains().stream().map(Domain::name).toList();
    Domain domain =
        new Domain(
            ids.get(), TaxonomyEdits.uniqueName(NEW_DOMAIN_NAME, names), "", null, List.of());
    editor.apply("add domain", document -> TaxonomyEdits.insertDomain(document, index, domain));
    NodeRef added = NodeRef.domain(domain.id());
    selection.set(added);
    return added;
  }

  /**
   * Adds an action to the selected domain (at its end), after the selected action, or — with
   * nothing selected — at the end of the last domain; selects it. The new action targets the
   * default model, so it is routable straight away.
   *
   * @return the new action, or empty when there is no domain to add it to
   */
  public Optional<NodeRef> addAction() {
    Taxonomy current = taxonomy.get();
    Optional<NodeLocation> location = selectedLocation();
    if (location.isEmpty() && current.domains().isEmpty()) {
      return Optional.empty();
    }
    int domainIndex = location.map(NodeLocation::domainIndex).orElse(current.domains().size() - 1);
    Domain domain = current.domains().get(domainIndex);
    int index =
        location
            .filter(NodeLocation::isAction)
            .map(l -> l.actionIndex() + 1)
            .orElse(domain.actions().size());
    List<String> names = domain.actions().stream().map(Action::name).toList();
    Action action =
        new Action(
            ids.get(),
            TaxonomyEdits.uniqueName(NEW_ACTION_NAME, names),
            "",
            PolicySettings.targeting(defaultModel(editor.document())));
    editor.apply(
        "add action", document -> TaxonomyEdits.insertAction(document, domain.id(), index, action));
    NodeRef added = NodeRef.action(action.id());
    selection.set(added);
    return Optional.of(added);
  }

  /** Deletes the selected node (a domain with its actions) and selects a neighbour. */
  /** Renames a node in place (the tree's F2 or double-click), as one undo step. */
  public void rename(NodeRef node, String name) {
    String newName = name.strip();
    if (newName.isEmpty()) {
      return;
    }
    if (node instanceof NodeRef.DomainRef) {
      editor.apply(
          "rename domain",
          d -> TaxonomyEdits.updateDomain(d, node.id(), domain -> domain.withName(newName)));
    } else {
      editor.apply(
          "rename action",
          d -> TaxonomyEdits.updateAction(d, node.id(), action -> action.withName(newName)));
    }
  }

  public void deleteSelected() {
    NodeRef node = selection.get();
    Optional<NodeLocation> location = selectedLocation();
    if (node == null || location.isEmpty()) {
      return;
    }
    NodeRef next = neighbourAfterRemoval(location.get());
    String label = node instanceof NodeRef.DomainRef ? "delete domain" : "delete action";
    editor.apply(label, document -> TaxonomyEdits.remove(document, node));
    selection.set(next);
  }

  /** A copy of the selected node with everything under it, for the clipboard. */
  public Optional<NodeClip> copySelected() {
    return selection().flatMap(node -> NodeClip.of(editor.document(), node));
  }

  /** A copy of {@code node} with everything under it. */
  NodeClip copyOf(NodeRef node) {
    return NodeClip.of(editor.document(), node).orElseThrow();
  }

  /** Copies the selected node and deletes it (one undo step: the delete). */
  public Optional<NodeClip> cutSelected() {
    Optional<NodeClip> clip = copySelected();
    clip.ifPresent(c -> deleteSelected());
    return clip;
  }

  /**
   * Puts a copy of the selected node right after it, named "… (copy)", and selects the copy; one
   * undo step.
   */
  public void duplicateSelected() {
    copySelected().ifPresent(clip -> insert("duplicate", clip));
  }

  /**
   * Pastes copied nodes: actions after the selected action or into the selected domain, domains
   * after the selected domain; selects the first pasted node; one undo step.
   *
   * @throws IllegalArgumentException when actions are pasted before there is a domain
   */
  public void paste(NodeClip clip) {
    insert("paste", clip);
  }

  private void insert(String verb, NodeClip clip) {
    NodeCopies.Pasted pasted = NodeCopies.paste(editor.document(), clip, selection.get(), ids);
    int count = clip.actions() ? clip.domains().get(0).actions().size() : clip.domains().size();
    String noun = (clip.actions() ? "action" : "domain") + (count == 1 ? "" : "s");
    editor.apply(verb + " " + noun, document -> pasted.document());
    selection.set(pasted.first());
  }

  public void moveSelectedUp() {
    moveSelected(-1);
  }

  public void moveSelectedDown() {
    moveSelected(+1);
  }

  /** Whether {@code dragged} may be dropped on {@code target}. */
  public boolean canDrop(NodeRef dragged, NodeRef target, DropPlacement placement) {
    if (dragged == null || target == null || dragged.equals(target)) {
      return false;
    }
    Taxonomy current = taxonomy.get();
    if (NodeLocation.of(current, dragged).isEmpty() || NodeLocation.of(current, target).isEmpty()) {
      return false;
    }
    if (dragged instanceof NodeRef.DomainRef) {
      return placement != DropPlacement.INTO;
    }
    return placement == DropPlacement.INTO
        ? target instanceof NodeRef.DomainRef
        : target instanceof NodeRef.ActionRef;
  }

  /**
   * Moves {@code dragged} next to or into {@code target}: domains reorder among domains (dropping
   * on an action places the domain relative to the action's domain); actions go before or after
   * another action, possibly in another domain, or into a domain as its last action.
   */
  public void drop(NodeRef dragged, NodeRef target, DropPlacement placement) {
    if (dragged instanceof NodeRef.DomainRef && target instanceof NodeRef.ActionRef) {
      Optional<NodeRef> owner = owningDomain(target);
      if (owner.isEmpty()) {
        return;
      }
      target = owner.get();
    }
    if (!canDrop(dragged, target, placement)) {
      return;
    }
    NodeRef destination = target;
    if (dragged instanceof NodeRef.DomainRef) {
      editor.apply(
          "move domain",
          document -> {
            PolicyDocument without = TaxonomyEdits.remove(document, dragged);
            int index =
                NodeLocation.of(without.taxonomy(), destination).orElseThrow().domainIndex();
            return TaxonomyEdits.moveDomainTo(
                document, dragged.id(), placement == DropPlacement.AFTER ? index + 1 : index);
          });
    } else if (placement == DropPlacement.INTO) {
      editor.apply(
          "move action",
          document -> {
            PolicyDocument without = TaxonomyEdits.remove(document, dragged);
            int end =
                NodeLocation.of(without.taxonomy(), destination)
                    .orElseThrow()
                    .domainIn(without.taxonomy())
                    .actions()
                    .size();
            return TaxonomyEdits.moveActionTo(document, dragged.id(), destination.id(), end);
          });
    } else {
      editor.apply(
          "move action",
          document -> {
            PolicyDocument without = TaxonomyEdits.remove(document, dragged);
            NodeLocation at = NodeLocation.of(without.taxonomy(), destination).orElseThrow();
            String domainId = at.domainIn(without.taxonomy()).id();
            int index = placement == DropPlacement.AFTER ? at.actionIndex() + 1 : at.actionIndex();
            return TaxonomyEdits.moveActionTo(document, dragged.id(), domainId, index);
          });
    }
    selection.set(dragged);
    refreshCommands();
  }

  private void moveSelected(int delta) {
    NodeRef node = selection.get();
    if (node == null) {
      return;
    }
    String label = node instanceof NodeRef.DomainRef ? "move domain" : "move action";
    editor.apply(label, document -> TaxonomyEdits.moveAmongSiblings(document, node, delta));
    refreshCommands();
  }

  private void documentChanged(PolicyDocument document) {
    taxonomy.set(document.taxonomy());
    NodeRef selected = selection.get();
    if (selected != null && NodeLocation.of(document.taxonomy(), selected).isEmpty()) {
      selection.set(null);
    }
    refreshCommands();
  }

  private void refreshCommands() {
    Taxonomy current = taxonomy.get();
    Optional<NodeLocation> location = selectedLocation();
    canAddAction.set(location.isPresent() || !current.domains().isEmpty());
    canDelete.set(location.isPresent());
    canMoveUp.set(
        location.map(l -> (l.isAction() ? l.actionIndex() : l.domainIndex()) > 0).orElse(false));
    canMoveDown.set(
        location
            .map(
                l ->
                    l.isAction()
                        ? l.actionIndex() < l.domainIn(current).actions().size() - 1
                        : l.domainIndex() < current.domains().size() - 1)
            .orElse(false));
  }

  private Optional<NodeLocation> selectedLocation() {
    NodeRef node = selection.get();
    return node == null ? Optional.empty() : NodeLocation.of(taxonomy.get(), node);
  }

  private NodeRef neighbourAfterRemoval(NodeLocation location) {
    Taxonomy current = taxonomy.get();
    if (location.isAction()) {
      Domain domain = location.domainIn(current);
      List<Action> actions = domain.actions();
      if (location.actionIndex() + 1 < actions.size()) {
        return NodeRef.action(actions.get(location.actionIndex() + 1).id());
      }
      if (location.actionIndex() > 0) {
        return NodeRef.action(actions.get(location.actionIndex() - 1).id());
      }
      return NodeRef.domain(domain.id());
    }
    List<Domain> domains = current.domains();
    if (location.domainIndex() + 1 < domains.size()) {
      return NodeRef.domain(domains.get(location.domainIndex() + 1).id());
    }
    if (location.domainIndex() > 0) {
      return NodeRef.domain(domains.get(location.domainIndex() - 1).id());
    }
    return null;
  }

  private Optional<NodeRef> owningDomain(NodeRef action) {
    Taxonomy current = taxonomy.get();
    return NodeLocation.of(current, action).map(l -> NodeRef.domain(l.domainIn(current).id()));
  }

  static String defaultModel(PolicyDocument document) {
    return document.defaultTarget().map(ModelTarget::model).orElse(null);
  }
}
