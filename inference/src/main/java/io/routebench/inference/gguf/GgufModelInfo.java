package io.routebench.inference.gguf;

import java.util.Optional;

/**
 * What the model picker shows about a GGUF file, read without loading the model.
 *
 * @param name {@code general.name}, or the file name when absent
 * @param parameterCount the sum of all tensors' element counts
 * @param fileType {@code general.file_type} as llama.cpp names it (e.g. {@code Q4_K_M}), or the
 *     dominant tensor type when the key is absent
 * @param contextLength the context the model was trained for ({@code <arch>.context_length}), or 0
 * @param chatTemplate {@code tokenizer.chat_template}, when present
 * @param vocabularySize entries of {@code tokenizer.ggml.tokens}
 * @param basename {@code general.basename} (the model family, e.g. {@code Arch-Router}), or empty
 * @param license {@code general.license}, an SPDX id or {@code other}, when present
 * @param licenseName {@code general.license.name}, the name of a licence that has no SPDX id
 * @param licenseLink {@code general.license.link}, where the licence text is
 */
public record GgufModelInfo(
    String name,
    String architecture,
    long parameterCount,
    String fileType,
    long contextLength,
    long blockCount,
    long embeddingLength,
    Optional<String> chatTemplate,
    String tokenizerModel,
    String tokenizerPre,
    long vocabularySize,
    long fileSize,
    int ggufVersion,
    String basename,
    Optional<String> license,
    Optional<String> licenseName,
    Optional<String> licenseLink) {

  /** e.g. "1.5B", "494M". */
  public String parameterCountLabel() {
    if (parameterCount >= 1_000_000_000L) {
      return String.format(java.util.Locale.ROOT, "%.1fB", parameterCount / 1e9);
    }
    if (parameterCount >= 1_000_000L) {
      return String.format(java.util.Locale.ROOT, "%.0fM", parameterCount / 1e6);
    }
    return String.format(java.util.Locale.ROOT, "%.0fK", parameterCount / 1e3);
  }
}
