package io.routebench.app.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.routing.LlamaCppLoader;
import io.routebench.app.routing.LocalRouter;
import io.routebench.app.routing.RouterSource;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.Documents;
import io.routebench.core.parity.ParityReport;
import io.routebench.core.suite.CaseMessage;
import io.routebench.core.suite.TestCase;
import io.routebench.core.suite.TestSuite;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.inference.llama.LlamaEngineSettings;
import io.routebench.inference.remote.PlanoListenerSettings;
import io.routebench.inference.remote.PlanoStandIn;
import io.routebench.storage.Workspace;
import io.routebench.storage.WorkspaceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench's parity run: a real tiny model that answers "code generation" to everything,
 * loaded through the real binding, against a plano stand-in that routes by keyword. They differ on
 * the crash (debugging) and on the thanks (no route), and agree on the parser.
 */
class ParityViewModelTest {

  @TempDir Path dir;
  private final List<String> failures = new ArrayList<>();
  private final LocalRouter router =
      new LocalRouter(
          new LlamaCppLoader(LlamaEngineSettings.defaults().withContextSize(2048)),
          new CurrentThreadTaskExecutor());
  private final PolicyDocument document = Documents.codingAndWriting();
  private Workspace workspace;
  private PlanoStandIn plano;
  private TestSuite suite;

  @BeforeEach
  void setUp() throws Exception {
    workspace = WorkspaceFile.create(dir.resolve("w.routebench"));
    suite = workspace.suites().createSuite("parity", "");
    workspace
        .suites()
        .addCases(
            suite.id(),
            List.of(
                new TestCase(
                    "c-1",
                    "parser then thanks",
                    List.of(),
                    "",
                    List.of(
                        CaseMessage.user("Write a parser in Rust", "code generation"),
                        CaseMessage.assistant("Here it is."),
                        CaseMessage.user("thanks!", "other"))),
                new TestCase(
                    "c-2",
                    "crash",
                    List.of(),
                    "",
                    List.of(CaseMessage.user("My build shows a crash", "debugging")))));
    plano =
        new PlanoStandIn(List.of(Documents.GPT_4O, Documents.CLAUDE, Documents.MINI), Map.of())
            .routingByKeyword(Map.of("parser", "code generation", "crash", "debugging"));
  }

  @AfterEach
  void tearDown() {
    router.unload();
    plano.close();
    workspace.close();
  }

  private ParityViewModel viewModel() {
    var viewModel =
        new ParityViewModel(
            router,
            workspace.suites(),
            new CurrentThreadTaskExecutor(),
            new CurrentThreadTaskExecutor(),
            () -> document,
            plano.address());
    viewModel.loadSuites();
    return viewModel;
  }

  @Test
  void a_parity_run_lists_the_turns_plano_and_the_loaded_model_route_apart() {
    router.load(
        new RouterSource.ModelFile(TinyGgufModels.answeringRoute(dir, "code generation")),
        e -> failures.add(e.getMessage()));
    ParityViewModel viewModel = viewModel();
    assertThat(viewModel.problemProperty().get()).isEmpty();

    viewModel.start();

    assertThat(failures).isEmpty();
    ParityReport report = viewModel.reportProperty().get();
    assertThat(report).as(viewModel.messageProperty().get()).isNotNull();
    assertThat(report.comparedTurns()).isEqualTo(3);
    assertThat(viewModel.differences())
        .extracting(
            d ->
                d.caseName()
                    + " "
                    + (d.turnIndex() + 1)
                    + ": "
                    + d.plano().actual()
                    + " / "
                    + d.other().actual())
        .containsExactly(
            "parser then thanks 2: other / code generation",
            "crash 1: debugging / code generation");
    assertThat(viewModel.messageProperty().get())
        .isEqualTo("parity 33.3% (1 of 3 turns routed alike)");
    assertThat(viewModel.progressProperty().get()).isEqualTo(1.0);
    assertThat(viewModel.stateProperty().get()).isEqualTo(ParityViewModel.State.IDLE);
    assertThat(ParityJsonReport.render(report)).contains("\"parity_rate\" : 0.333");
  }

  @Test
  void without_a_router_model_to_compare_with_it_says_so() {
    ParityViewModel viewModel = viewModel();

    assertThat(viewModel.suiteProperty().get().name()).isEqualTo("parity");
    assertThat(viewModel.problemProperty().get()).startsWith("Load a router model");

    router.load(
        new RouterSource.Plano(new PlanoListenerSettings(plano.address())),
        e -> failures.add(e.getMessage()));

    assertThat(viewModel.problemProperty().get()).startsWith("The router in use is plano itself");
  }

  @Test
  void plano_not_answering_ends_the_run_in_words() {
    router.load(
        new RouterSource.ModelFile(TinyGgufModels.answeringRoute(dir, "code generation")),
        e -> failures.add(e.getMessage()));
    ParityViewModel viewModel = viewModel();
    String address = plano.address();
    plano.close();
    viewModel.planoAddressProperty().set(address);

    viewModel.start();

    assertThat(viewModel.reportProperty().get()).isNull();
    assertThat(viewModel.messageProperty().get())
        .startsWith("The parity run could not be made: cannot reach plano at " + address);
    assertThat(viewModel.stateProperty().get()).isEqualTo(ParityViewModel.State.IDLE);
  }
}
