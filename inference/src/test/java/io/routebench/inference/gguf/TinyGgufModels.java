package io.routebench.inference.gguf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Tiny deterministic GGUF models for tests (a few hundred kilobytes, random weights, byte-level
 * vocabulary, Qwen2.5's chat template). Written once per directory and reused.
 */
public final class TinyGgufModels {

  private TinyGgufModels() {}

  public static Path tinyQwen(Path dir) {
    return write(dir.resolve("tiny-qwen2.gguf"), builder());
  }

  public static Path tinyQwenWithoutTemplate(Path dir) {
    return write(
        dir.resolve("tiny-qwen2-no-template.gguf"), builder().chatTemplate(Optional.empty()));
  }

  public static Path unsupportedArchitecture(Path dir) {
    return write(dir.resolve("tiny-routebenchnet.gguf"), builder().architecture("routebenchnet"));
  }

  /**
   * A tiny model that answers every router prompt with Arch-Router's well-formed answer naming
   * {@code route}: {@code {"route": "<route>"}}, then end of turn.
   */
  public static Path answeringRoute(Path dir, String route) {
    return answering(
        dir.resolve("tiny-router-" + route.replaceAll("[^A-Za-z0-9]+", "-") + ".gguf"),
        List.of("{\"route\": \"", route, "\"}"));
  }

  /** A tiny model that answers every router prompt with {@code pieces}, one token each. */
  public static Path answering(Path file, List<String> pieces) {
    try {
      synchronized (TinyGgufModels.class) {
        if (!Files.exists(file)) {
          Files.createDirectories(file.getParent());
          new AnsweringGgufBuilder(QwenShape.TINY, ByteLevelVocabulary.create(), pieces)
              .seed(7)
              .write(file);
        }
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path notAGguf(Path dir) {
    Path file = dir.resolve("notes.gguf");
    try {
      Files.writeString(file, "this is not a model\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  public static Path truncated(Path dir) {
    Path full = tinyQwen(dir);
    Path file = dir.resolve("tiny-qwen2-truncated.gguf");
    try {
      byte[] bytes = Files.readAllBytes(full);
      Files.write(file, java.util.Arrays.copyOf(bytes, 200));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static QwenGgufBuilder builder() {
    return new QwenGgufBuilder(QwenShape.TINY, ByteLevelVocabulary.create()).seed(7);
  }

  private static synchronized Path write(Path file, QwenGgufBuilder builder) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        builder.write(file);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
