package io.routebench.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.settings.RouterEndpoint;
import io.routebench.app.settings.SettingsStore;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.Documents;
import io.routebench.app.testing.RecordingErrorReporter;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.DecisionListener;
import io.routebench.core.routing.DecisionOutcome;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.RouteResolver;
import io.routebench.core.routing.RouterAnswer;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.inference.llama.LlamaEngineSettings;
import io.routebench.inference.remote.PlanoStandIn;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A running plano chosen in Connect…: tested, connected, and then the router whose decisions the
 * playtest shows: plano's own, for the workspace's routes. plano is a loopback stand-in built from
 * its routing handler.
 */
class PlanoConnectTest extends FxRobot {

  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RecordingErrorReporter errors = new RecordingErrorReporter();
  private final LocalRouter router =
      new LocalRouter(
          new LlamaCppLoader(LlamaEngineSettings.defaults().withContextSize(2048)),
          new CurrentThreadTaskExecutor());
  private SettingsStore settings;
  private RouterModelBar bar;
  private Stage primary;
  private PlanoStandIn plano;

  @BeforeEach
  void start() throws Exception {
    primary = FxToolkit.registerPrimaryStage();
    settings =
        SettingsStore.load(dir.resolve("settings.json"), "9.9.9", scheduler, Duration.ofHours(1));
    interact(() -> bar = new RouterModelBar(router, settings, errors, dir));
    plano =
        new PlanoStandIn(
                List.of(Documents.GPT_4O, Documents.CLAUDE, Documents.MINI),
                Map.of("chit-chat", List.of(Documents.MINI)))
            .routingByKeyword(Map.of("parser", "code generation", "crash", "debugging"));
  }

  @AfterEach
  void stop() throws Exception {
    interact(router::unload);
    interact(
        () -> List.copyOf(listWindows()).stream().filter(w -> w != primary).forEach(Window::hide));
    plano.close();
    scheduler.shutdownNow();
  }

  @Test
  void plano_is_tested_connected_remembered_and_then_decides_every_message() {
    interact(() -> bar.showConnect(new CurrentThreadTaskExecutor(), closedPort()));
    @SuppressWarnings("unchecked")
    ComboBox<EndpointViewModel.ServerKind> kind =
        lookup("#endpointKindCombo").queryAs(ComboBox.class);

    interact(() -> kind.setValue(EndpointViewModel.ServerKind.PLANO));
    assertThat(field("#endpointBaseUrlField").getText())
        .isEqualTo(EndpointViewModel.DEFAULT_PLANO_ADDRESS);
    assertThat(lookup("#endpointModelCombo").query().isDisabled()).isTrue();
    interact(() -> field("#endpointBaseUrlField").setText(plano.address()));
    clickOn("#endpointTestButton");

    assertThat(label("#endpointTestResultLabel"))
        .startsWith("Connected to plano: it declares 3 models (openai/gpt-4o, ");

    clickOn("#endpointConnectButton");

    LocalRouter.Loaded loaded = router.loadedProperty().get();
    assertThat(errors.shown()).isEmpty();
    assertThat(loaded.source())
        .isEqualTo(
            new RouterSource.Plano(
                new io.routebench.inference.remote.PlanoListenerSettings(plano.address())));
    assertThat(loaded.source().statusLabel()).isEqualTo("plano · " + plano.address());
    assertThat(loaded.description()).startsWith("plano at " + plano.address());
    assertThat(loaded.selector().identity(PromptProfile.PLANO_V1).kind()).isEqualTo("plano");
    RouterEndpoint remembered = settings.current().lastEndpoint();
    assertThat(remembered.plano()).isTrue();
    assertThat(remembered.baseUrl()).isEqualTo(plano.address());

    PolicyDocument document = Documents.codingAndWriting();
    var answers = new ArrayList<RouterAnswer>();
    router.decideSent(
        RouteRequest.of(document, List.of(Message.user("My build shows a crash"))),
        DecisionListener.of(
            answers::add,
            () -> {},
            e -> {
              throw new AssertionError(e);
            }));

    assertThat(answers).hasSize(1);
    var decision = RouteResolver.resolve(answers.get(0), document);
    assertThat(decision.outcome()).isEqualTo(DecisionOutcome.MATCHED);
    assertThat(decision.policy().routeName()).isEqualTo("debugging");
    assertThat(decision.targetModel()).map(t -> t.model()).contains(Documents.GPT_4O);
    // plano was given the workspace's routes, not its config's "chit-chat".
    assertThat(plano.routingRequests().get(0).body().path("routing_preferences").toString())
        .contains("\"name\":\"debugging\"", "\"models\":[\"openai/gpt-4o\"]")
        .doesNotContain("chit-chat");
  }

  @Test
  void plano_remembered_is_offered_again_as_plano() {
    settings.update(
        s -> s.withLastEndpoint(new RouterEndpoint(plano.address(), "arch-router", "", true)));

    interact(() -> bar.showConnect(new CurrentThreadTaskExecutor(), closedPort()));

    assertThat(lookup("#endpointKindCombo").queryAs(ComboBox.class).getValue())
        .isEqualTo(EndpointViewModel.ServerKind.PLANO);
    assertThat(field("#endpointBaseUrlField").getText()).isEqualTo(plano.address());
  }

  @Test
  void a_server_that_is_not_plano_is_said_when_connecting() {
    var notPlano = closedPort();
    interact(
        () ->
            bar.load(
                new RouterSource.Plano(
                    new io.routebench.inference.remote.PlanoListenerSettings(
                        notPlano.toString()))));

    assertThat(router.loadedProperty().get()).isNull();
    assertThat(errors.shown())
        .singleElement()
        .asString()
        .contains("Cannot connect to plano")
        .contains("cannot reach plano at " + notPlano);
  }

  /** An address where nothing listens: a port just freed. */
  private static URI closedPort() {
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private TextField field(String query) {
    return lookup(query).queryAs(TextField.class);
  }

  private String label(String query) {
    return lookup(query).queryAs(Labeled.class).getText();
  }
}
