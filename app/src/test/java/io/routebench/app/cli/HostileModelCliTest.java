package io.routebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routebench.inference.gguf.HostileGgufs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GGUF files that abort, crash or exhaust llama.cpp, given to every command that loads a model:
 * each gets a message in words and exit 1, and the process running the commands (this test's) lives
 * on.
 */
class HostileModelCliTest {

  @TempDir Path dir;

  @Test
  void model_does_not_call_a_template_fine_that_would_exhaust_the_memory() {
    Path model = HostileGgufs.memoryHungryTemplate(dir);

    CliRun run = CliRun.of("model", model.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("chat template  present (not checked: the file failed its first load, see below)")
        .doesNotContain("as production does");
    assertThat(run.err())
        .startsWith(
            "routebench: memory-hungry.gguf: its chat template needed more than 1,024 MB of memory"
                + " to render; RouteBench stopped it.");
  }

  @Test
  void model_names_the_assertion_llama_cpp_ended_on() throws Exception {
    Path model = HostileGgufs.abortingOnLoad(dir);

    CliRun run = CliRun.of("model", "--json", model.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("first_load").asText()).isEqualTo("failed");
    assertThat(json.get("first_load_problem").asText())
        .startsWith(
            "llama.cpp crashed reading aborting.gguf (assertion n_embd_head == hparams.n_rot failed"
                + " in src/llama-model.cpp:");
    assertThat(json.get("chat_template_used").asBoolean()).isFalse();
  }

  @Test
  void model_says_a_qwen3_router_needs_a_server() throws Exception {
    Path model = dir.resolve("Plano-Orchestrator-4B-Q4_K_M.gguf");
    HostileGgufs.builder().architecture("qwen3").name("Plano-Orchestrator-4B").write(model);

    CliRun run = CliRun.of("model", model.toString());
    CliRun json = CliRun.of("model", "--json", model.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "architecture   qwen3 (Qwen3: not supported by this llama.cpp build; use a server)");
    assertThat(run.err())
        .contains("Plano-Orchestrator-4B-Q4_K_M.gguf is a Qwen3 model (architecture 'qwen3')")
        .contains("predates and cannot run")
        .contains("Plano-Orchestrator, is Qwen3-based")
        .contains("Connect…")
        .contains("--endpoint URL");
    assertThat(new ObjectMapper().readTree(json.out()).get("needs_server").asBoolean()).isTrue();
  }

  @Test
  void route_with_a_crashing_model_fails_in_words() {
    Path model = HostileGgufs.crashingTemplate(dir);

    CliRun run =
        CliRun.of(
            "route",
            "--config",
            SamplePaths.policy("coding-assistant").toString(),
            "--model",
            model.toString(),
            "hello");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .contains(
            "llama.cpp crashed rendering crashing.gguf's chat template (segmentation fault).");
  }

  @Test
  void test_with_an_aborting_model_fails_in_words_and_stores_no_run() throws Exception {
    Path workspace = SampleWorkspace.withSmokeSuite(dir, 2);

    CliRun run =
        CliRun.of(
            "test",
            "--workspace",
            workspace.toString(),
            "--suite",
            "smoke",
            "--model",
            HostileGgufs.abortingOnLoad(dir).toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("llama.cpp crashed reading aborting.gguf (assertion ");
  }
}
