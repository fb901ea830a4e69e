package io.routebench.app.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.testing.Documents;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaxonomyViewModelTest {

  private final AtomicInteger nextId = new AtomicInteger();
  private final DocumentEditor editor = new DocumentEditor(Documents.codingAndWriting(), d -> {});
  private final TaxonomyViewModel viewModel =
      new TaxonomyViewModel(editor, () -> "new-" + nextId.incrementAndGet());

  @Test
  void adding_a_domain_appends_it_selects_it_and_is_one_undo_step() {
    NodeRef added = viewModel.addDomain();

    assertThat(domainNames()).containsExactly("coding", "writing", "New domain");
    assertThat(viewModel.selection()).contains(added);
    editor.undo();
    assertThat(domainNames()).containsExactly("coding", "writing");
  }

  @Test
  void a_new_domain_goes_after_the_selected_one_with_a_unique_name() {
    viewModel.addDomain();
    viewModel.select(NodeRef.domain("d-coding"));

    viewModel.addDomain();

    assertThat(domainNames()).containsExactly("coding", "New domain 2", "writing", "New domain");
  }

  @Test
  void a_new_action_goes_after_the_selected_action_and_targets_the_default_model() {
    viewModel.select(NodeRef.action("a-gen"));

    NodeRef added = viewModel.addAction().orElseThrow();

    assertThat(actionNames("d-coding"))
        .containsExactly("code generation", "New action", "debugging");
    Action action = taxonomy().domains().get(0).actions().get(1);
    assertThat(action.policy().targetModel()).isEqualTo(Documents.GPT_4O);
    assertThat(viewModel.selection()).contains(added);
  }

  @Test
  void a_new_action_for_a_selected_domain_goes_to_its_end() {
    viewModel.select(NodeRef.domain("d-writing"));

    viewModel.addAction();

    assertThat(actionNames("d-writing")).containsExactly("email drafting", "New action");
  }

  @Test
  void an_action_needs_a_domain_to_live_in() {
    var empty = new DocumentEditor(PolicyDocument.empty("empty"), d -> {});
    var emptyModel = new TaxonomyViewModel(empty, () -> "x");

    assertThat(emptyModel.canAddActionProperty().get()).isFalse();
    assertThat(emptyModel.addAction()).isEmpty();
    assertThat(empty.canUndoProperty().get()).isFalse();
  }

  @Test
  void deleting_an_action_selects_the_next_one() {
    viewModel.select(NodeRef.action("a-gen"));

    viewModel.deleteSelected();

    assertThat(actionNames("d-coding")).containsExactly("debugging");
    assertThat(viewModel.selection()).contains(NodeRef.action("a-debug"));
  }

  @Test
  void deleting_the_only_action_selects_its_domain() {
    viewModel.select(NodeRef.action("a-email"));

    viewModel.deleteSelected();

    assertThat(viewModel.selection()).contains(NodeRef.domain("d-writing"));
  }

  @Test
  void deleting_a_domain_takes_its_actions_and_undo_brings_them_back() {
    viewModel.select(NodeRef.domain("d-coding"));

    viewModel.deleteSelected();
    assertThat(domainNames()).containsExactly("writing");
    assertThat(viewModel.selection()).contains(NodeRef.domain("d-writing"));

    editor.undo();
    assertThat(domainNames()).containsExactly("coding", "writing");
    assertThat(actionNames("d-coding")).containsExactly("code generation", "debugging");
  }

  @Test
  void moving_reorders_siblings_and_stops_at_the_ends() {
    viewModel.select(NodeRef.action("a-debug"));
    assertThat(viewModel.canMoveDownProperty().get()).isFalse();

    viewModel.moveSelectedUp();

    assertThat(actionNames("d-coding")).containsExactly("debugging", "code generation");
    assertThat(viewModel.canMoveUpProperty().get()).isFalse();
    assertThat(viewModel.canMoveDownProperty().get()).isTrue();
    assertThat(viewModel.selection()).contains(NodeRef.action("a-debug"));
  }

  @Test
  void domains_move_with_their_actions() {
    viewModel.select(NodeRef.domain("d-writing"));

    viewModel.moveSelectedUp();

    assertThat(domainNames()).containsExactly("writing", "coding");
    assertThat(taxonomy().routeNames())
        .containsExactly("email drafting", "code generation", "debugging");
  }

  @Test
  void undoing_the_creation_of_the_selected_node_clears_the_selection() {
    viewModel.addDomain();

    editor.undo();

    assertThat(viewModel.selection()).isEmpty();
    assertThat(viewModel.canDeleteProperty().get()).isFalse();
  }

  @Test
  void an_action_dragged_onto_another_domain_moves_there() {
    viewModel.drop(NodeRef.action("a-debug"), NodeRef.action("a-email"), DropPlacement.BEFORE);

    assertThat(actionNames("d-coding")).containsExactly("code generation");
    assertThat(actionNames("d-writing")).containsExactly("debugging", "email drafting");
    assertThat(viewModel.selection()).contains(NodeRef.action("a-debug"));
  }

  @Test
  void an_action_dropped_into_a_domain_becomes_its_last_action() {
    viewModel.drop(NodeRef.action("a-email"), NodeRef.domain("d-coding"), DropPlacement.INTO);

    assertThat(actionNames("d-coding"))
        .containsExactly("code generation", "debugging", "email drafting");
    assertThat(actionNames("d-writing")).isEmpty();
  }

  @Test
  void a_domain_dropped_after_another_moves_behind_it() {
    viewModel.drop(NodeRef.domain("d-coding"), NodeRef.domain("d-writing"), DropPlacement.AFTER);

    assertThat(domainNames()).containsExactly("writing", "coding");
  }

  @Test
  void a_domain_dropped_on_an_action_lands_beside_that_actions_domain() {
    viewModel.drop(NodeRef.domain("d-writing"), NodeRef.action("a-gen"), DropPlacement.BEFORE);

    assertThat(domainNames()).containsExactly("writing", "coding");
  }

  @Test
  void domains_cannot_be_dropped_into_domains_nor_nodes_onto_themselves() {
    assertThat(
            viewModel.canDrop(
                NodeRef.domain("d-coding"), NodeRef.domain("d-writing"), DropPlacement.INTO))
        .isFalse();
    assertThat(
            viewModel.canDrop(
                NodeRef.action("a-gen"), NodeRef.action("a-gen"), DropPlacement.AFTER))
        .isFalse();
    assertThat(
            viewModel.canDrop(
                NodeRef.action("a-gen"), NodeRef.domain("d-writing"), DropPlacement.BEFORE))
        .isFalse();
  }

  private Taxonomy taxonomy() {
    return viewModel.taxonomyProperty().get();
  }

  private List<String> domainNames() {
    return taxonomy().domains().stream().map(Domain::name).toList();
  }

  private List<String> actionNames(String domainId) {
    return taxonomy().domainById(domainId).orElseThrow().actions().stream()
        .map(Action::name)
        .toList();
  }
}
