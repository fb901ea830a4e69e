package io.routebench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.routing.LlamaCppLoader;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.routing.RouterSource;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.Documents;
import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.run.MetricsCalculator;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunStatus;
import io.routebench.core.run.TurnResult;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.inference.llama.LlamaEngineSettings;
import io.routebench.inference.remote.PlanoListenerSettings;
import io.routebench.inference.remote.PlanoStandIn;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite run in the workbench with plano as the router: plano's decisions, stored as a run. */
class PlanoSuiteRunTest {

  @TempDir Path dir;

  private final List<RunViewModel.Outcome> finished = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private Workspace workspace;
  private PlanoStandIn plano;

  @AfterEach
  void close() {
    workspace.close();
    plano.close();
  }

  @Test
  void a_window_run_with_plano_stores_plano_s_decisions_and_errors() throws Exception {
    workspace = WorkspaceFile.create(dir.resolve("w.routebench"));
    TestSuite created = workspace.suites().createSuite("smoke", "");
    workspace
        .suites()
        .addCases(
            created.id(),
            List.of(
                new TestCase(
                    "c1",
                    "parser then crash",
                    List.of(),
                    "",
                    List.of(
                        CaseMessage.user("write a parser", "code generation"),
                        CaseMessage.assistant("ok"),
                        CaseMessage.user("it shows a crash", "debugging"))),
                new TestCase(
                    "c2",
                    "mail",
                    List.of(),
                    "",
                    List.of(CaseMessage.user("draft an email", "email drafting")))));
    TestSuite suite = workspace.suites().findSuite(created.id()).orElseThrow();
    plano =
        new PlanoStandIn(List.of(Documents.GPT_4O, Documents.CLAUDE, Documents.MINI), Map.of())
            .routingWith(
                (conversation, names) -> {
                  String last = conversation.get(conversation.size() - 1).get("content");
                  if (last.contains("email")) {
                    throw new PlanoStandIn.OrchestratorFailure("model server unreachable");
                  }
                  return List.of(last.contains("crash") ? "debugging" : "code generation");
                });
    var router =
        new LocalRouter(
            new LlamaCppLoader(LlamaEngineSettings.defaults()), new CurrentThreadTaskExecutor());
    router.load(
        new RouterSource.Plano(new PlanoListenerSettings(plano.address())),
        e -> failures.add(e.getMessage()));
    PolicyDocument document = Documents.codingAndWriting();
    var runs =
        new RunViewModel(
            router,
            workspace.runs(),
            new CurrentThreadTaskExecutor(),
            new SimpleObjectProperty<>(document),
            System::nanoTime,
            finished::add);

    runs.start(suite);

    assertThat(failures).isEmpty();
    RegressionRun stored = workspace.runs().findRun(finished.get(0).run().id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stored.engine().kind()).isEqualTo("plano");
    assertThat(stored.results())
        .extracting(TurnResult::actual)
        .containsExactly("code generation", "debugging", "(proxy error)");
    assertThat(stored.results().get(2).outcome()).isEqualTo(DecisionOutcome.PROXY_ERROR);
    assertThat(stored.results().get(2).rawOutput()).contains("Failed to determine route");
    assertThat(MetricsCalculator.compute(stored).proxyErrors()).isEqualTo(1);
    assertThat(plano.routingRequests()).hasSize(3);
    router.unload();
  }
}
