package io.routebench.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.settings.RouterEndpoint;
import io.routebench.app.settings.SettingsStore;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.RecordingErrorReporter;
import io.routebench.core.conversation.Message;
import io.routebench.core.routing.DecisionListener;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.RouteOption;
import io.routebench.core.routing.RouteRequest;
import io.routebench.core.routing.ServingEngine;
import io.routebench.core.workspace.PolicyDocument;
import io.routebench.inference.llama.LlamaEngineSettings;
import io.routebench.inference.remote.OpenAiEndpointSettings;
import io.routebench.inference.remote.RenderingServer;
import io.routebench.inference.serving.ChatMl;
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
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
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
 * A router served over HTTP is used like a loaded model: tested, connected, decided with on the
 * same engine path, remembered (without its key). The servers are real, on the loopback.
 */
class EndpointDialogTest extends FxRobot {

  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RecordingErrorReporter errors = new RecordingErrorReporter();
  private final LocalRouter router =
      new LocalRouter(
          new LlamaCppLoader(LlamaEngineSettings.defaults().withContextSize(2048)),
          new CurrentThreadTaskExecutor());
  private final List<AutoCloseable> servers = new ArrayList<>();
  private SettingsStore settings;
  private RouterModelBar bar;
  private Stage primary;

  @BeforeEach
  void start() throws Exception {
    primary = FxToolkit.registerPrimaryStage();
    settings =
        SettingsStore.load(dir.resolve("settings.json"), "9.9.9", scheduler, Duration.ofHours(1));
    interact(() -> bar = new RouterModelBar(router, settings, errors, dir));
  }

  @AfterEach
  void stop() throws Exception {
    interact(router::unload);
    interact(
        () -> List.copyOf(listWindows()).stream().filter(w -> w != primary).forEach(Window::hide));
    for (AutoCloseable server : servers) {
      server.close();
    }
    scheduler.shutdownNow();
  }

  @Test
  void test_connection_lists_the_models_and_connect_routes_through_the_server() throws Exception {
    var server = server(List.of("other-model", "arch-router"), "coding", false);
    interact(() -> bar.showConnect(new CurrentThreadTaskExecutor(), closedPort()));
    interact(() -> field("#endpointBaseUrlField").setText(server.address()));

    clickOn("#endpointTestButton");

    assertThat(label("#endpointTestResultLabel"))
        .isEqualTo(
            "Connected: 2 models (other-model, arch-router). It does not serve '"
                + EndpointViewModel.DEFAULT_MODEL
                + "': choose one.");
    var models = lookup("#endpointModelCombo").queryAs(ComboBox.class);
    assertThat(models.getItems()).containsExactly("other-model", "arch-router");
    interact(() -> models.getSelectionModel().select("arch-router"));

    clickOn("#endpointConnectButton");

    LocalRouter.Loaded loaded = router.loadedProperty().get();
    assertThat(errors.shown()).isEmpty();
    assertThat(loaded.source()).isInstanceOf(RouterSource.Endpoint.class);
    assertThat(loaded.file()).isNull();
    assertThat(loaded.description())
        .isEqualTo(
            "arch-router · OpenAI-compatible server at "
                + server.address()
                + " · said to wrap the prompt as ollama does (Connect… checks it)");
    assertThat(loaded.source().statusLabel()).isEqualTo("endpoint · arch-router");
    assertThat(settings.current().lastEndpoint())
        .isEqualTo(new RouterEndpoint(server.address(), "arch-router", ""));

    var decided = new ArrayList<String>();
    router.decideSent(
        new RouteRequest(
            List.of(new RouteOption("coding", "Writing code.")),
            List.of(Message.user("write a parser")),
            PromptProfile.ARCHGW_V1),
        DecisionListener.of(
            answer -> decided.add(answer.routeName()),
            () -> decided.add("cancelled"),
            e -> decided.add("failed " + e.getMessage())));
    assertThat(decided).containsExactly("coding");
    assertThat(server.requests()).endsWith("POST /v1/chat/completions");
  }

  @Test
  void check_against_my_server_says_whether_it_wraps_as_the_workspace_says() throws Exception {
    var workspace = new java.util.concurrent.atomic.AtomicReference<>(PolicyDocument.empty("w"));
    interact(() -> bar.offerServerCheck(new ServerCheck(router, workspace::get)));
    try (var ollama =
            new RenderingServer(
                ServingEngine.OLLAMA, EndpointViewModel.DEFAULT_MODEL, m -> ChatMl.wrap("", m));
        var qwenDefault =
            new RenderingServer(
                ServingEngine.OLLAMA,
                EndpointViewModel.DEFAULT_MODEL,
                m -> ChatMl.wrap(ChatMl.QWEN_DEFAULT_SYSTEM, m))) {
      interact(() -> bar.showConnect(new CurrentThreadTaskExecutor(), closedPort()));
      interact(() -> field("#endpointBaseUrlField").setText(ollama.baseUrl()));

      clickOn("#endpointCheckServerButton");

      assertThat(label("#endpointCheckServerResultLabel"))
          .startsWith("The server matches `ollama`: it renders the same")
          .contains("Arch-Router's chat template (Qwen2.5, ChatML), as no GGUF is loaded");

      interact(() -> field("#endpointBaseUrlField").setText(qwenDefault.baseUrl()));
      clickOn("#endpointCheckServerButton");

      assertThat(label("#endpointCheckServerResultLabel"))
          .startsWith("The server does not match `ollama`: the texts differ at character 12.")
          .contains("RouteBench: «<|im_start|>user\\n")
          .contains("server:     «<|im_start|>system\\nYou are Qwen")
          .contains("what `vllm` and `llama-server` make of it")
          .endsWith("(The workspace's serving engine is ollama; change it in the Proxy tab.)");
      assertThat(router.loadedProperty().get()).isNull();
    }
  }

  @Test
  void an_ollama_on_this_machine_is_found_and_offered() throws Exception {
    var ollama = server(List.of("llama3:latest", "arch-router:latest"), "coding", true);

    interact(() -> bar.showConnect(new CurrentThreadTaskExecutor(), URI.create(ollama.address())));

    assertThat(label("#useOllamaLink"))
        .isEqualTo("Ollama is running at " + ollama.address() + " with 2 models: use it");
    interact(() -> field("#endpointBaseUrlField").setText(""));
    clickOn("#useOllamaLink");
    assertThat(field("#endpointBaseUrlField").getText()).isEqualTo(ollama.address());
    assertThat(lookup("#endpointModelCombo").queryAs(ComboBox.class).getEditor().getText())
        .isEqualTo("arch-router:latest");

    clickOn("#endpointConnectButton");

    assertThat(router.loadedProperty().get().description()).startsWith("arch-router:latest · ");
    assertThat(ollama.requests()).contains("GET /api/tags", "GET /v1/models");
  }

  @Test
  void without_ollama_nothing_is_offered() throws Exception {
    URI nothing = closedPort();
    interact(() -> bar.showConnect(new CurrentThreadTaskExecutor(), nothing));

    assertThat(lookup("#useOllamaLink").query().isVisible()).isFalse();
    assertThat(field("#endpointBaseUrlField").getText()).isEqualTo(nothing.toString());
  }

  @Test
  void a_server_that_does_not_serve_the_model_is_refused_and_the_router_in_use_stays() {
    var server = server(List.of("llama3"), "coding", false);
    interact(() -> bar.showConnect(new CurrentThreadTaskExecutor(), closedPort()));
    interact(() -> field("#endpointBaseUrlField").setText(server.address()));
    interact(
        () ->
            lookup("#endpointModelCombo")
                .queryAs(ComboBox.class)
                .getEditor()
                .setText("arch-router"));

    clickOn("#endpointConnectButton");

    assertThat(router.loadedProperty().get()).isNull();
    assertThat(errors.shown())
        .singleElement()
        .satisfies(
            shown -> {
              assertThat(shown.title()).isEqualTo("Cannot connect to the router server");
              assertThat(shown.message())
                  .startsWith(
                      server.address()
                          + " does not serve the model 'arch-router'; it serves: llama3");
            });
    assertThat(settings.current().lastEndpoint()).isNull();
  }

  @Test
  void an_unreachable_server_is_named_by_test_connection() throws Exception {
    URI nothing = closedPort();
    interact(() -> bar.showConnect(new CurrentThreadTaskExecutor(), nothing));

    clickOn("#endpointTestButton");

    assertThat(label("#endpointTestResultLabel"))
        .isEqualTo("Cannot connect: cannot reach " + nothing + " — is the server running?");
  }

  @Test
  void the_last_server_is_offered_again() {
    settings.update(
        s -> s.withLastEndpoint(new RouterEndpoint("http://10.0.0.5:8000", "router", "", 3)));

    interact(() -> bar.showConnect(new CurrentThreadTaskExecutor(), closedPort()));

    assertThat(field("#endpointBaseUrlField").getText()).isEqualTo("http://10.0.0.5:8000");
    assertThat(lookup("#endpointModelCombo").queryAs(ComboBox.class).getEditor().getText())
        .isEqualTo("router");
    assertThat(lookup("#endpointParallelSpinner").queryAs(Spinner.class).getValue()).isEqualTo(3);
  }

  @Test
  void the_requests_in_flight_are_used_for_runs_and_remembered() throws Exception {
    var server = server(List.of("arch-router"), "coding", false);
    interact(() -> bar.showConnect(new CurrentThreadTaskExecutor(), closedPort()));
    interact(() -> field("#endpointBaseUrlField").setText(server.address()));
    interact(
        () ->
            lookup("#endpointModelCombo")
                .queryAs(ComboBox.class)
                .getEditor()
                .setText("arch-router"));
    interact(
        () ->
            lookup("#endpointParallelSpinner")
                .queryAs(Spinner.class)
                .getValueFactory()
                .setValue(12));

    clickOn("#endpointConnectButton");

    var source = (RouterSource.Endpoint) router.loadedProperty().get().source();
    assertThat(source.settings().parallelRequests()).isEqualTo(12);
    assertThat(settings.current().lastEndpoint().parallelRequests()).isEqualTo(12);
  }

  @Test
  void keys_are_refused_where_a_variable_name_or_a_url_belongs() {
    var viewModel =
        new EndpointViewModel(
            null, new CurrentThreadTaskExecutor(), closedPort(), Map.of("ROUTER_KEY", "x")::get);

    assertThat(viewModel.problemWith("http://h:1", "m", "sk-proj-abcdefghijklmnopqrstuvwxyz"))
        .hasValueSatisfying(p -> assertThat(p).startsWith("Type the NAME of the environment"));
    assertThat(viewModel.problemWith("http://h:1", "m", "AKIAABCDEFGHIJKLMNOP"))
        .hasValueSatisfying(p -> assertThat(p).startsWith("Type the NAME of the environment"));
    assertThat(viewModel.problemWith("http://user:hunter2@h:1", "m", ""))
        .hasValueSatisfying(p -> assertThat(p).startsWith("The URL holds a credential"));
    assertThat(viewModel.problemWith("http://h:1", "m", "MISSING_KEY"))
        .hasValueSatisfying(
            p -> assertThat(p).startsWith("The environment variable MISSING_KEY is not set"));
    assertThat(viewModel.problemWith("localhost:11434", "m", ""))
        .hasValue("The base URL must start with http:// or https:// and name a host.");
    assertThat(viewModel.problemWith("http://h:1", " ", ""))
        .hasValue("Choose or type the name the server serves the router model as.");
    assertThat(viewModel.problemWith("http://h:1", "m", "$ROUTER_KEY")).isEmpty();
    assertThat(viewModel.problemWith("http://h:1", "m", "")).isEmpty();
  }

  @Test
  void connect_is_disabled_while_the_fields_have_a_problem() {
    interact(() -> bar.showConnect(new CurrentThreadTaskExecutor(), closedPort()));

    interact(
        () -> field("#endpointApiKeyVariableField").setText("sk-proj-abcdefghijklmnopqrstuvwxyz"));

    assertThat(lookup("#endpointConnectButton").query().isDisabled()).isTrue();
    assertThat(lookup("#endpointTestButton").query().isDisabled()).isTrue();
    assertThat(label("#endpointProblemLabel")).startsWith("Type the NAME of the environment");
  }

  @Test
  void the_server_in_use_when_routebench_closed_is_reconnected_at_start_and_the_bar_says_so()
      throws Exception {
    var server = server(List.of("arch-router"), "coding", false);
    interact(() -> bar.connect(new OpenAiEndpointSettings(server.address(), "arch-router", "")));
    assertThat(settings.current().reconnectAtStart()).isTrue();
    interact(router::unload); // RouteBench closes; the next start builds a new bar
    var next = new RouterModelBar[1];
    interact(() -> next[0] = new RouterModelBar(router, settings, errors, dir));

    interact(next[0]::reconnectLastServer);

    assertThat(router.loadedProperty().get().source())
        .isEqualTo(
            new RouterSource.Endpoint(
                new OpenAiEndpointSettings(server.address(), "arch-router", "")));
    assertThat(((Label) next[0].root().lookup("#routerNoticeLabel")).getText())
        .isEqualTo(
            "Reconnected to arch-router at " + server.address() + ", the router in use last time.");
  }

  @Test
  void a_server_gone_since_the_last_start_is_said_on_the_bar_not_in_a_dialog() throws Exception {
    String gone = closedPort().toString();
    settings.update(
        s ->
            s.withLastEndpoint(new RouterEndpoint(gone, "arch-router", ""))
                .withReconnectAtStart(true));

    interact(bar::reconnectLastServer);

    assertThat(router.loadedProperty().get()).isNull();
    assertThat(router.loadingProperty().get()).isFalse();
    assertThat(errors.shown()).as("no dialog: the user asked for nothing").isEmpty();
    assertThat(((Label) bar.root().lookup("#routerNoticeLabel")).getText())
        .startsWith(
            "Could not reconnect to arch-router at " + gone + ", the router in use last time:")
        .endsWith("Connect… tries again; Load model… uses a file instead.");
  }

  @Test
  void a_model_file_or_unload_means_no_server_is_connected_at_the_next_start() throws Exception {
    var server = server(List.of("arch-router"), "coding", false);
    interact(() -> bar.connect(new OpenAiEndpointSettings(server.address(), "arch-router", "")));
    assertThat(settings.current().reconnectAtStart()).isTrue();

    interact(() -> ((Button) bar.root().lookup("#unloadRouterModelButton")).fire());

    assertThat(settings.current().reconnectAtStart()).isFalse();
    assertThat(settings.current().lastEndpoint()).as("still offered in Connect…").isNotNull();
  }

  private LoopbackRouterServer server(List<String> models, String route, boolean ollama) {
    try {
      var server = new LoopbackRouterServer(models, route, ollama);
      servers.add(server);
      return server;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
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
