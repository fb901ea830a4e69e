package io.routebench.inference.gguf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tiny GGUF files that pass every static check and then do to llama.cpp what hostile published
 * files did: abort the process on an assertion, crash it, or make its chat template eat memory or
 * time. Each reproduces a case from the hostile-input census against llama.cpp b4916.
 */
public final class HostileGgufs {

  private HostileGgufs() {}

  /**
   * qwen2 with a rope dimension (32) that is not its head size (16): llama.cpp asserts {@code
   * n_embd_head == hparams.n_rot} while it builds the graph during the load, and the process ends
   * (rc 134). Only qwen2's graph knows that rule, so the header reader cannot.
   */
  public static Path abortingOnLoad(Path dir) {
    return write(
        dir.resolve("aborting.gguf"),
        builder().editMetadata(gguf -> gguf.putUInt32("qwen2.rope.dimension_count", 32)));
  }

  /**
   * A chat template that builds a list nested 100,000 deep while it renders (a bounded loop of a
   * bounded loop): llama.cpp's template engine recurses through it on the native stack and the
   * process ends with SIGSEGV. The template's text nests nothing; only running it does.
   */
  public static Path crashingTemplate(Path dir) {
    return write(
        dir.resolve("crashing.gguf"),
        builder()
            .chatTemplate(
                Optional.of(
                    "{% set ns = namespace(x=[]) %}{% for i in range(1000) %}"
                        + "{% for j in range(100) %}{% set ns.x = [ns.x] %}{% endfor %}"
                        + "{% endfor %}{{ ns.x|length }}"
                        + "{% for m in messages %}{{ m.content }}{% endfor %}")));
  }

  /**
   * A chat template that doubles a string 60 times in straight-line code (8 bytes × 2^60): under a
   * memory limit llama.cpp's template engine runs out and swallows the {@code bad_alloc}; without
   * one it grows the process until the system kills it.
   */
  public static Path memoryHungryTemplate(Path dir) {
    return write(
        dir.resolve("memory-hungry.gguf"),
        builder()
            .chatTemplate(
                Optional.of(
                    "{% set s = 'xxxxxxxx' %}"
                        + "{% set s = s ~ s %}".repeat(60)
                        + "{{ s|length }}{% for m in messages %}{{ m.content }}{% endfor %}")));
  }

  /** A chat template of three nested {@code range(1000)} loops: 10^9 steps, minutes of CPU. */
  public static Path slowTemplate(Path dir) {
    return write(
        dir.resolve("slow.gguf"),
        builder()
            .chatTemplate(
                Optional.of(
                    "{% for i in range(1000) %}{% for j in range(1000) %}"
                        + "{% for k in range(1000) %}{% endfor %}{% endfor %}{% endfor %}"
                        + "{% for m in messages %}{{ m.content }}{% endfor %}")));
  }

  /**
   * A header that claims 9 layers for a file that has the tensors of 2: llama.cpp refuses it
   * without crashing (a missing tensor), which is a refusal, not a crash.
   */
  public static Path missingLayers(Path dir) {
    return write(
        dir.resolve("missing-layers.gguf"),
        builder()
            .editMetadata(
                gguf -> gguf.remove("qwen2.block_count").putUInt32("qwen2.block_count", 9)));
  }

  public static QwenGgufBuilder builder() {
    return new QwenGgufBuilder(QwenShape.TINY, ByteLevelVocabulary.create()).seed(7);
  }

  private static Path write(Path file, QwenGgufBuilder builder) {
    try {
      builder.write(file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
