package io.routebench.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;

import io.routebench.inference.gguf.TinyGgufModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's code path on a tiny model: every figure is printed (the figures themselves are
 * only meaningful on the Qwen2.5-1.5B-shaped model `bench router` builds).
 */
class RouterBenchmarkTest {

  @TempDir Path models;

  @Test
  void every_figure_and_ratio_is_printed() {
    var out = new StringWriter();

    RouterBenchmark.run(
        TinyGgufModels.answering(models.resolve("tiny-router.gguf"), RouterBenchmark.ANSWER_PIECES),
        LlamaEngineSettings.defaults().withContextSize(8192),
        new PrintWriter(out, true));

    assertThat(out.toString())
        .contains(
            "(b) RouteBench first decision, exact (cold cache)",
            "(f) RouteBench exact follow-up, median of 7",
            "(g) physical limit for (f)",
            "(c) RouteBench preview follow-up, median of 7",
            "(d) physical limit for (c)",
            "(h) exact answer after the preview",
            "-> {\"route\": \"debugging\"}",
            "the server's free answer equals RouteBench's exact one",
            "(a') llama.cpp server at best (prompt cache on)",
            "(a) naive proxy request (no cache reuse)",
            "(e) two cold decisions at once on two slots")
        .containsPattern("Ratios: f/g = \\d+\\.\\d\\d   a'/f = \\d+\\.\\d\\d   a/f = \\d+\\.\\d\\d")
        .containsPattern("Ratios: a/c = \\d+\\.\\d\\d   a'/c = \\d+\\.\\d\\d   c/d = \\d+\\.\\d\\d")
        .containsPattern("round 3: one slot, in turn \\d+ ms; two slots, at once \\d+ ms");
  }
}
