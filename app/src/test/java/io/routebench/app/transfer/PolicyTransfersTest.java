package io.routebench.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.Documents;
import io.routebench.app.testing.RecordingErrorReporter;
import io.routebench.app.workspace.DocumentEditor;
import io.routebench.core.config.ConfigFiles;
import io.routebench.core.config.ImportChanges;
import io.routebench.core.config.PolicyDocumentYaml;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.taxonomy.Domain;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTransfersTest {

  private static final String PLANO_CONFIG =
      """
      version: v0.4.0
      listeners:
        - type: model
          name: model_listener
          port: 12000
      tracing:
        random_sampling: 100
      model_providers:
        - model: openai/gpt-4o-mini
          access_key: $OPENAI_API_KEY
          default: true
        - model: anthropic/claude-sonnet-4-5
          access_key: $ANTHROPIC_API_KEY
      routing_preferences:
        - name: code generation
          description: writing new code from a description
          models:
            - anthropic/claude-sonnet-4-5
            - openai/gpt-4o-mini
        - name: small talk
          description: greetings and chit-chat
          models:
            - openai/gpt-4o-mini
      """;

  @TempDir Path dir;

  private final List<PolicyDocument> saved = new ArrayList<>();
  private final DocumentEditor editor =
      new DocumentEditor(Documents.codingAndWriting(), saved::add);
  private final RecordingErrorReporter errors = new RecordingErrorReporter();

  /** What each import showed for review; the user accepts unless {@link #declining}. */
  private final List<ImportChanges> reviewed = new ArrayList<>();

  private boolean declining;
  private final PolicyTransfers transfers =
      new PolicyTransfers(
          editor,
          new CurrentThreadTaskExecutor(),
          errors,
          (name, imported, changes, accept) -> {
            reviewed.add(changes);
            if (!declining) {
              accept.run();
            }
          });

  @Test
  void an_imported_proxy_config_replaces_the_policies_in_one_undoable_step() throws Exception {
    Path config = write("plano_config.yaml", PLANO_CONFIG);

    transfers.importFrom(config);

    assertThat(editor.document().taxonomy().routeNames())
        .containsExactlyInAnyOrder("code generation", "small talk");
    assertThat(saved).last().isEqualTo(editor.document());
    assertThat(editor.undoLabelProperty().get()).isEqualTo("import plano_config.yaml");
    assertThat(transfers.outcomeProperty().get())
        .isEqualTo(
            "Imported 2 routes and 2 targets from plano_config.yaml"
                + " (Undo puts the previous policies back)");
    assertThat(transfers.busyProperty().get()).isFalse();
    assertThat(errors.shown()).isEmpty();

    editor.undo();

    assertThat(editor.document()).isEqualTo(Documents.codingAndWriting());
  }

  @Test
  void a_policy_document_imports_losslessly() throws Exception {
    PolicyDocument document = Documents.codingAndWriting();
    var renamed =
        document
            .withName("Renamed")
            .withTaxonomy(new Taxonomy(List.of(document.taxonomy().domains().get(1))));
    Path file = write("team.policy.yaml", PolicyDocumentYaml.write(renamed));

    transfers.importFrom(file);

    assertThat(editor.document()).isEqualTo(renamed);
    assertThat(errors.warnings()).isEmpty();
  }

  @Test
  void what_the_import_noticed_is_shown_in_the_review_before_anything_is_replaced()
      throws Exception {
    Path config = write("commented.yaml", "# our production routes\n" + PLANO_CONFIG);
    declining = true;

    transfers.importFrom(config);

    assertThat(reviewed)
        .singleElement()
        .satisfies(
            changes -> {
              assertThat(changes.importWarnings())
                  .anyMatch(warning -> warning.contains("comments are not kept"));
              assertThat(changes.settings())
                  .contains(
                      new ImportChanges.Difference("prompt profile", "archgw-v1", "plano-v1"));
            });
    assertThat(editor.document()).isEqualTo(Documents.codingAndWriting());
    assertThat(editor.canUndoProperty().get()).isFalse();
    assertThat(saved).isEmpty();
    assertThat(transfers.outcomeProperty().get()).isEmpty();
    assertThat(transfers.busyProperty().get()).isFalse();
  }

  @Test
  void a_broken_config_is_reported_with_its_line_and_changes_nothing() throws Exception {
    Path config = write("broken.yaml", "model_providers:\n  - model: [openai/gpt-4o\n");

    transfers.importFrom(config);

    assertThat(errors.shown())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.title()).isEqualTo("Cannot import broken.yaml");
              assertThat(error.message())
                  .startsWith("broken.yaml:3:1: invalid YAML")
                  .endsWith("The workspace was not changed.");
            });
    assertThat(editor.document()).isEqualTo(Documents.codingAndWriting());
    assertThat(editor.canUndoProperty().get()).isFalse();
    assertThat(saved).isEmpty();
    assertThat(transfers.busyProperty().get()).isFalse();
  }

  @Test
  void a_missing_or_binary_file_is_reported_by_name() throws Exception {
    transfers.importFrom(dir.resolve("gone.yaml"));
    Path binary = dir.resolve("model.gguf");
    Files.write(binary, new byte[] {'G', 'G', 'U', 'F', (byte) 0xC3, 0x28, 0, 0});
    transfers.importFrom(binary);

    assertThat(errors.shown())
        .extracting(RecordingErrorReporter.Shown::message)
        .containsExactly(
            dir.resolve("gone.yaml") + " does not exist.\nThe workspace was not changed.",
            "model.gguf:1:5: not UTF-8 text: byte 0xc3 cannot start or continue a UTF-8"
                + " character; save the file as UTF-8\nThe workspace was not changed.");
    assertThat(editor.document()).isEqualTo(Documents.codingAndWriting());
  }

  @Test
  void an_exported_proxy_config_reads_back_as_the_same_routes() throws Exception {
    Path out = dir.resolve("deploy/plano_config.yaml");

    transfers.exportTo(out, ExportFormat.PLANO);

    var readBack = ConfigFiles.readPolicies("plano_config.yaml", Files.readString(out));
    assertThat(readBack.kind()).isEqualTo(ConfigFiles.Kind.PROXY_CONFIG);
    // The file lists the routes in the order the router prompt lists them.
    assertThat(readBack.routeOrder())
        .isEqualTo(
            RouteOption.allOf(Documents.codingAndWriting()).stream()
                .map(RouteOption::name)
                .toList());
    assertThat(transfers.outcomeProperty().get())
        .isEqualTo("Exported the plano config (v0.4.0) to " + out);
    assertThat(errors.shown()).isEmpty();
    assertThat(errors.warnings()).isEmpty();
    assertThat(dir.resolve("deploy")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void keys_the_chosen_proxy_rejects_are_named_after_the_export() throws Exception {
    transfers.importFrom(write("plano_config.yaml", PLANO_CONFIG));
    Path out = dir.resolve("arch_config.yaml");

    transfers.exportTo(out, ExportFormat.ARCHGW);

    assertThat(out).exists();
    assertThat(errors.warnings())
        .filteredOn(warning -> warning.title().startsWith("Exported"))
        .singleElement()
        .satisfies(
            warning -> {
              assertThat(warning.title()).isEqualTo("Exported with warnings");
              assertThat(warning.message())
                  .startsWith("The archgw config (v0.3.0) was written to " + out + ", but:\n• ");
            });
  }

  @Test
  void policies_with_errors_are_not_exported_and_the_errors_are_named() {
    editor.apply("clear descriptions", PolicyTransfersTest::withoutDescriptions);
    Path out = dir.resolve("arch_config.yaml");

    transfers.exportTo(out, ExportFormat.ARCHGW);

    assertThat(out).doesNotExist();
    assertThat(errors.shown())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.title()).isEqualTo("Cannot export: the policies have 3 errors");
              assertThat(error.message())
                  .startsWith("Nothing was written. Fix these first")
                  .contains("• ");
            });
  }

  @Test
  void a_file_that_cannot_be_written_is_reported_and_the_policies_stay() throws Exception {
    Path occupied = Files.createDirectories(dir.resolve("taken.yaml/child"));

    transfers.exportTo(occupied.getParent(), ExportFormat.POLICY_DOCUMENT);

    assertThat(errors.shown())
        .singleElement()
        .satisfies(error -> assertThat(error.title()).isEqualTo("Cannot export to taken.yaml"));
    assertThat(transfers.busyProperty().get()).isFalse();
    assertThat(editor.document()).isEqualTo(Documents.codingAndWriting());
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private static PolicyDocument withoutDescriptions(PolicyDocument document) {
    var domains = new ArrayList<Domain>();
    for (Domain domain : document.taxonomy().domains()) {
      domains.add(
          domain.withActions(
              domain.actions().stream().map(action -> action.withDescription("")).toList()));
    }
    return document.withTaxonomy(new Taxonomy(domains));
  }
}
