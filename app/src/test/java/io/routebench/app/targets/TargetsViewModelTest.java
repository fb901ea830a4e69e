package io.routebench.app.targets;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.testing.Documents;
import io.routebench.app.testing.ManualUiTimer;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.RoutingPolicy;
import io.routebench.core.workspace.PolicyDocument;
import org.junit.jupiter.api.Test;

class TargetsViewModelTest {

  private final ManualUiTimer timer = new ManualUiTimer();
  private final DocumentEditor editor = new DocumentEditor(Documents.codingAndWriting(), d -> {});
  private final TargetsViewModel viewModel = new TargetsViewModel(editor, timer);

  @Test
  void the_first_target_of_an_empty_document_becomes_the_default() {
    var empty = new DocumentEditor(PolicyDocument.empty("new"), d -> {});
    var targets = new TargetsViewModel(empty, timer);

    int row = targets.addTarget();

    assertThat(row).isZero();
    assertThat(targets.targets().get(0).isDefault()).isTrue();
    assertThat(targets.targets().get(0).model()).isEqualTo(TargetsViewModel.NEW_MODEL);
  }

  @Test
  void added_targets_get_distinct_placeholder_ids_and_are_not_default() {
    viewModel.addTarget();
    int second = viewModel.addTarget();

    assertThat(viewModel.targets()).extracting(ModelTarget::model).doesNotHaveDuplicates();
    assertThat(viewModel.targets().get(second).isDefault()).isFalse();
  }

  @Test
  void exactly_one_target_is_the_default() {
    viewModel.makeDefault(2);

    assertThat(viewModel.targets())
        .extracting(ModelTarget::isDefault)
        .containsExactly(false, false, true);
  }

  @Test
  void renaming_a_model_repoints_every_route_that_used_it() {
    viewModel.setModel(0, "openai/gpt-4.1");

    assertThat(viewModel.targets().get(0).model()).isEqualTo("openai/gpt-4.1");
    assertThat(editor.document().taxonomy().policies())
        .extracting(RoutingPolicy::targetModel)
        .containsExactly(Documents.CLAUDE, "openai/gpt-4.1", Documents.MINI);
    assertThat(viewModel.usages(0)).isEqualTo(1);
  }

  @Test
  void renaming_is_one_undo_step() {
    viewModel.setModel(0, "openai/gpt-4.1");

    editor.undo();

    assertThat(editor.document()).isEqualTo(Documents.codingAndWriting());
  }

  @Test
  void blank_optional_fields_are_stored_as_absent() {
    viewModel.setDisplayName(1, "Claude");
    viewModel.setAccessKeyRef(1, "  ");
    viewModel.setBaseUrl(1, "");

    ModelTarget claude = viewModel.targets().get(1);
    assertThat(claude.displayName()).isEqualTo("Claude");
    assertThat(claude.accessKeyRef()).isNull();
    assertThat(claude.baseUrl()).isNull();
  }

  @Test
  void an_empty_model_id_is_ignored() {
    viewModel.setModel(1, " ");

    assertThat(viewModel.targets().get(1).model()).isEqualTo(Documents.CLAUDE);
    assertThat(editor.canUndoProperty().get()).isFalse();
  }

  @Test
  void removing_the_default_makes_the_first_remaining_target_the_default() {
    viewModel.removeTarget(0);

    assertThat(viewModel.targets())
        .extracting(ModelTarget::model)
        .containsExactly(Documents.CLAUDE, Documents.MINI);
    assertThat(viewModel.targets().get(0).isDefault()).isTrue();
  }

  @Test
  void usages_follow_route_edits_on_the_taxonomy() {
    assertThat(viewModel.usages(2)).isEqualTo(1);

    editor.apply("retarget", d -> d.withTaxonomy(io.routebench.core.taxonomy.Taxonomy.EMPTY));

    assertThat(viewModel.usages(2)).isZero();
  }

  @Test
  void a_literal_key_typed_as_access_key_is_not_stored_nor_undoable_and_says_why() {
    String before = viewModel.targets().get(0).accessKeyRef();

    viewModel.setAccessKeyRef(0, "sk-proj-abcdefghijklmnopqrstuvwx1234");

    assertThat(viewModel.targets().get(0).accessKeyRef()).isEqualTo(before);
    assertThat(editor.document().targets().get(0).accessKeyRef()).isEqualTo(before);
    assertThat(editor.canUndoProperty().get()).isFalse();
    assertThat(viewModel.refusedEditProperty().get())
        .startsWith("Not saved: the access key you typed holds a literal secret (an OpenAI-style")
        .contains("$OPENAI_API_KEY")
        .doesNotContain("abcdefghij");

    viewModel.setAccessKeyRef(0, "$OPENAI_API_KEY");

    assertThat(editor.document().targets().get(0).accessKeyRef()).isEqualTo("$OPENAI_API_KEY");
    assertThat(viewModel.refusedEditProperty().get()).isEmpty();
  }

  @Test
  void a_base_url_with_a_password_is_not_stored() {
    String before = viewModel.targets().get(1).baseUrl();

    viewModel.setBaseUrl(1, "https://bob:hunter22@llm.internal/v1");

    assertThat(editor.document().targets().get(1).baseUrl()).isEqualTo(before);
    assertThat(viewModel.refusedEditProperty().get()).contains("password in the URL");
  }

  @Test
  void a_refusal_goes_with_the_next_stored_edit_wherever_it_is_made() {
    viewModel.setBaseUrl(1, "https://bob:hunter22@llm.internal/v1");
    assertThat(viewModel.refusedEditProperty().get()).isNotEmpty();

    // An edit elsewhere, not in the targets table.
    editor.apply("rename policies", d -> d.withName("Renamed"));

    assertThat(viewModel.refusedEditProperty().get()).isEmpty();
  }

  @Test
  void a_refusal_goes_with_an_undo() {
    viewModel.setDisplayName(0, "GPT");
    viewModel.setBaseUrl(1, "https://bob:hunter22@llm.internal/v1");

    editor.undo();

    assertThat(viewModel.refusedEditProperty().get()).isEmpty();
  }

  @Test
  void a_refusal_goes_after_a_while_when_nothing_else_happens() {
    viewModel.setBaseUrl(1, "https://bob:hunter22@llm.internal/v1");

    timer.fireAll();

    assertThat(viewModel.refusedEditProperty().get()).isEmpty();
  }
}
