package io.routebench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.doctor.DoctorViewModel;
import io.routebench.app.routing.RouterSource;
import io.routebench.app.runs.RunViewModel;
import io.routebench.app.suites.SuitesTab;
import io.routebench.app.testing.WordOverlapRouterServer;
import io.routebench.core.doctor.DoctorFixtures;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.suite.TestSuite;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The description doctor in the real workbench, from a run with a known confusion to an applied,
 * verified edit and a re-run that shows the fix. The router is served on the loopback and answers
 * by the descriptions' words, so an edit can be seen to matter.
 */
class DoctorWindowTest extends SuitesFixture {

  private WordOverlapRouterServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void a_failed_run_is_treated_an_edit_applied_and_undone_and_a_re_run_shows_the_fix()
      throws Exception {
    server = new WordOverlapRouterServer();
    interact(
        () -> session().editor().apply("doctor fixture", document -> DoctorFixtures.document()));
    onFileThread(
        () -> {
          TestSuite suite = session().file().suites().createSuite("doctor", "");
          session().file().suites().addCases(suite.id(), DoctorFixtures.suite().cases());
          return null;
        });
    interact(() -> tab().suites().reload());
    waitUntil(() -> caseNames().size() == 6);
    interact(
        () ->
            workbench
                .router()
                .load(
                    new RouterSource.Endpoint(
                        new OpenAiEndpointSettings(server.baseUrl(), "arch-router", "")),
                    failure -> {}));
    waitUntil(() -> workbench.router().loadedProperty().get() != null);
    openTab("Suites");
    openTab("Run");
    clickOn("#runSuiteButton");
    waitForRunEnd();
    assertThat(tab().runPage().shownRun().results()).filteredOn(r -> !r.passed()).hasSize(2);

    clickOn("#doctorButton");

    assertThat(label("#doctorSummaryLabel"))
        .isEqualTo("2 failed turns in 1 confusion: debugging → code generation (2 turns)");
    assertThat(label("#doctorEstimateLabel")).contains("× 6 turn(s) each =");
    clickOn("#doctorStartButton");
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> doctor().stateProperty().get() == DoctorViewModel.State.READY);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(label("#doctorMessageLabel")).startsWith("Verified ").contains("improve");
    assertThat(label("#doctorCandidateTitle"))
        .isEqualTo("Add to debugging: “throws”, “traceback”, “script”, “upgrade”");
    assertThat(label("#doctorCandidateEffect"))
        .isEqualTo(
            "For debugging → code generation (2 turns): fixes 2, breaks 0 (net +2) · breaks"
                + " nothing");
    assertThat(label("#doctorCandidateDeltas")).endsWith("verified on the whole suite (6 turns)");

    clickOn("#doctorApplyButton");

    assertThat(debuggingDescription()).endsWith("traceback, script and upgrade.");
    assertThat(session().editor().undoLabelProperty().get()).startsWith("apply the doctor's edit");
    interact(() -> session().editor().undo());
    assertThat(debuggingDescription()).isEqualTo(DoctorFixtures.DEBUGGING);
    interact(() -> session().editor().redo());
    assertThat(debuggingDescription()).endsWith("traceback, script and upgrade.");

    clickOn("#doctorRerunButton");
    waitForRunEnd();

    RegressionRun rerun = tab().runPage().shownRun();
    assertThat(rerun.results()).hasSize(6).allSatisfy(r -> assertThat(r.passed()).isTrue());
    assertThat(
            rerun.policies().taxonomy().policyByRouteName("debugging").orElseThrow().description())
        .endsWith("traceback, script and upgrade.");
  }

  private String debuggingDescription() {
    return session()
        .editor()
        .document()
        .taxonomy()
        .policyByRouteName("debugging")
        .orElseThrow()
        .description();
  }

  private DoctorViewModel doctor() {
    return tab().doctor();
  }

  private SuitesTab tab() {
    return workbench.window().workspacePane().suites();
  }

  private void waitForRunEnd() throws Exception {
    WaitForAsyncUtils.waitFor(
        30,
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
