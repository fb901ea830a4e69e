package io.routebench.inference.gguf;

import java.util.Map;
import java.util.Set;

/**
 * Refuses metadata that llama.cpp (b4916) does not check before it relies on it, and that ends the
 * process instead of failing the load: an assertion (rc 134) or a read past the end of an array.
 * Each case was reproduced against the binding; a refusal names the key and the byte where its
 * entry starts.
 *
 * <p>This screen covers the header's generic structure (keys, value types, array lengths, layer and
 * expert counts). What depends on one architecture's graph, e.g. a rope dimension that does not
 * match the head size (an assertion while llama.cpp builds qwen2's graph), is left to the first
 * load in a separate process ({@code FirstLoadCheck}), which catches whatever a static check
 * cannot.
 */
final class LlamaCppHeaderScreen {

  /** llama.cpp's LLAMA_MAX_LAYERS. */
  static final long MAX_LAYERS = 512;

  /** llama.cpp's LLAMA_MAX_EXPERTS. */
  static final long MAX_EXPERTS = 256;

  /** Read with {@code gguf_get_arr_str}, which asserts that the array holds strings. */
  private static final Set<String> STRING_ARRAYS =
      Set.of("tokenizer.ggml.tokens", "tokenizer.ggml.merges");

  private static final String TOKENS = "tokenizer.ggml.tokens";

  private LlamaCppHeaderScreen() {}

  /**
   * @param values the header's integers by key (unsigned), as the reader keeps them
   * @throws GgufFormatException naming the file, the key and the byte
   */
  static void check(
      String fileName, Map<String, MetadataEntry> entries, Map<String, Object> values) {
    for (String key : STRING_ARRAYS) {
      MetadataEntry entry = entries.get(key);
      if (entry != null && !entry.isArrayOf(GgufValueType.STRING)) {
        throw refused(
            fileName,
            entry,
            "as " + entry.describeType(),
            "llama.cpp reads it as an array of strings and aborts on anything else");
      }
    }
    MetadataEntry tokens = entries.get(TOKENS);
    long tokenCount = tokens == null ? -1 : tokens.length();
    perTokenArray(fileName, entries.get("tokenizer.ggml.scores"), tokenCount, true);
    perTokenArray(fileName, entries.get("tokenizer.ggml.token_type"), tokenCount, false);
    if (values.get("general.architecture") instanceof String architecture) {
      layers(fileName, entries, values, architecture);
      experts(fileName, entries, values, architecture);
    }
  }

  /**
   * llama.cpp reads {@code scores} as floats and {@code token_type} as 32-bit integers, one per
   * token, without checking either: a shorter array is read past its end.
   */
  private static void perTokenArray(
      String fileName, MetadataEntry entry, long tokenCount, boolean floats) {
    if (entry == null) {
      return;
    }
    boolean rightType =
        floats
            ? entry.isArrayOf(GgufValueType.FLOAT32)
            : entry.isArrayOf(GgufValueType.INT32) || entry.isArrayOf(GgufValueType.UINT32);
    if (!rightType) {
      throw refused(
          fileName,
          entry,
          "as " + entry.describeType(),
          "llama.cpp reads it as "
              + (floats ? "an array of FLOAT32" : "an array of INT32")
              + " without checking");
    }
    if (tokenCount >= 0 && entry.length() != tokenCount) {
      throw refused(
          fileName,
          entry,
          "with " + entry.length() + " entries for " + tokenCount + " tokens",
          "llama.cpp reads one per token, past the end of a shorter array");
    }
  }

  private static void layers(
      String fileName,
      Map<String, MetadataEntry> entries,
      Map<String, Object> values,
      String architecture) {
    String key = architecture + ".block_count";
    MetadataEntry entry = entries.get(key);
    if (entry == null) {
      return; // llama.cpp refuses a model without it, with a message
    }
    if (!(values.get(key) instanceof Long blocks)) {
      throw refused(fileName, entry, "as " + entry.describeType(), "it must be a count");
    }
    if (blocks == 0 || Long.compareUnsigned(blocks, MAX_LAYERS) > 0) {
      throw refused(
          fileName,
          entry,
          "= " + Long.toUnsignedString(blocks),
          "a model has 1 to "
              + MAX_LAYERS
              + " layers, and llama.cpp aborts on "
              + (blocks == 0 ? "none" : "more"));
    }
  }

  /** llama.cpp asserts 0 < used <= count <= 256, or used = count = 0, before anything else. */
  private static void experts(
      String fileName,
      Map<String, MetadataEntry> entries,
      Map<String, Object> values,
      String architecture) {
    String countKey = architecture + ".expert_count";
    String usedKey = architecture + ".expert_used_count";
    long count = values.get(countKey) instanceof Long n ? n : 0;
    long used = values.get(usedKey) instanceof Long n ? n : 0;
    if (Long.compareUnsigned(count, MAX_EXPERTS) > 0) {
      throw refused(
          fileName,
          entries.get(countKey),
          "= " + Long.toUnsignedString(count),
          "llama.cpp aborts on more than " + MAX_EXPERTS + " experts");
    }
    if (Long.compareUnsigned(used, count) > 0 || (count > 0 && used == 0)) {
      boolean usedDeclared = entries.containsKey(usedKey);
      throw refused(
          fileName,
          usedDeclared ? entries.get(usedKey) : entries.get(countKey),
          usedDeclared
              ? "= " + Long.toUnsignedString(used) + " with '" + countKey + "' = " + count
              : "= " + count + " without '" + usedKey + "'",
          "llama.cpp aborts unless 0 < experts used per token <= experts, or both are 0");
    }
  }

  /** e.g. "x.gguf is corrupt: its header declares 'k' = 0 (at byte 812); why". */
  private static GgufFormatException refused(
      String fileName, MetadataEntry entry, String declared, String why) {
    return new GgufFormatException(
        fileName
            + " is corrupt: its header declares '"
            + entry.key()
            + "' "
            + declared
            + " (at byte "
            + entry.offset()
            + "); "
            + why);
  }
}
