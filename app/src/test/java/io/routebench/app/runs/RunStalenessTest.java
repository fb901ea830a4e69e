package io.routebench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.core.routing.EngineIdentity;
import io.routebench.core.routing.PromptProfile;
import io.routebench.core.routing.PromptWrapping;
import io.routebench.core.routing.ServingEngine;
import io.routebench.core.run.RegressionRun;
import io.routebench.core.run.RunStatus;
import io.routebench.core.workspace.PolicyDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunStalenessTest {

  private final PolicyDocument ollama = PolicyDocument.empty("w");
  private final PolicyDocument llamaServer =
      ollama.withPromptWrapping(PromptWrapping.of(ServingEngine.LLAMA_SERVER));

  @Test
  void a_run_made_under_another_serving_engines_wrapping_is_stale() {
    RegressionRun underOllama = run(local().withWrapping(PromptWrapping.DEFAULT.recorded()));

    assertThat(RunStaleness.isStale(underOllama, ollama)).isFalse();
    assertThat(RunStaleness.isStale(underOllama, llamaServer)).isTrue();
    assertThat(
            RunStaleness.isStale(
                underOllama,
                ollama.withPromptWrapping(ollama.promptWrapping().withSystemMessage("S"))))
        .isTrue();
  }

  @Test
  void a_local_run_from_before_the_serving_engine_was_recorded_reads_as_llama_server() {
    RegressionRun old = run(local());

    assertThat(RunStaleness.isStale(old, llamaServer)).isFalse();
    assertThat(RunStaleness.isStale(old, ollama)).isTrue();
  }

  @Test
  void a_server_run_that_did_not_record_its_wrapping_is_not_judged_by_it() {
    RegressionRun old =
        run(new EngineIdentity("openai-endpoint", "m @ u", "", PromptProfile.ARCHGW_V1, Map.of()));

    assertThat(RunStaleness.isStale(old, ollama)).isFalse();
    assertThat(RunStaleness.isStale(old, llamaServer)).isFalse();
  }

  private static EngineIdentity local() {
    return new EngineIdentity(
        "llama.cpp", "arch.gguf", "abc", PromptProfile.ARCHGW_V1, Map.of("threads", "4"));
  }

  private RegressionRun run(EngineIdentity engine) {
    return new RegressionRun(
        "r", "s", "suite", engine, Instant.EPOCH, 1, RunStatus.COMPLETED, "", List.of(), ollama);
  }
}
