package io.routebench.app.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.app.testing.Documents;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CopyPasteTest {

  private final AtomicInteger nextId = new AtomicInteger();
  private final DocumentEditor editor = new DocumentEditor(Documents.codingAndWriting(), d -> {});
  private final TaxonomyViewModel viewModel =
      new TaxonomyViewModel(editor, () -> "new-" + nextId.incrementAndGet());

  @Test
  void duplicating_an_action_puts_a_uniquely_named_copy_after_it_in_one_undo_step() {
    viewModel.select(NodeRef.action("a-gen"));

    viewModel.duplicateSelected();

    assertThat(actionNames("d-coding"))
        .containsExactly("code generation", "code generation (copy)", "debugging");
    Action copy = taxonomy().domains().get(0).actions().get(1);
    assertThat(copy.id()).isEqualTo("new-1");
    assertThat(copy.description()).isEqualTo("Writing new code from a specification.");
    assertThat(copy.policy().targetModel()).isEqualTo(Documents.CLAUDE);
    assertThat(viewModel.selection()).contains(NodeRef.action("new-1"));
    editor.undo();
    assertThat(actionNames("d-coding")).containsExactly("code generation", "debugging");
  }

  @Test
  void copies_of_copies_count_on_from_the_original_name() {
    viewModel.select(NodeRef.action("a-debug"));
    viewModel.duplicateSelected();
    viewModel.duplicateSelected();

    assertThat(actionNames("d-coding"))
        .containsExactly("code generation", "debugging", "debugging (copy)", "debugging (copy 2)");
  }

  @Test
  void a_duplicated_domain_gets_fresh_ids_and_unique_route_names_for_its_actions_too() {
    viewModel.select(NodeRef.domain("d-coding"));

    viewModel.duplicateSelected();

    assertThat(domainNames()).containsExactly("coding", "coding (copy)", "writing");
    Domain copy = taxonomy().domains().get(1);
    assertThat(copy.id()).startsWith("new-");
    assertThat(copy.actions()).extracting(Action::id).allMatch(id -> id.startsWith("new-"));
    assertThat(copy.actions())
        .extracting(Action::name)
        .containsExactly("code generation (copy)", "debugging (copy)");
    assertThat(Set.copyOf(taxonomy().routeNames())).hasSameSizeAs(taxonomy().routeNames());
  }

  @Test
  void a_copied_action_pasted_on_a_domain_goes_to_its_end_and_on_an_action_after_it() {
    viewModel.select(NodeRef.action("a-debug"));
    NodeClip clip = viewModel.copySelected().orElseThrow();

    viewModel.select(NodeRef.domain("d-writing"));
    viewModel.paste(clip);
    viewModel.select(NodeRef.action("a-gen"));
    viewModel.paste(clip);

    assertThat(actionNames("d-writing")).containsExactly("email drafting", "debugging (copy)");
    assertThat(actionNames("d-coding"))
        .containsExactly("code generation", "debugging (copy 2)", "debugging");
  }

  @Test
  void a_copied_domain_pastes_after_the_domain_of_the_selected_action() {
    viewModel.select(NodeRef.domain("d-writing"));
    NodeClip clip = viewModel.copySelected().orElseThrow();
    viewModel.select(NodeRef.action("a-gen"));

    viewModel.paste(clip);

    assertThat(domainNames()).containsExactly("coding", "writing (copy)", "writing");
  }

  @Test
  void a_cut_node_pastes_under_its_own_name_and_cut_and_paste_undo_separately() {
    viewModel.select(NodeRef.action("a-email"));
    NodeClip clip = viewModel.cutSelected().orElseThrow();
    viewModel.select(NodeRef.action("a-gen"));

    viewModel.paste(clip);

    assertThat(actionNames("d-coding"))
        .containsExactly("code generation", "email drafting", "debugging");
    assertThat(actionNames("d-writing")).isEmpty();
    editor.undo();
    assertThat(actionNames("d-coding")).containsExactly("code generation", "debugging");
    editor.undo();
    assertThat(actionNames("d-writing")).containsExactly("email drafting");
  }

  @Test
  void the_clipboard_text_is_policy_yaml_that_pastes_back_as_the_same_kind_of_node() {
    viewModel.select(NodeRef.action("a-debug"));
    NodeClip clip = viewModel.copySelected().orElseThrow();

    String yaml = clip.yaml();
    NodeClip fromText = NodeClip.fromYaml(yaml);
    NodeClip fromJson = NodeClip.fromJson(clip.json());

    assertThat(yaml).contains("routebench: 1", "name: debugging", "target: openai/gpt-4o");
    assertThat(fromText).isEqualTo(clip);
    assertThat(fromJson).isEqualTo(clip);
    assertThat(NodeClip.fromYaml(viewModel.copyOf(NodeRef.domain("d-coding")).yaml()).actions())
        .isFalse();
  }

  @Test
  void any_policy_file_text_pastes_its_domains() {
    String policyFile =
        """
        routebench: 1
        name: Someone else's policies
        domains:
          - name: travel
            description: Planning trips.
            actions:
              - name: flights
                description: Finding flights.
                target: openai/gpt-4o
        """;

    viewModel.paste(NodeClip.fromYaml(policyFile));

    assertThat(domainNames()).containsExactly("coding", "writing", "travel");
    assertThat(actionNames(taxonomy().domains().get(2).id())).containsExactly("flights");
  }

  @Test
  void text_that_is_no_policy_yaml_is_refused_with_the_reason() {
    assertThatThrownBy(() -> NodeClip.fromYaml("just some words"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clipboard");
    assertThatThrownBy(() -> NodeClip.fromYaml("routebench: 1\nname: x\n"))
        .hasMessageContaining("no domains");
  }

  @Test
  void an_action_needs_a_domain_to_be_pasted_into() {
    viewModel.select(NodeRef.action("a-gen"));
    NodeClip clip = viewModel.copySelected().orElseThrow();
    var empty = new DocumentEditor(PolicyDocument.empty("empty"), d -> {});

    assertThatThrownBy(() -> new TaxonomyViewModel(empty, () -> "x").paste(clip))
        .hasMessageContaining("add a domain first");
    assertThat(empty.canUndoProperty().get()).isFalse();
  }

  @Test
  void copy_names_skip_every_taken_name_and_keep_free_ones() {
    assertThat(NodeCopies.copyName("a", Set.of())).isEqualTo("a");
    assertThat(NodeCopies.copyName("a", Set.of("a", "a (copy)"))).isEqualTo("a (copy 2)");
    assertThat(NodeCopies.copyName("a (copy 2)", Set.of("a", "a (copy)", "a (copy 2)")))
        .isEqualTo("a (copy 3)");
  }

  private Taxonomy taxonomy() {
    return editor.document().taxonomy();
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
