package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.core.routing.ServingEngine;
import io.routebench.inference.gguf.TinyGgufModels;
import io.routebench.inference.remote.RenderingServer;
import io.routebench.inference.serving.ChatMl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --served-by}, {@code --chat-template}, {@code served_by} and {@code check-server}. */
class ServedByCliTest {

  private static final String QWEN_SYSTEM_TURN =
      "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful"
          + " assistant.<|im_end|>\n";
  private static final String ARCH_ROUTER = "hf.co/katanemo/Arch-Router-1.5B.gguf:Q4_K_M";

  @TempDir static Path models;
  @TempDir Path dir;

  private static Path model;

  @BeforeAll
  static void writeModel() {
    model = TinyGgufModels.answeringRoute(models, "code generation");
  }

  @Test
  void route_json_reports_served_by_beside_the_text_each_engine_makes() throws Exception {
    JsonNode ollama = routeJson();
    JsonNode vllm = routeJson("--served-by", "vllm");
    JsonNode noJinja = routeJson("--served-by", "llama-server-no-jinja", "--system-message", "Hi.");
    String prompt = ollama.get("prompt").asText();

    assertThat(ollama.get("served_by").asText()).isEqualTo("ollama");
    assertThat(ollama.get("templated_by").asText()).isEqualTo("routebench");
    assertThat(ollama.get("templated_prompt").asText()).isEqualTo(ChatMl.wrap("", prompt));
    assertThat(vllm.get("served_by").asText()).isEqualTo("vllm");
    assertThat(vllm.get("templated_prompt").asText())
        .isEqualTo(QWEN_SYSTEM_TURN + ChatMl.wrap("", prompt));
    assertThat(noJinja.get("served_by").asText()).isEqualTo("llama-server-no-jinja");
    assertThat(noJinja.get("system_message").asText()).isEqualTo("Hi.");
    assertThat(noJinja.get("templated_prompt").asText()).isEqualTo(ChatMl.wrap("Hi.", prompt));
  }

  @Test
  void a_custom_chat_template_file_is_what_the_model_reads() throws Exception {
    Path template = dir.resolve("plain.jinja");
    Files.writeString(
        template,
        "{% for m in messages %}<<{{ m.role }}>>{{ m.content }}{% endfor %}"
            + "{% if add_generation_prompt %}<<assistant>>{% endif %}");

    JsonNode json =
        routeJson("--served-by", "llama-server", "--chat-template", template.toString());

    assertThat(json.get("templated_prompt").asText())
        .isEqualTo("<<user>>" + json.get("prompt").asText() + "<<assistant>>");
    assertThat(json.get("custom_chat_template").asText()).startsWith("plain.jinja sha256:");
  }

  @Test
  void a_template_for_an_engine_without_jinja_or_an_unknown_engine_is_a_usage_error() {
    CliRun withoutJinja = route("--chat-template", dir.resolve("x.jinja").toString());
    CliRun unknown = route("--served-by", "tgi");

    assertThat(withoutJinja.exitCode()).isEqualTo(2);
    assertThat(withoutJinja.err())
        .contains("--chat-template needs a server that renders Jinja templates")
        .contains("ollama uses Go templates");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("unknown serving engine 'tgi'")
        .contains("llama-server-no-jinja");
  }

  @Test
  void the_workspace_documents_serving_engine_is_the_default() throws Exception {
    Path policies = dir.resolve("vllm.policy.yaml");
    Files.writeString(
        policies,
        Files.readString(SamplePaths.policy("coding-assistant"))
            .replaceFirst("(?m)^profile: (.*)$", "profile: $1\nserved_by:\n  engine: vllm"));

    JsonNode json = json(CliRun.of(routeArgs(policies, "--json")));

    assertThat(json.get("served_by").asText()).isEqualTo("vllm");
    assertThat(json.get("templated_prompt").asText()).startsWith(QWEN_SYSTEM_TURN);
  }

  @Test
  void check_server_says_matches_or_shows_the_first_difference() throws Exception {
    try (var ollama =
            new RenderingServer(ServingEngine.OLLAMA, ARCH_ROUTER, m -> ChatMl.wrap("", m));
        var vllm =
            new RenderingServer(
                ServingEngine.VLLM, ARCH_ROUTER, m -> ChatMl.wrap(ChatMl.QWEN_DEFAULT_SYSTEM, m))) {
      CliRun matches = CliRun.of("check-server", "--url", ollama.baseUrl());
      CliRun differs = CliRun.of("check-server", "--url", vllm.baseUrl(), "--served-by", "vllm");
      CliRun wrongChoice =
          CliRun.of(
              "check-server",
              "--url",
              vllm.baseUrl(),
              "--served-by",
              "vllm",
              "--json",
              "--system-message",
              "Route well.");

      assertThat(matches.exitCode()).as(matches.err()).isZero();
      assertThat(matches.out()).contains(" matches `ollama`: it renders the same");
      assertThat(differs.exitCode()).as(differs.err()).isZero();
      assertThat(wrongChoice.exitCode()).isEqualTo(1);
      JsonNode json = new ObjectMapper().readTree(wrongChoice.out());
      assertThat(json.get("matches").asBoolean()).isFalse();
      assertThat(json.at("/difference/character").asInt())
          .isEqualTo("<|im_start|>system\n".length());
      assertThat(json.get("summary").asText())
          .startsWith("does not match `vllm with a system message`");
      assertThat(json.get("server_text").asText()).startsWith(QWEN_SYSTEM_TURN);
    }
  }

  @Test
  void check_server_with_the_gguf_compares_the_models_own_text() {
    try (var ollama =
        new RenderingServer(ServingEngine.OLLAMA, ARCH_ROUTER, m -> ChatMl.wrap("", m))) {
      CliRun run =
          CliRun.of("check-server", "--url", ollama.baseUrl(), "--model", model.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out())
          .contains("matches `ollama`")
          .contains("the loaded " + model.getFileName() + ", wrapped as ollama wraps it");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonNode routeJson(String... extra) throws Exception {
    var args = new ArrayList<>(List.of(extra));
    args.add("--json");
    return json(route(args.toArray(String[]::new)));
  }

  /**
   * A decision was made and printed: 0, or 1 where the tiny model's random answer is one the proxy
   * cannot read (an HTTP 500 decision fails the check).
   */
  private static JsonNode json(CliRun run) throws Exception {
    JsonNode decision = new ObjectMapper().readTree(run.out());
    assertThat(run.exitCode())
        .as(run.err())
        .isEqualTo(decision.get("outcome").asText().equals("proxy_error") ? 1 : 0);
    return decision;
  }

  private static CliRun route(String... extra) {
    return CliRun.of(routeArgs(SamplePaths.policy("coding-assistant"), extra));
  }

  private static String[] routeArgs(Path policies, String... extra) {
    var args =
        new ArrayList<>(
            List.of(
                "route",
                "--config",
                policies.toString(),
                "--model",
                model.toString(),
                "--context",
                "4096"));
    args.addAll(List.of(extra));
    args.add("Write a Rust function that parses ISO dates");
    return args.toArray(String[]::new);
  }
}
