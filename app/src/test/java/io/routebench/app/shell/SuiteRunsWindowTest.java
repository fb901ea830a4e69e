package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.runs.RunViewModel;
import io.routebench.app.suites.SuitesTab;
import io.routebench.core.run.MetricsCalculator;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.inference.gguf.TinyGgufModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Running suites in the real workbench with a tiny test model: results, cancel, resume, compare.
 */
class SuiteRunsWindowTest extends SuitesFixture {

  private static final List<String> ROUTES =
      List.of("code generation", "debugging", "test writing", "other");

  @Test
  void a_finished_run_shows_the_metrics_of_the_stored_run_and_a_heat_map_whose_cells_list_turns()
      throws Exception {
    loadAnsweringModel();
    addSuite("smoke", 3, 2);
    openTab("Suites");
    openTab("Run");

    clickOn("#runSuiteButton");
    waitForRunEnd(30);

    RegressionRun stored = latestStoredRun("smoke");
    assertThat(stored.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stored.results()).hasSize(6);
    var metrics = MetricsCalculator.compute(stored);
    assertThat(label("#metricTurn"))
        .isEqualTo(String.format(Locale.ROOT, "%.1f%%", 100 * metrics.turnAccuracy()));
    assertThat(label("#metricOverall"))
        .isEqualTo(String.format(Locale.ROOT, "%.1f%%", 100 * metrics.overall()));
    int labels = metrics.confusion().labels().size();
    assertThat(lookup("#heatMap .heat-cell").queryAll()).hasSize(labels * labels);

    TurnResult first = stored.results().get(0);
    Node cell =
        lookup("#heatMap .heat-cell")
            .match(
                n ->
                    first.expected().equals(n.getProperties().get("expected"))
                        && first.actual().equals(n.getProperties().get("actual")))
            .query();
    clickOn(cell);

    assertThat(label("#turnsTitle"))
        .isEqualTo("Expected " + first.expected() + ", routed to " + first.actual());
    assertThat(lookup("#runTurnsTable").queryTableView().getItems())
        .hasSize(metrics.confusion().count(first.expected(), first.actual()));
  }

  @Test
  void a_run_cancelled_midway_keeps_its_answers_and_resumes_to_the_end_under_the_same_id()
      throws Exception {
    loadAnsweringModel();
    addSuite("long", 16, 3);
    openTab("Suites");
    openTab("Run");
    var cancelled = new AtomicBoolean();
    interact(
        () ->
            tab()
                .runs()
                .liveResults()
                .addListener(
                    (ListChangeListener<TurnResult>)
                        change -> {
                          if (!change.getList().isEmpty() && cancelled.compareAndSet(false, true)) {
                            lookup("#cancelRunButton").queryButton().fire();
                          }
                        }));

    clickOn("#runSuiteButton");
    waitForRunEnd(30);

    RegressionRun partial = latestStoredRun("long");
    assertThat(partial.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(partial.results()).hasSizeBetween(1, 47);
    assertThat(lookup("#resumeRunButton").queryButton().isDisabled()).isFalse();

    clickOn("#resumeRunButton");
    waitForRunEnd(60);

    RegressionRun resumed = latestStoredRun("long");
    assertThat(resumed.id()).isEqualTo(partial.id());
    assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(resumed.results()).hasSize(48);
    assertThat(resumed.results()).containsAll(partial.results());
  }

  @Test
  void comparing_two_runs_highlights_the_turn_an_edited_expectation_broke() throws Exception {
    loadAnsweringModel();
    addSuite("compare", 1, 1);
    openTab("Suites");
    openTab("Run");
    expectInFirstTurn("debugging");
    clickOn("#runSuiteButton");
    waitForRunEnd(30);
    expectInFirstTurn("code generation");
    clickOn("#runSuiteButton");
    waitForRunEnd(30);

    openTab("History");
    waitUntil(() -> lookup("#historyTable").queryTableView().getItems().size() == 2);

    assertThat(tab().history().changes())
        .as(
            "runs: %s",
            tab().history().points().stream()
                .map(p -> p.run().startedAt() + " " + p.run().results())
                .toList())
        .singleElement()
        .satisfies(row -> assertThat(row.kind()).isEqualTo("regression"));

    TableRow<?> regression =
        lookup("#comparisonTable .table-row-cell")
            .match(r -> r instanceof TableRow<?> row && row.getItem() != null)
            .queryAs(TableRow.class);
    assertThat(regression.getStyleClass()).contains("regression");
    assertThat(label("#comparisonDeltas")).startsWith("1 regressions, 0 fixes");
  }

  private void expectInFirstTurn(String route) throws Exception {
    interact(
        () -> {
          var suites = tab().suites();
          TestCase testCase = suites.suite().orElseThrow().cases().get(0);
          suites.updateCase(
              "change expected route",
              new TestCase(
                  testCase.id(),
                  testCase.name(),
                  testCase.tags(),
                  testCase.notes(),
                  List.of(CaseMessage.user(testCase.messages().get(0).content(), route))));
        });
  }

  private SuitesTab tab() {
    return workbench.window().workspacePane().suites();
  }

  private void loadAnsweringModel() throws Exception {
    // Answers every prompt with a well-formed "debugging", as Arch-Router answers.
    loadModel(TinyGgufModels.answeringRoute(home.resolve("models"), "debugging"));
  }

  /** Stores a suite of {@code cases} cases with {@code turns} user turns each, and shows it. */
  private void addSuite(String name, int cases, int turns) throws Exception {
    var testCases = new ArrayList<TestCase>();
    for (int c = 0; c < cases; c++) {
      var messages = new ArrayList<CaseMessage>();
      for (int t = 0; t < turns; t++) {
        if (t > 0) {
          messages.add(CaseMessage.assistant("Sure, here it is."));
        }
        messages.add(
            CaseMessage.user(
                "Request " + c + "." + t + ": write and test a parser for ISO dates",
                ROUTES.get((c + t) % ROUTES.size())));
      }
      testCases.add(
          new TestCase("case-" + name + "-" + c, name + " " + c, List.of(), "", messages));
    }
    onFileThread(
        () -> {
          TestSuite suite = session().file().suites().createSuite(name, "");
          session().file().suites().addCases(suite.id(), testCases);
          return null;
        });
    interact(() -> tab().suites().reload());
    waitUntil(() -> caseNames().size() == cases);
  }

  private RegressionRun latestStoredRun(String suiteName) throws Exception {
    return onFileThread(
        () -> {
          var suite = session().file().suites().findSuiteByName(suiteName).orElseThrow();
          var id = session().file().runs().listRuns(suite.id()).get(0).id();
          return session().file().runs().findRun(id).orElseThrow();
        });
  }

  private void waitForRunEnd(int seconds) throws Exception {
    WaitForAsyncUtils.waitFor(
        seconds,
        TimeUnit.SECONDS,
        () ->
            tab().runs().stateProperty().get() == RunViewModel.State.IDLE
                && tab().runs().outcomeProperty().get() != null
                && !label("#runMessageLabel").isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private String label(String id) {
    return lookup(id).queryAs(Label.class).getText();
  }
}
