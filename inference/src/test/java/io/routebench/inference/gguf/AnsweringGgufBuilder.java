package io.routebench.inference.gguf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Builds qwen2 GGUF models that answer on purpose: under greedy decoding, a prompt ending in the
 * trigger token (by default the {@code \n} that ends Qwen's {@code <|im_start|>assistant\n}) is
 * continued with a chosen sequence of tokens and then the end-of-turn token. Tests and benchmarks
 * can then check exact decoding and the proxy's verdict against a known answer, through the real
 * llama.cpp code paths.
 *
 * <p>It is a bigram model: every block's attention output and FFN down projection are zero, so the
 * residual stream stays the current token's embedding, and the next token depends on the current
 * one only. The trigger and the answer's tokens get one embedding dimension each; the output matrix
 * maps that dimension to the token's successor. All other tokens have a zero embedding, hence equal
 * logits, and greedy decoding picks token 0 after them. The remaining weights stay random, so a
 * token costs the same compute as in any model of the shape.
 *
 * <p>Being context-free, the model cannot write a token twice (it would loop): every piece of the
 * answer must be a distinct token, distinct from the trigger too. Pieces are text; each becomes one
 * token, the vocabulary's own when it has one with exactly that text, else a token added for it.
 */
public final class AnsweringGgufBuilder {

  /** Large against the zero logits of everything else, small enough for every weight type. */
  private static final float EMBEDDING = 1f;

  private static final float LOGIT_WEIGHT = 1f;

  private final QwenShape shape;
  private final Vocabulary vocabulary;
  private final List<String> answer;
  private String trigger = "\n";
  private GgmlType weightType = GgmlType.F32;
  private String name = "routebench-answering-qwen2";
  private long seed = 42;

  /**
   * @param answerPieces the answer the model writes, one token per piece (e.g. {@code {"route": "},
   *     {@code debugging}, {@code "}}), before its end-of-turn token
   */
  public AnsweringGgufBuilder(QwenShape shape, Vocabulary vocabulary, List<String> answerPieces) {
    this.shape = shape;
    this.vocabulary = vocabulary;
    this.answer = List.copyOf(answerPieces);
  }

  /** The text of the token the prompt ends with; the answer follows it. */
  public AnsweringGgufBuilder trigger(String text) {
    this.trigger = text;
    return this;
  }

  public AnsweringGgufBuilder weightType(GgmlType type) {
    this.weightType = type;
    return this;
  }

  public AnsweringGgufBuilder name(String modelName) {
    this.name = modelName;
    return this;
  }

  public AnsweringGgufBuilder seed(long newSeed) {
    this.seed = newSeed;
    return this;
  }

  public void write(Path file) throws IOException {
    var tokens = new ArrayList<>(vocabulary.tokens());
    var types = new ArrayList<Integer>();
    for (int type : vocabulary.tokenTypes()) {
      types.add(type);
    }
    Map<String, Integer> idByText = new HashMap<>();
    for (int id = tokens.size() - 1; id >= 0; id--) {
      idByText.put(tokens.get(id), id);
    }
    List<Integer> chain = new ArrayList<>();
    chain.add(tokenFor(trigger, tokens, types, idByText, false));
    for (String piece : answer) {
      chain.add(tokenFor(piece, tokens, types, idByText, true));
    }
    requireDistinct(chain);
    if (chain.size() > shape.width()) {
      throw new IllegalArgumentException(
          "an answer of " + answer.size() + " tokens needs a model wider than " + shape.width());
    }
    var extended =
        new Vocabulary(
            List.copyOf(tokens),
            types.stream().mapToInt(Integer::intValue).toArray(),
            vocabulary.merges(),
            vocabulary.beginOfTextId(),
            vocabulary.endOfTurnId(),
            vocabulary.paddingId());

    // Row = token id, column = embedding dimension (GGUF's ne1 × ne0).
    Map<Integer, Map<Integer, Float>> embedding = new HashMap<>();
    Map<Integer, Map<Integer, Float>> output = new HashMap<>();
    for (int position = 0; position < chain.size(); position++) {
      int successor =
          position + 1 < chain.size() ? chain.get(position + 1) : vocabulary.endOfTurnId();
      embedding.put(chain.get(position), Map.of(position, EMBEDDING));
      output.computeIfAbsent(successor, id -> new HashMap<>()).put(position, LOGIT_WEIGHT);
    }

    var builder = new QwenGgufBuilder(shape, extended).weightType(weightType).name(name).seed(seed);
    builder.override("token_embd.weight", type -> sparse(type, shape.width(), embedding));
    builder.override("output.weight", type -> sparse(type, shape.width(), output));
    for (int block = 0; block < shape.blocks(); block++) {
      builder.override("blk." + block + ".attn_output.weight", type -> AnsweringGgufBuilder::zeros);
      builder.override("blk." + block + ".ffn_down.weight", type -> AnsweringGgufBuilder::zeros);
    }
    builder.write(file);
  }

  private static int tokenFor(
      String text,
      List<String> tokens,
      List<Integer> types,
      Map<String, Integer> idByText,
      boolean mayAdd) {
    String encoded = byteLevel(text);
    Integer id = idByText.get(encoded);
    if (id != null) {
      return id;
    }
    if (!mayAdd) {
      throw new IllegalArgumentException(
          "the vocabulary has no token \"" + text + "\" for the prompt to end with");
    }
    tokens.add(encoded);
    types.add(Vocabulary.NORMAL);
    idByText.put(encoded, tokens.size() - 1);
    return tokens.size() - 1;
  }

  /** GPT-2's byte-level spelling of a text, as the vocabulary stores tokens. */
  static String byteLevel(String text) {
    var encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      encoded.append(ByteLevelVocabulary.byteToken(b & 0xff));
    }
    return encoded.toString();
  }

  private void requireDistinct(List<Integer> chain) {
    var seen = new LinkedHashSet<Integer>();
    for (int i = 0; i < chain.size(); i++) {
      if (!seen.add(chain.get(i))) {
        String what = i == 0 ? "the trigger" : "piece \"" + answer.get(i - 1) + "\"";
        throw new IllegalArgumentException(
            "a bigram model cannot write the same token twice: "
                + what
                + " repeats an earlier token of the answer "
                + answer);
      }
    }
  }

  private static void zeros(OutputStream out, long byteSize) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    for (long left = byteSize; left > 0; left -= buffer.length) {
      out.write(buffer, 0, (int) Math.min(buffer.length, left));
    }
  }

  /**
   * A matrix of {@code width} columns that is zero except for a few entries, in any weight type.
   * All-zero bytes are zero in every type (a quantised block with scale 0); a block holding an
   * entry is quantised on its own.
   */
  private static GgufWriter.TensorData sparse(
      GgmlType type, int width, Map<Integer, Map<Integer, Float>> entries) {
    return (out, byteSize) -> {
      long rowBytes = type.byteSize(width);
      long rows = byteSize / rowBytes;
      byte[] zeroRow = new byte[(int) rowBytes];
      for (long row = 0; row < rows; row++) {
        Map<Integer, Float> values = entries.get((int) row);
        if (values == null) {
          out.write(zeroRow);
        } else {
          float[] dense = new float[width];
          values.forEach((column, value) -> dense[column] = value);
          out.write(encodeRow(type, dense));
        }
      }
    };
  }

  private static byte[] encodeRow(GgmlType type, float[] row) {
    var bytes = new byte[(int) type.byteSize(row.length)];
    switch (type) {
      case F32 -> {
        for (int i = 0; i < row.length; i++) {
          int bits = Float.floatToIntBits(row[i]);
          for (int b = 0; b < 4; b++) {
            bytes[i * 4 + b] = (byte) (bits >>> (8 * b));
          }
        }
      }
      case F16 -> {
        for (int i = 0; i < row.length; i++) {
          short half = Half.fromFloat(row[i]);
          bytes[i * 2] = (byte) half;
          bytes[i * 2 + 1] = (byte) (half >> 8);
        }
      }
      case Q4_0 -> {
        for (int block = 0; block < row.length / 32; block++) {
          int at = block * 18;
          float max = maxAbs(row, block * 32);
          float scale = max / 7f;
          putHalf(bytes, at, scale);
          // Q4_0 packs element j in the low nibble and element j + 16 in the high nibble.
          for (int j = 0; j < 16; j++) {
            int low = quantise(row[block * 32 + j], scale, 8, 0, 15);
            int high = quantise(row[block * 32 + j + 16], scale, 8, 0, 15);
            bytes[at + 2 + j] = (byte) (low | (high << 4));
          }
        }
      }
      case Q8_0 -> {
        for (int block = 0; block < row.length / 32; block++) {
          int at = block * 34;
          float scale = maxAbs(row, block * 32) / 127f;
          putHalf(bytes, at, scale);
          for (int j = 0; j < 32; j++) {
            bytes[at + 2 + j] = (byte) quantise(row[block * 32 + j], scale, 0, -127, 127);
          }
        }
      }
    }
    return bytes;
  }

  private static float maxAbs(float[] row, int from) {
    float max = 0;
    for (int i = from; i < from + 32; i++) {
      max = Math.max(max, Math.abs(row[i]));
    }
    return max;
  }

  /** The stored integer for {@code value}: {@code round(value / scale) + offset}, clamped. */
  private static int quantise(float value, float scale, int offset, int min, int max) {
    int q = scale == 0 ? offset : Math.round(value / scale) + offset;
    return Math.max(min, Math.min(max, q));
  }

  private static void putHalf(byte[] bytes, int at, float value) {
    short half = Half.fromFloat(value);
    bytes[at] = (byte) half;
    bytes[at + 1] = (byte) (half >> 8);
  }
}
