package io.routebench.app.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.routebench.app.taxonomy.NodeRef;
import io.routebench.app.testing.Documents;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.validation.Severity;
import io.routebench.core.workspace.SelfHostedRouter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationViewModelTest {

  private final DocumentEditor editor = new DocumentEditor(Documents.codingAndWriting(), d -> {});
  private final ValidationViewModel viewModel = new ValidationViewModel(editor.documentProperty());

  @Test
  void a_valid_document_has_no_problems() {
    assertThat(viewModel.issues()).isEmpty();
    assertThat(viewModel.summaryProperty().get()).isEqualTo("No problems");
  }

  @Test
  void an_edit_is_checked_at_once_and_the_issue_points_at_the_action() {
    editor.apply(
        "blank description",
        d -> {
          var coding = d.taxonomy().domains().get(0);
          var actions = new java.util.ArrayList<>(coding.actions());
          actions.set(1, actions.get(1).withDescription(" "));
          return d.withTaxonomy(
              new Taxonomy(List.of(coding.withActions(actions), d.taxonomy().domains().get(1))));
        });

    assertThat(viewModel.issues())
        .anySatisfy(
            issue -> {
              assertThat(issue.severity()).isEqualTo(Severity.ERROR);
              assertThat(issue.path()).isEqualTo("domains[0].actions[1].description");
              assertThat(issue.place()).isEqualTo("coding › debugging · description");
              assertThat(issue.target()).isEqualTo(new IssueTarget.Node(NodeRef.action("a-debug")));
            });
    assertThat(viewModel.errorCountProperty().get()).isPositive();
    assertThat(viewModel.hasErrors()).isTrue();
  }

  @Test
  void the_node_with_a_problem_is_marked_with_its_worst_severity_and_the_problem_in_words() {
    assertThat(viewModel.nodeMarksProperty().get()).isEmpty();

    editor.apply(
        "blank description",
        d -> {
          var coding = d.taxonomy().domains().get(0);
          var actions = new java.util.ArrayList<>(coding.actions());
          actions.set(1, actions.get(1).withDescription(" "));
          return d.withTaxonomy(
              new Taxonomy(List.of(coding.withActions(actions), d.taxonomy().domains().get(1))));
        });

    var mark = viewModel.nodeMarksProperty().get().get(NodeRef.action("a-debug"));
    assertThat(mark.severity()).isEqualTo(Severity.ERROR);
    assertThat(mark.problems()).startsWith("coding › debugging · description: ");
    assertThat(viewModel.nodeMarksProperty().get()).doesNotContainKey(NodeRef.action("a-gen"));
    editor.undo();
    assertThat(viewModel.nodeMarksProperty().get()).isEmpty();
  }

  @Test
  void a_message_names_the_other_node_it_mentions_instead_of_giving_its_key_path() {
    editor.apply(
        "same description",
        d -> {
          var coding = d.taxonomy().domains().get(0);
          var actions = new java.util.ArrayList<>(coding.actions());
          actions.set(1, actions.get(1).withDescription(actions.get(0).description()));
          return d.withTaxonomy(
              new Taxonomy(List.of(coding.withActions(actions), d.taxonomy().domains().get(1))));
        });

    assertThat(viewModel.issues())
        .anySatisfy(
            issue ->
                assertThat(issue.message())
                    .contains("action “code generation” in domain “coding”")
                    .doesNotContain("domains["));
  }

  @Test
  void a_secret_in_an_access_key_points_at_the_target_row() {
    editor.apply(
        "paste secret",
        d -> {
          var targets = new java.util.ArrayList<>(d.targets());
          targets.set(1, ModelTarget.of(Documents.CLAUDE, "sk-ant-1234567890", false));
          return d.withTargets(targets);
        });

    assertThat(viewModel.issues())
        .anySatisfy(
            issue -> {
              assertThat(issue.target()).isEqualTo(new IssueTarget.TargetRow(1));
              assertThat(issue.place()).isEqualTo("target " + Documents.CLAUDE + " · access key");
            });
  }

  @Test
  void a_missing_default_points_at_the_target_list() {
    editor.apply(
        "no default",
        d -> d.withTargets(d.targets().stream().map(t -> t.withDefault(false)).toList()));

    assertThat(viewModel.issues())
        .anySatisfy(
            issue -> {
              assertThat(issue.target()).isEqualTo(new IssueTarget.TargetList());
              assertThat(issue.place()).isEqualTo("Targets");
            });
  }

  @Test
  void a_router_problem_points_at_the_proxy_settings() {
    editor.apply(
        "router", d -> d.withSelfHostedRouter(new SelfHostedRouter("", "localhost", null)));

    assertThat(viewModel.issues())
        .extracting(IssueRow::place, IssueRow::target)
        .contains(
            tuple("Self-hosted router · model", new IssueTarget.ProxySettings()),
            tuple("Self-hosted router · base URL", new IssueTarget.ProxySettings()));
  }

  @Test
  void an_empty_taxonomy_points_at_the_taxonomy() {
    editor.apply("clear", d -> d.withTaxonomy(Taxonomy.EMPTY));

    assertThat(viewModel.issues())
        .anySatisfy(
            issue -> {
              assertThat(issue.target()).isEqualTo(new IssueTarget.WholeTaxonomy());
              assertThat(issue.place()).isEqualTo("Taxonomy");
            });
  }

  @Test
  void a_fallback_that_names_no_target_is_placed_by_its_position() {
    editor.apply(
        "dangling fallback",
        d -> {
          var coding = d.taxonomy().domains().get(0);
          var actions = new java.util.ArrayList<>(coding.actions());
          var generation = actions.get(0);
          actions.set(
              0,
              generation.withPolicy(
                  generation.policy().withFallbackModels(List.of(Documents.GPT_4O, "acme/gone"))));
          return d.withTaxonomy(
              new Taxonomy(List.of(coding.withActions(actions), d.taxonomy().domains().get(1))));
        });

    assertThat(viewModel.issues())
        .anySatisfy(
            issue -> assertThat(issue.place()).isEqualTo("coding › code generation · fallback 2"));
  }

  @Test
  void the_summary_counts_errors_and_warnings() {
    assertThat(ValidationViewModel.summarize(1, 0)).isEqualTo("1 error");
    assertThat(ValidationViewModel.summarize(2, 1)).isEqualTo("2 errors, 1 warning");
    assertThat(ValidationViewModel.summarize(0, 3)).isEqualTo("3 warnings");
  }
}
