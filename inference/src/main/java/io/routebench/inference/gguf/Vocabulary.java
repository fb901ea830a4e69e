package io.routebench.inference.gguf;

import java.util.List;

/**
 * A GPT-2-style byte-level BPE vocabulary as GGUF stores it.
 *
 * @param tokens token texts by id (byte-level encoded, e.g. {@code Ġ} for a leading space)
 * @param tokenTypes llama.cpp token types: 1 normal, 3 control, 4 user-defined, 5 unused
 * @param merges BPE merges in rank order, {@code "left right"}
 */
public record Vocabulary(
    List<String> tokens,
    int[] tokenTypes,
    List<String> merges,
    int beginOfTextId,
    int endOfTurnId,
    int paddingId) {

  public static final int NORMAL = 1;
  public static final int CONTROL = 3;
  public static final int USER_DEFINED = 4;
  public static final int UNUSED = 5;

  public int size() {
    return tokens.size();
  }
}
