package io.routebench.inference.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.RoutingException;
import io.routebench.core.routing.ServingEngine;
import io.routebench.inference.serving.ArchRouterReference;
import io.routebench.inference.serving.ChatMl;
import io.routebench.inference.serving.ExpectedRendering;
import io.routebench.inference.serving.RenderCheck;
import io.routebench.inference.serving.RenderComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "Check against my server" against loopback stand-ins answering in each engine's documented shape:
 * a server that renders as the chosen wrapping matches, one that renders otherwise is caught at its
 * first difference, with both texts.
 */
class ServerRenderCheckTest {

  private static final String MODEL = "hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M";
  private static final String MESSAGE = "\nYou are a helpful assistant.\n<routes>[]</routes>\n";

  /** Text A: what Ollama and llama-server without --jinja make of Arch-Router's message. */
  private static final Function<String, String> TEXT_A = m -> ChatMl.wrap("", m);

  /** Text B: Qwen's default system turn first, as vLLM and llama-server --jinja render it. */
  private static final Function<String, String> TEXT_B =
      m -> ChatMl.wrap(ChatMl.QWEN_DEFAULT_SYSTEM, m);

  @ParameterizedTest
  @EnumSource(ServingEngine.class)
  void a_server_rendering_as_the_chosen_engine_matches(ServingEngine engine) throws Exception {
    var wrapping = PromptWrapping.of(engine);
    try (var server = new RenderingServer(engine, MODEL, textOf(engine))) {
      RenderCheck check = check(server, wrapping, withTokens(wrapping));

      assertThat(check.matches()).as(check.summary()).isTrue();
      assertThat(check.summary()).startsWith("matches `" + engine.id() + "`: it renders");
      // vLLM and llama-server give token ids, and those were compared too.
      assertThat(check.tokensCompared() > 0).isEqualTo(engine != ServingEngine.OLLAMA);
    }
  }

  @ParameterizedTest
  @EnumSource(ServingEngine.class)
  void a_server_rendering_otherwise_is_caught_at_its_first_difference(ServingEngine engine)
      throws Exception {
    var wrapping = PromptWrapping.of(engine);
    Function<String, String> other = textOf(engine) == TEXT_A ? TEXT_B : TEXT_A;
    try (var server = new RenderingServer(engine, MODEL, other)) {
      RenderCheck check = check(server, wrapping, withTokens(wrapping));

      assertThat(check.matches()).isFalse();
      assertThat(check.difference().character()).isEqualTo("<|im_start|>".length());
      assertThat(check.summary())
          .startsWith("does not match `" + engine.id() + "`: the texts differ at character 12")
          .contains("RouteBench: «<|im_start|>" + (other == TEXT_A ? "system" : "user"))
          .contains("server:     «<|im_start|>" + (other == TEXT_A ? "user" : "system"))
          .contains("The server's text is what `");
      assertThat(check.alsoLike())
          .containsExactlyElementsOf(
              other == TEXT_A
                  ? List.of("ollama", "llama-server-no-jinja")
                  : List.of("vllm", "llama-server"));
    }
  }

  @Test
  void the_same_text_tokenised_otherwise_is_a_difference_of_tokens() throws Exception {
    var wrapping = PromptWrapping.of(ServingEngine.LLAMA_SERVER_NO_JINJA);
    // This server's tokenizer merges "\n\n" into one token; RouteBench's does not.
    Function<String, List<Integer>> merging =
        text -> {
          var ids = new ArrayList<Integer>();
          for (int i = 0; i < text.length(); i++) {
            boolean pair = text.startsWith("\n\n", i);
            ids.add(pair ? 100_000 : (int) text.charAt(i));
            i += pair ? 1 : 0;
          }
          return ids;
        };
    try (var server =
        new RenderingServer(ServingEngine.LLAMA_SERVER_NO_JINJA, MODEL, TEXT_A, merging)) {
      RenderCheck check = check(server, wrapping, withTokens(wrapping));

      assertThat(check.matches()).isFalse();
      assertThat(check.difference().character()).isEqualTo(-1);
      assertThat(check.summary())
          .startsWith("does not match `llama-server-no-jinja`: the texts agree but the token ids")
          .contains("server:     [")
          .contains("▶100000");
    }
  }

  @Test
  void what_the_server_adds_itself_is_part_of_the_check() throws Exception {
    // An Ollama model with a SYSTEM layer: Ollama writes the system turn itself.
    String system = "You route requests.";
    try (var server =
        new RenderingServer(ServingEngine.OLLAMA, MODEL, m -> ChatMl.wrap(system, m))) {
      assertThat(check(server, PromptWrapping.DEFAULT, reference(PromptWrapping.DEFAULT)).matches())
          .isFalse();
      var declared = PromptWrapping.DEFAULT.withSystemMessage(system);
      assertThat(check(server, declared, reference(declared)).summary())
          .startsWith("matches `ollama with a system message`")
          .contains("as no GGUF is loaded");
      // Only the proxy's one user message is sent: the server adds the rest.
      assertThat(server.requests.get(0).path("messages")).hasSize(1);
      assertThat(server.requests.get(0).path("_debug_render_only").asBoolean()).isTrue();
    }
  }

  @Test
  void a_server_that_is_not_the_engine_named_or_lacks_the_model_says_so() throws Exception {
    try (var vllm = new RenderingServer(ServingEngine.VLLM, MODEL, TEXT_B)) {
      assertThatThrownBy(() -> client(vllm, MODEL).render(ServingEngine.OLLAMA, MESSAGE))
          .isInstanceOf(RoutingException.class)
          .hasMessageContaining("/api/chat answered HTTP 404 (is the server Ollama");
      assertThatThrownBy(() -> client(vllm, "other-model").render(ServingEngine.VLLM, MESSAGE))
          .isInstanceOf(RoutingException.class)
          .hasMessageContaining("answered HTTP 404")
          .hasMessageEndingWith("The model `other-model` does not exist.");
    }
  }

  private static Function<String, String> textOf(ServingEngine engine) {
    return switch (engine) {
      case OLLAMA, LLAMA_SERVER_NO_JINJA -> TEXT_A;
      case VLLM, LLAMA_SERVER -> TEXT_B;
    };
  }

  private static ExpectedRendering reference(PromptWrapping wrapping) {
    return ArchRouterReference.expected(wrapping, MESSAGE).orElseThrow();
  }

  /** RouteBench's text with its tokens, as with a model loaded (one token per code point). */
  private static ExpectedRendering withTokens(PromptWrapping wrapping) {
    String text = reference(wrapping).text();
    return new ExpectedRendering(text, RenderingServer.codePoints(text), "the test's model");
  }

  private static RenderCheck check(
      RenderingServer server, PromptWrapping wrapping, ExpectedRendering expected) {
    return RenderComparison.compare(
        wrapping, expected, client(server, MODEL).render(wrapping.servedBy(), MESSAGE), MESSAGE);
  }

  private static ServerRenderClient client(RenderingServer server, String model) {
    return new ServerRenderClient(new OpenAiEndpointSettings(server.baseUrl(), model, ""));
  }
}
