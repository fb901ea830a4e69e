package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.transfer.ExportChoice;
import io.routebench.app.transfer.ExportDialog;
import io.routebench.app.transfer.ExportFormat;
import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.taxonomy.Taxonomy;
import io.routebench.core.workspace.PolicyDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;

class ExportDialogWindowTest extends WorkbenchFixture {

  @Test
  void the_export_preview_matches_the_written_file_byte_for_byte() throws Exception {
    var dialog = new AtomicReference<ExportDialog>();
    interact(() -> dialog.set(workbench.window().openExport(ExportFormat.ARCHGW)));
    @SuppressWarnings("unchecked")
    ChoiceBox<ExportChoice> format = lookup("#exportFormatChoice").queryAs(ChoiceBox.class);

    for (ExportChoice choice : ExportChoice.ALL) {
      interact(() -> format.setValue(choice));
      String shown = dialog.get().shownText();
      assertThat(shown).as(choice.label()).isNotBlank();
      Path out = home.resolve("export/" + ExportChoice.ALL.indexOf(choice) + ".yaml");

      interact(() -> dialog.get().saveTo(out));
      waitUntil(() -> Files.exists(out));

      assertThat(Files.readAllBytes(out))
          .as(choice.label())
          .isEqualTo(shown.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(lookup("#exportValidationLabel").queryLabeled().getText()).startsWith("Valid");
  }

  @Test
  void the_suites_latest_runs_are_listed_with_failing_stale_and_never_run_ones_called_out()
      throws Exception {
    PolicyDocument now = document();
    onFileThread(
        () -> {
          var suites = session().file().suites();
          var runs = session().file().runs();
          runs.save(run(suites.createSuite("passing", ""), now, "code generation"));
          runs.save(run(suites.createSuite("failing", ""), now, "debugging"));
          runs.save(
              run(
                  suites.createSuite("old", ""),
                  now.withProfile(PromptProfile.PLANO_V1),
                  "code generation"));
          suites.createSuite("new", "");
          return null;
        });

    interact(() -> workbench.window().openExport(ExportFormat.ARCHGW));
    waitUntil(() -> !headline().getText().startsWith("Reading"));

    assertThat(headline().getText())
        .isEqualTo(
            "Suite runs: 1 failing, 1 stale, 1 never run (of 4). Exporting is allowed; check"
                + " these first.");
    assertThat(headline().getStyleClass()).contains("export-runs-failing");
    assertThat(runLines()).hasSize(4);
    assertThat(runLines().get(0))
        .startsWith("• failing: failing, overall 0.0%, 0 of 1 turns right (");
    assertThat(runLines())
        .anySatisfy(line -> assertThat(line).startsWith("• passing: passed, overall 100.0%"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("• old: passed")
                    .endsWith(
                        "— stale: made with other routes, another profile or another serving"
                            + " engine than these"))
        .contains("• new: never run");
    assertThat(lookup("#exportSaveButton").queryButton().isDisabled()).isFalse();

    interact(() -> session().editor().apply("profile", d -> d.withProfile(PromptProfile.PLANO_V1)));

    assertThat(headline().getText()).startsWith("Suite runs: 1 failing, 2 stale, 1 never run");
  }

  private Labeled headline() {
    return lookup("#exportRunsHeadline").queryLabeled();
  }

  private List<String> runLines() {
    return lookup("#exportRunsList .export-run-line").queryAllAs(Label.class).stream()
        .map(Label::getText)
        .toList();
  }

  /** A completed one-turn run of {@code suite} made with {@code policies}. */
  private static RegressionRun run(TestSuite suite, PolicyDocument policies, String answered) {
    var turn =
        new TurnResult(
            "case-1",
            "refactor",
            0,
            0,
            "code generation",
            answered,
            DecisionOutcome.MATCHED,
            "{\"route\": \"" + answered + "\"}",
            40,
            300,
            0,
            List.of());
    return new RegressionRun(
        UUID.randomUUID().toString(),
        suite.id(),
        suite.name(),
        new EngineIdentity("llama.cpp", "tiny.gguf", "", policies.profile(), Map.of())
            .withWrapping(policies.promptWrapping().recorded()),
        Instant.parse("2026-11-30T10:15:00Z"),
        1200,
        RunStatus.COMPLETED,
        "",
        List.of(turn),
        policies);
  }

  @Test
  void errors_block_writing_and_are_named_in_words() {
    interact(
        () ->
            session()
                .editor()
                .apply(
                    "break",
                    d ->
                        d.withTaxonomy(
                            new Taxonomy(
                                d.taxonomy().domains().stream()
                                    .map(
                                        domain ->
                                            domain.withActions(
                                                domain.actions().stream()
                                                    .map(
                                                        a ->
                                                            a.name().equals("debugging")
                                                                ? a.withDescription("")
                                                                : a)
                                                    .toList()))
                                    .toList()))));
    interact(() -> workbench.window().openExport(ExportFormat.PLANO));

    assertThat(lookup("#exportSaveButton").queryButton().isDisabled()).isTrue();
    assertThat(lookup("#exportValidationLabel").queryLabeled().getText())
        .startsWith("Nothing can be written")
        .contains("debugging");
  }
}
