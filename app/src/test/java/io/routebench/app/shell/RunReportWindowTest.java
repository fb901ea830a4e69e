package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.suites.SuitesTab;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** The run report saved from the window shows the figures the window shows. */
class RunReportWindowTest extends SuitesFixture {

  @Test
  void the_run_pages_report_holds_the_metrics_the_page_shows_and_the_chosen_comparison()
      throws Exception {
    storeSuiteWithTwoRuns();
    openTab("Suites");
    openTab("Run");
    waitUntil(() -> lookup("#metricOverall").tryQuery().isPresent());
    openTab("History");
    waitUntil(() -> tab().history().points().size() == 2);
    Path file = home.resolve("report.html");

    interact(
        () ->
            tab()
                .reports()
                .save(
                    tab().runPage().shownRun(),
                    tab().runPage().shownMetrics(),
                    tab().history().points().get(0).run(),
                    file));
    waitUntil(() -> Files.exists(file));

    String report = Files.readString(file);
    String metrics = report.substring(report.indexOf("<section id=\"metrics\">"));
    for (String id :
        new String[] {"#metricOverall", "#metricTurn", "#metricSpan", "#metricIrrelevance"}) {
      assertThat(metrics).as(id).contains(">" + lookup(id).queryAs(Label.class).getText() + "<");
    }
    assertThat(report)
        .contains("<section id=\"comparison\">")
        .contains("Run of 2026-01-01 10:00:00Z");
    assertThat(lookup("#suitesMessage").queryLabeled().getText())
        .isEqualTo("Saved the run report to " + file);
  }

  @Test
  void the_history_pages_report_is_the_comparison_it_shows() throws Exception {
    storeSuiteWithTwoRuns();
    openTab("Suites");
    openTab("History");
    waitUntil(() -> tab().history().comparisonProperty().get() != null);
    Path file = home.resolve("compared.html");

    interact(() -> tab().reports().saveShownComparison(file));
    waitUntil(() -> Files.exists(file));

    String report = Files.readString(file);
    String shown = lookup("#comparisonDeltas").queryLabeled().getText();
    assertThat(report)
        .contains("Regressions (passed before, fail now) · 1")
        .contains("Fixes (failed before, pass now) · 1")
        .contains(shown.substring(0, shown.indexOf(" turns failing differently")));
    assertThat(lookup("#saveComparisonReportButton").queryButton().isDisabled()).isFalse();
  }

  private SuitesTab tab() {
    return workbench.window().workspacePane().suites();
  }
}
