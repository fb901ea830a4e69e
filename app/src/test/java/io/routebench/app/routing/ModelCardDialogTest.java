package io.routebench.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.app.settings.SettingsStore;
import io.routebench.app.tasks.CurrentThreadTaskExecutor;
import io.routebench.app.testing.RecordingErrorReporter;
import io.routebench.inference.gguf.ByteLevelVocabulary;
import io.routebench.inference.gguf.QwenGgufBuilder;
import io.routebench.inference.gguf.QwenShape;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.inference.llama.LlamaEngineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** A chosen model file is described from its header first; only Load loads it. */
class ModelCardDialogTest extends FxRobot {

  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RecordingErrorReporter errors = new RecordingErrorReporter();
  private final LlamaCppLoader llamaCpp =
      new LlamaCppLoader(LlamaEngineSettings.defaults().withContextSize(2048));
  private final LocalRouter router =
      new LocalRouter(llamaCpp::load, new CurrentThreadTaskExecutor());
  private RouterModelBar bar;
  private Stage primary;

  @BeforeEach
  void start() throws Exception {
    primary = FxToolkit.registerPrimaryStage();
    var settings =
        SettingsStore.load(dir.resolve("settings.json"), "9.9.9", scheduler, Duration.ofHours(1));
    interact(() -> bar = new RouterModelBar(router, settings, errors, dir));
  }

  @AfterEach
  void stop() throws Exception {
    interact(() -> router.unload());
    interact(
        () -> List.copyOf(listWindows()).stream().filter(w -> w != primary).forEach(Window::hide));
    scheduler.shutdownNow();
  }

  @Test
  void the_card_describes_the_model_and_load_loads_it() throws Exception {
    Path model = dir.resolve("Arch-Router-1.5B-Q4_K_M.gguf");
    new QwenGgufBuilder(QwenShape.TINY, ByteLevelVocabulary.create())
        .name("Arch-Router-1.5B")
        .metadata("general.license", "other")
        .metadata("general.license.name", "katanemo-research")
        .write(model);

    interact(() -> bar.offerToLoad(model));

    assertThat(text("#modelCard-name")).isEqualTo("Arch-Router-1.5B");
    assertThat(text("#modelCard-architecture")).isEqualTo("qwen2");
    assertThat(text("#modelCard-quantisation")).isEqualTo("F32");
    assertThat(text("#modelCard-file")).contains("MB");
    assertThat(text("#modelCard-licence"))
        .contains("other (katanemo-research)")
        .contains("katanemo-research licence: " + ModelCard.ARCH_ROUTER_LICENSE_URL);
    assertThat(lookup("#modelCardTemplate").queryAs(TextArea.class).getText())
        .startsWith(QwenGgufBuilder.QWEN2_5_CHAT_TEMPLATE.lines().findFirst().orElseThrow());
    assertThat(router.loadedProperty().get()).as("nothing loads before Load").isNull();

    clickOn("#modelCardLoadButton");

    assertThat(router.loadedProperty().get()).isNotNull();
    assertThat(router.loadedProperty().get().file()).isEqualTo(model);
  }

  @Test
  void cancel_loads_nothing() {
    Path model = TinyGgufModels.tinyQwen(dir);
    interact(() -> bar.offerToLoad(model));
    assertThat(text("#modelCard-licence")).isEqualTo("not stated in the file");

    clickOn("#modelCardCancelButton");

    assertThat(router.loadedProperty().get()).isNull();
    assertThat(listWindows())
        .noneMatch(w -> w instanceof Stage s && "Load router model".equals(s.getTitle()));
  }

  @Test
  void a_file_that_is_no_gguf_says_so_and_offers_no_load() {
    Path notes = TinyGgufModels.notAGguf(dir);
    interact(() -> bar.offerToLoad(notes));

    assertThat(text("#modelCardProblem")).contains("notes.gguf is not a GGUF model");
    assertThat(lookup("#modelCardLoadButton").queryAs(Button.class).isDisabled()).isTrue();
  }

  @Test
  void an_architecture_llama_cpp_cannot_run_is_refused_before_loading() {
    Path model = TinyGgufModels.unsupportedArchitecture(dir);
    interact(() -> bar.offerToLoad(model));

    assertThat(text("#modelCard-architecture"))
        .isEqualTo("routebenchnet (not supported by this llama.cpp build)");
    assertThat(text("#modelCardProblem")).contains("which this llama.cpp build cannot run");
    assertThat(lookup("#modelCardLoadButton").queryAs(Button.class).isDisabled()).isTrue();
  }

  @Test
  void a_qwen3_router_is_recognised_and_offers_connect_instead_of_a_load_that_fails()
      throws Exception {
    // plano's default router, Plano-Orchestrator, is Qwen3-based; llama.cpp b4916 predates Qwen3.
    Path model = dir.resolve("Plano-Orchestrator-4B-Q4_K_M.gguf");
    new QwenGgufBuilder(QwenShape.TINY, ByteLevelVocabulary.create())
        .architecture("qwen3")
        .name("Plano-Orchestrator-4B")
        .write(model);
    interact(() -> bar.offerServers(new CurrentThreadTaskExecutor(), closedPort()));

    interact(() -> bar.offerToLoad(model));

    assertThat(text("#modelCard-architecture"))
        .isEqualTo("qwen3 (Qwen3: not supported by this llama.cpp build; use a server)");
    assertThat(text("#modelCardProblem"))
        .contains("is a Qwen3 model")
        .contains("Plano-Orchestrator, is Qwen3-based");
    assertThat(lookup("#modelCardLoadButton").tryQuery()).isEmpty();

    clickOn("#modelCardConnectButton");

    assertThat(listWindows())
        .anyMatch(w -> w instanceof Stage s && "Connect to a router server".equals(s.getTitle()));
    assertThat(router.loadedProperty().get()).isNull();
  }

  @Test
  void a_qwen3_router_offers_no_load_where_no_server_can_be_connected() throws Exception {
    Path model = dir.resolve("qwen3.gguf");
    new QwenGgufBuilder(QwenShape.TINY, ByteLevelVocabulary.create())
        .architecture("qwen3moe")
        .write(model);

    interact(() -> bar.offerToLoad(model));

    assertThat(lookup("#modelCardLoadButton").queryAs(Button.class).isDisabled()).isTrue();
    assertThat(lookup("#modelCardConnectButton").tryQuery()).isEmpty();
  }

  @Test
  void a_long_chat_template_is_cut_to_its_first_lines() throws Exception {
    Path model = dir.resolve("long-template.gguf");
    String template = "{{ line }}\n".repeat(ModelCardViewModel.TEMPLATE_PREVIEW_LINES + 5);
    new QwenGgufBuilder(QwenShape.TINY, ByteLevelVocabulary.create())
        .chatTemplate(java.util.Optional.of(template))
        .write(model);
    assertThat(Files.exists(model)).isTrue();

    var card = ModelCardViewModel.read(model);

    assertThat(card.chatTemplatePreview().orElseThrow())
        .endsWith("… (5 more lines)")
        .hasLineCount(ModelCardViewModel.TEMPLATE_PREVIEW_LINES + 1);
  }

  private static java.net.URI closedPort() {
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return java.net.URI.create("http://127.0.0.1:" + socket.getLocalPort());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private String text(String query) {
    return lookup(query).queryAs(Label.class).getText();
  }
}
