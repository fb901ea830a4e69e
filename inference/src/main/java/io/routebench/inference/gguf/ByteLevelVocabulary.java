package io.routebench.inference.gguf;

import java.util.ArrayList;
import java.util.List;

/**
 * The smallest vocabulary that can spell any text: the 256 byte tokens of GPT-2's byte-level BPE, a
 * few merges, and the ChatML special tokens Qwen's template needs. Tests use it so a model file
 * stays a few hundred kilobytes.
 */
public final class ByteLevelVocabulary {

  private static final List<String> MERGES = List.of("Ġ t", "e r", "o u", "Ġ a", "r o");

  private ByteLevelVocabulary() {}

  public static Vocabulary create() {
    var tokens = new ArrayList<String>();
    var types = new ArrayList<Integer>();
    for (int b = 0; b < 256; b++) {
      tokens.add(byteToken(b));
      types.add(Vocabulary.NORMAL);
    }
    for (String merge : MERGES) {
      tokens.add(merge.replace(" ", ""));
      types.add(Vocabulary.NORMAL);
    }
    int endOfText = tokens.size();
    tokens.add("<|endoftext|>");
    tokens.add("<|im_start|>");
    tokens.add("<|im_end|>");
    types.add(Vocabulary.CONTROL);
    types.add(Vocabulary.CONTROL);
    types.add(Vocabulary.CONTROL);
    return new Vocabulary(
        List.copyOf(tokens),
        types.stream().mapToInt(Integer::intValue).toArray(),
        MERGES,
        endOfText,
        endOfText + 2,
        endOfText);
  }

  /** GPT-2's bytes_to_unicode: printable bytes map to themselves, the rest to U+0100 onwards. */
  static String byteToken(int b) {
    if ((b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF)) {
      return Character.toString(b);
    }
    int shifted = 256;
    for (int other = 0; other < b; other++) {
      if (!((other >= '!' && other <= '~')
          || (other >= 0xA1 && other <= 0xAC)
          || (other >= 0xAE && other <= 0xFF))) {
        shifted++;
      }
    }
    return Character.toString(shifted);
  }
}
