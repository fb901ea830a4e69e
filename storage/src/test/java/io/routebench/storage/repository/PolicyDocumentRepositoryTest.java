package io.routebench.storage.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.core.routing.PromptProfile;
import io.routebench.core.taxonomy.Action;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.ModelTarget;
import io.routebench.core.taxonomy.PolicySettings;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.core.workspace.ProxyConfigExtras;
import io.routebench.storage.RawSqlite;
import io.routebench.storage.Samples;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyDocumentRepositoryTest {

  @TempDir Path dir;
  private Path file;
  private Workspace workspace;

  @BeforeEach
  void createWorkspace() {
    file = dir.resolve("policies.routebench");
    workspace = WorkspaceFile.create(file);
  }

  @AfterEach
  void closeWorkspace() {
    workspace.close();
  }

  @Test
  void every_field_of_a_document_survives_save_and_load() {
    PolicyDocument document = Samples.fullDocument();

    workspace.policies().save(document);

    assertThat(workspace.policies().load()).isEqualTo(document);
    workspace.close();
    try (Workspace reopened = WorkspaceFile.open(file)) {
      assertThat(reopened.policies().load()).isEqualTo(document);
    }
  }

  @Test
  void saving_replaces_the_whole_document_without_leftover_rows() {
    workspace.policies().save(Samples.fullDocument());
    PolicyDocument full = Samples.fullDocument();
    Domain coding = full.taxonomy().domains().get(0);
    Domain writing = full.taxonomy().domains().get(1);
    var smaller =
        new PolicyDocument(
            "Renamed",
            PromptProfile.ARCHGW_V1,
            new Taxonomy(
                List.of(
                    writing.withName("prose"),
                    coding.withCoarsePolicy(null).withActions(coding.actions().subList(1, 2)))),
            List.of(full.targets().get(2).withDefault(true)),
            null,
            ProxyConfigExtras.NONE);

    workspace.policies().save(smaller);

    assertThat(workspace.policies().load()).isEqualTo(smaller);
    assertThat(RawSqlite.column(file, "SELECT id FROM domains ORDER BY position"))
        .containsExactly("d-writing", "d-coding");
    assertThat(RawSqlite.column(file, "SELECT id FROM actions ORDER BY id"))
        .containsExactly("a-review", "a-summary");
    assertThat(RawSqlite.count(file, "domain_fallbacks")).isZero();
    assertThat(RawSqlite.count(file, "action_fallbacks")).isZero();
    assertThat(RawSqlite.count(file, "targets")).isEqualTo(1);
    assertThat(RawSqlite.count(file, "self_hosted_router")).isZero();
  }

  @Test
  void a_document_the_validator_would_reject_is_still_saved_as_typed() {
    var inProgress =
        new PolicyDocument(
            "",
            PromptProfile.ARCHGW_V1,
            new Taxonomy(
                List.of(
                    new Domain(
                        "d1",
                        "same",
                        "",
                        PolicySettings.targeting(null),
                        List.of(
                            new Action("a1", "same", "", PolicySettings.targeting("nobody/none")),
                            new Action("a2", "", "", PolicySettings.targeting("nobody/none")))))),
            List.of(
                ModelTarget.of("openai/gpt-4o", "sk-literal-secret", true),
                ModelTarget.of("openai/gpt-4o", null, true)),
            null,
            null);

    workspace.policies().save(inProgress);

    assertThat(workspace.policies().load()).isEqualTo(inProgress);
  }

  @Test
  void two_domains_with_one_id_are_refused_naming_both_and_the_stored_document_stays() {
    workspace.policies().save(Samples.fullDocument());
    Taxonomy taxonomy = Samples.fullDocument().taxonomy();
    var domains = new ArrayList<>(taxonomy.domains());
    domains.add(domains.get(0).withName("copy"));

    assertThatThrownBy(
            () ->
                workspace
                    .policies()
                    .save(Samples.fullDocument().withTaxonomy(new Taxonomy(domains))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("domains[3].id 'd-coding' is also the id of domains[0]; ids must be unique");
    assertThat(workspace.policies().load()).isEqualTo(Samples.fullDocument());
  }

  @Test
  void two_actions_with_one_id_in_different_domains_are_refused_naming_both() {
    Taxonomy taxonomy = Samples.fullDocument().taxonomy();
    Domain coding = taxonomy.domains().get(0);
    Domain writing = taxonomy.domains().get(1);
    var actions = new ArrayList<>(writing.actions());
    actions.add(coding.actions().get(1));
    var clash = new Taxonomy(List.of(coding, writing.withActions(actions)));

    assertThatThrownBy(() -> workspace.policies().save(Samples.fullDocument().withTaxonomy(clash)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "domains[1].actions[1].id 'a-review' is also the id of domains[0].actions[1];"
                + " ids must be unique");
  }

  @Test
  void a_taxonomy_of_two_hundred_policies_round_trips() {
    var domains = new ArrayList<Domain>();
    for (int d = 0; d < 20; d++) {
      var actions = new ArrayList<Action>();
      for (int a = 0; a < 10; a++) {
        actions.add(
            new Action(
                "a-" + d + "-" + a,
                "action " + d + "." + a,
                "What action " + a + " of domain " + d + " covers, in a sentence or two.",
                PolicySettings.targeting("openai/gpt-4o")
                    .withFallbackModels(List.of("anthropic/claude-sonnet-4-5"))));
      }
      domains.add(new Domain("d-" + d, "domain " + d, "Domain " + d + ".", null, actions));
    }
    PolicyDocument large = Samples.fullDocument().withTaxonomy(new Taxonomy(domains));

    workspace.policies().save(large);

    assertThat(workspace.policies().load()).isEqualTo(large);
    assertThat(large.taxonomy().policies()).hasSize(200);
  }
}
