package io.routebench.app.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.testing.Documents;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.SelectionPreference;
import org.junit.jupiter.api.Test;

class NodeDetailsViewModelTest {

  private final DocumentEditor editor = new DocumentEditor(Documents.codingAndWriting(), d -> {});
  private final TaxonomyViewModel taxonomy = new TaxonomyViewModel(editor, () -> "new");
  private final NodeDetailsViewModel details =
      new NodeDetailsViewModel(editor, taxonomy.selectionProperty());

  @Test
  void nothing_selected_shows_nothing() {
    assertThat(details.kindProperty().get()).isEqualTo(NodeDetailsViewModel.Kind.NONE);
    assertThat(details.routableProperty().get()).isFalse();
  }

  @Test
  void selecting_an_action_shows_its_fields() {
    taxonomy.select(NodeRef.action("a-gen"));

    assertThat(details.kindProperty().get()).isEqualTo(NodeDetailsViewModel.Kind.ACTION);
    assertThat(details.nameProperty().get()).isEqualTo("code generation");
    assertThat(details.descriptionProperty().get())
        .isEqualTo("Writing new code from a specification.");
    assertThat(details.routeNameProperty().get()).isEmpty();
    assertThat(details.derivedRouteNameProperty().get()).isEqualTo("code generation");
    assertThat(details.targetModelProperty().get()).isEqualTo(Documents.CLAUDE);
    assertThat(details.headingProperty().get()).contains("coding");
    assertThat(details.routableProperty().get()).isTrue();
  }

  @Test
  void renaming_writes_through_to_the_document() {
    taxonomy.select(NodeRef.action("a-gen"));

    details.nameProperty().set("code writing");

    assertThat(action("a-gen").name()).isEqualTo("code writing");
    assertThat(details.derivedRouteNameProperty().get()).isEqualTo("code writing");
  }

  @Test
  void typing_a_description_is_one_undo_step_and_undo_restores_the_field() {
    taxonomy.select(NodeRef.action("a-gen"));
    String before = details.descriptionProperty().get();

    for (String text : new String[] {"W", "Wr", "Wri", "Writ"}) {
      details.descriptionProperty().set(text);
    }
    assertThat(action("a-gen").description()).isEqualTo("Writ");

    editor.undo();

    assertThat(action("a-gen").description()).isEqualTo(before);
    assertThat(details.descriptionProperty().get()).isEqualTo(before);
    assertThat(editor.canUndoProperty().get()).isFalse();
  }

  @Test
  void selecting_another_node_ends_the_typing_burst() {
    taxonomy.select(NodeRef.action("a-gen"));
    details.descriptionProperty().set("first");
    taxonomy.select(NodeRef.action("a-debug"));
    taxonomy.select(NodeRef.action("a-gen"));
    details.descriptionProperty().set("first, then more");

    editor.undo();

    assertThat(action("a-gen").description()).isEqualTo("first");
  }

  @Test
  void an_empty_route_name_means_the_derived_name() {
    taxonomy.select(NodeRef.action("a-gen"));
    details.routeNameProperty().set("codegen");
    assertThat(action("a-gen").policy().routeNameOverride()).isEqualTo("codegen");

    details.routeNameProperty().set("");

    assertThat(action("a-gen").policy().routeNameOverride()).isNull();
  }

  @Test
  void a_route_name_with_stray_spaces_is_kept_for_validation_to_report() {
    taxonomy.select(NodeRef.action("a-gen"));

    details.routeNameProperty().set(" codegen");

    assertThat(action("a-gen").policy().routeNameOverride()).isEqualTo(" codegen");
  }

  @Test
  void choosing_a_fallback_as_target_removes_it_from_the_fallbacks() {
    taxonomy.select(NodeRef.action("a-gen"));
    details.addFallback(Documents.GPT_4O);
    details.addFallback(Documents.MINI);
    assertThat(details.fallbacks()).containsExactly(Documents.GPT_4O, Documents.MINI);
    assertThat(details.fallbackChoices()).isEmpty();

    details.targetModelProperty().set(Documents.GPT_4O);

    assertThat(action("a-gen").policy().targetModel()).isEqualTo(Documents.GPT_4O);
    assertThat(action("a-gen").policy().fallbackModels()).containsExactly(Documents.MINI);
    assertThat(details.fallbackChoices()).containsExactly(Documents.CLAUDE);
  }

  @Test
  void fallbacks_can_be_reordered_and_removed() {
    taxonomy.select(NodeRef.action("a-gen"));
    details.addFallback(Documents.GPT_4O);
    details.addFallback(Documents.MINI);

    details.moveFallback(Documents.MINI, -1);
    assertThat(action("a-gen").policy().fallbackModels())
        .containsExactly(Documents.MINI, Documents.GPT_4O);

    details.removeFallback(Documents.MINI);
    assertThat(action("a-gen").policy().fallbackModels()).containsExactly(Documents.GPT_4O);
  }

  @Test
  void the_selection_preference_is_stored_on_the_policy() {
    taxonomy.select(NodeRef.action("a-debug"));

    details.preferenceProperty().set(SelectionPreference.CHEAPEST);

    assertThat(action("a-debug").policy().preference()).isEqualTo(SelectionPreference.CHEAPEST);
  }

  @Test
  void a_domain_becomes_a_route_of_its_own_targeting_the_default() {
    taxonomy.select(NodeRef.domain("d-coding"));
    assertThat(details.routableProperty().get()).isFalse();

    details.coarseRouteProperty().set(true);

    Domain coding = domain("d-coding");
    assertThat(coding.coarsePolicy()).isEqualTo(PolicySettings.targeting(Documents.GPT_4O));
    assertThat(details.routableProperty().get()).isTrue();
    assertThat(details.headingProperty().get()).contains("route of its own");

    details.coarseRouteProperty().set(false);
    assertThat(domain("d-coding").isCoarsePolicy()).isFalse();
  }

  @Test
  void route_settings_of_a_grouping_domain_are_left_alone() {
    taxonomy.select(NodeRef.domain("d-coding"));

    details.routeNameProperty().set("ignored");

    assertThat(domain("d-coding").coarsePolicy()).isNull();
  }

  @Test
  void a_target_missing_from_the_targets_is_still_offered_and_labelled() {
    editor.apply(
        "dangling",
        d ->
            TaxonomyEdits.updateAction(
                d, "a-gen", a -> a.withPolicy(a.policy().withTargetModel("acme/removed"))));
    taxonomy.select(NodeRef.action("a-gen"));

    assertThat(details.targetChoices()).contains("acme/removed");
    assertThat(details.labelOf("acme/removed")).contains("not among the targets");
  }

  private Action action(String id) {
    return editor.document().taxonomy().domains().stream()
        .flatMap(d -> d.actions().stream())
        .filter(a -> a.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private Domain domain(String id) {
    return editor.document().taxonomy().domainById(id).orElseThrow();
  }
}
