package io.routebench.inference.gguf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Builds qwen2-architecture GGUF models with deterministic random weights: the real llama.cpp code
 * paths (tokenizer, chat template, attention, grammar sampling) on a model no one had to download.
 * Random weights give arbitrary routes; everything else behaves as with real weights.
 */
public final class QwenGgufBuilder {

  /** The chat template of Qwen2.5 instruct models (and so of Arch-Router-1.5B). */
  public static final String QWEN2_5_CHAT_TEMPLATE = loadTemplate();

  private final QwenShape shape;
  private final Vocabulary vocabulary;
  private GgmlType weightType = GgmlType.F32;
  private Optional<String> chatTemplate = Optional.of(QWEN2_5_CHAT_TEMPLATE);
  private String architecture = "qwen2";
  private long seed = 42;
  private String name = "routebench-random-qwen2";
  private final Map<String, WeightsOverride> overrides = new HashMap<>();
  private final Map<String, String> extraStrings = new java.util.LinkedHashMap<>();
  private Consumer<GgufWriter> metadataEdit = gguf -> {};

  /** A tensor's bytes in place of random weights, given the type it is stored in. */
  interface WeightsOverride {
    GgufWriter.TensorData data(GgmlType type);
  }

  public QwenGgufBuilder(QwenShape shape, Vocabulary vocabulary) {
    this.shape = shape;
    this.vocabulary = vocabulary;
  }

  /** F32 for tiny test models; Q4_0 or Q8_0 for benchmark-sized ones. */
  public QwenGgufBuilder weightType(GgmlType type) {
    this.weightType = type;
    return this;
  }

  /** {@code Optional.empty()} writes a model without a chat template. */
  public QwenGgufBuilder chatTemplate(Optional<String> template) {
    this.chatTemplate = template;
    return this;
  }

  /** Writes another architecture name into the metadata (to test refusals); weights stay qwen2. */
  public QwenGgufBuilder architecture(String architectureName) {
    this.architecture = architectureName;
    return this;
  }

  public QwenGgufBuilder seed(long newSeed) {
    this.seed = newSeed;
    return this;
  }

  public QwenGgufBuilder name(String modelName) {
    this.name = modelName;
    return this;
  }

  /**
   * Adds a string key to the metadata, e.g. {@code general.license}, as published models carry
   * them.
   */
  public QwenGgufBuilder metadata(String key, String value) {
    extraStrings.put(key, value);
    return this;
  }

  /**
   * Changes the metadata after the builder has written its own (e.g. {@code gguf.remove(key)} then
   * a {@code put} of another type), to write the hostile headers a published file might carry.
   */
  public QwenGgufBuilder editMetadata(Consumer<GgufWriter> edit) {
    this.metadataEdit = this.metadataEdit.andThen(edit);
    return this;
  }

  /**
   * Stores {@code tensorName} (e.g. {@code output.weight}) with chosen weights, not random ones.
   */
  QwenGgufBuilder override(String tensorName, WeightsOverride weights) {
    overrides.put(tensorName, weights);
    return this;
  }

  public void write(Path file) throws IOException {
    var random = new SplittableRandom(seed);
    String arch = architecture;
    var gguf =
        new GgufWriter()
            .putString("general.architecture", arch)
            .putString("general.name", name)
            .putUInt32("general.file_type", fileTypeId())
            .putUInt32("general.alignment", GgufWriter.ALIGNMENT)
            .putUInt32(arch + ".context_length", shape.contextLength())
            .putUInt32(arch + ".embedding_length", shape.width())
            .putUInt32(arch + ".block_count", shape.blocks())
            .putUInt32(arch + ".feed_forward_length", shape.feedForward())
            .putUInt32(arch + ".attention.head_count", shape.heads())
            .putUInt32(arch + ".attention.head_count_kv", shape.kvHeads())
            .putFloat32(arch + ".rope.freq_base", shape.ropeBase())
            .putFloat32(arch + ".attention.layer_norm_rms_epsilon", shape.rmsEpsilon())
            .putString("tokenizer.ggml.model", "gpt2")
            .putString("tokenizer.ggml.pre", "qwen2")
            .putStringArray("tokenizer.ggml.tokens", vocabulary.tokens())
            .putInt32Array("tokenizer.ggml.token_type", vocabulary.tokenTypes())
            .putStringArray("tokenizer.ggml.merges", vocabulary.merges())
            .putUInt32("tokenizer.ggml.bos_token_id", vocabulary.beginOfTextId())
            .putUInt32("tokenizer.ggml.eos_token_id", vocabulary.endOfTurnId())
            .putUInt32("tokenizer.ggml.padding_token_id", vocabulary.paddingId())
            .putBool("tokenizer.ggml.add_bos_token", false);
    chatTemplate.ifPresent(template -> gguf.putString("tokenizer.chat_template", template));
    extraStrings.forEach(gguf::putString);
    metadataEdit.accept(gguf);

    int width = shape.width();
    int vocab = vocabulary.size();
    add(gguf, "token_embd.weight", weightType, dims(width, vocab), weights(random.split(), 0.02f));
    for (int block = 0; block < shape.blocks(); block++) {
      String prefix = "blk." + block + ".";
      add(gguf, prefix + "attn_norm.weight", GgmlType.F32, dims(width), ones());
      add(
          gguf,
          prefix + "attn_q.weight",
          weightType,
          dims(width, width),
          weights(random.split(), 0.02f));
      add(
          gguf,
          prefix + "attn_q.bias",
          GgmlType.F32,
          dims(width),
          weights(random.split(), 0.02f, GgmlType.F32));
      add(
          gguf,
          prefix + "attn_k.weight",
          weightType,
          dims(width, shape.kvWidth()),
          weights(random.split(), 0.02f));
      add(
          gguf,
          prefix + "attn_k.bias",
          GgmlType.F32,
          dims(shape.kvWidth()),
          weights(random.split(), 0.02f, GgmlType.F32));
      add(
          gguf,
          prefix + "attn_v.weight",
          weightType,
          dims(width, shape.kvWidth()),
          weights(random.split(), 0.02f));
      add(
          gguf,
          prefix + "attn_v.bias",
          GgmlType.F32,
          dims(shape.kvWidth()),
          weights(random.split(), 0.02f, GgmlType.F32));
      add(
          gguf,
          prefix + "attn_output.weight",
          weightType,
          dims(width, width),
          weights(random.split(), 0.02f));
      add(gguf, prefix + "ffn_norm.weight", GgmlType.F32, dims(width), ones());
      add(
          gguf,
          prefix + "ffn_gate.weight",
          weightType,
          dims(width, shape.feedForward()),
          weights(random.split(), 0.02f));
      add(
          gguf,
          prefix + "ffn_up.weight",
          weightType,
          dims(width, shape.feedForward()),
          weights(random.split(), 0.02f));
      add(
          gguf,
          prefix + "ffn_down.weight",
          weightType,
          dims(shape.feedForward(), width),
          weights(random.split(), 0.02f));
    }
    add(gguf, "output_norm.weight", GgmlType.F32, dims(width), ones());
    add(gguf, "output.weight", weightType, dims(width, vocab), weights(random.split(), 0.02f));
    gguf.write(file);
  }

  private void add(
      GgufWriter gguf, String tensor, GgmlType type, long[] dims, GgufWriter.TensorData random) {
    WeightsOverride override = overrides.get(tensor);
    gguf.addTensor(tensor, type, dims, override == null ? random : override.data(type));
  }

  private int fileTypeId() {
    return switch (weightType) {
      case F32 -> 0;
      case F16 -> 1;
      case Q4_0 -> 2;
      case Q8_0 -> 7;
    };
  }

  private GgufWriter.TensorData weights(SplittableRandom random, float scale) {
    return weights(random, scale, weightType);
  }

  /** Random weights of about {@code scale} standard deviation, encoded as {@code type}. */
  private static GgufWriter.TensorData weights(
      SplittableRandom random, float scale, GgmlType type) {
    return (out, byteSize) -> {
      switch (type) {
        case F32 -> writeFloats(out, byteSize / 4, () -> (float) (random.nextGaussian() * scale));
        case F16 ->
            writeBlocks(
                out,
                byteSize,
                2,
                block -> putHalf(block, 0, (float) (random.nextGaussian() * scale)));
        case Q4_0 -> {
          // Uniform nibbles 0..15 centred on 8 have a standard deviation of about 4.6.
          short d = Half.fromFloat(scale / 4.6f);
          writeBlocks(
              out,
              byteSize,
              18,
              block -> {
                block[0] = (byte) d;
                block[1] = (byte) (d >> 8);
                for (int i = 2; i < 18; i++) {
                  block[i] = (byte) random.nextInt(256);
                }
              });
        }
        case Q8_0 -> {
          short d = Half.fromFloat(scale / 73f);
          writeBlocks(
              out,
              byteSize,
              34,
              block -> {
                block[0] = (byte) d;
                block[1] = (byte) (d >> 8);
                for (int i = 2; i < 34; i++) {
                  block[i] = (byte) random.nextInt(256);
                }
              });
        }
      }
    };
  }

  private static GgufWriter.TensorData ones() {
    return (out, byteSize) -> writeFloats(out, byteSize / 4, () -> 1.0f);
  }

  private interface FloatSource {
    float next();
  }

  private interface BlockFiller {
    void fill(byte[] block);
  }

  private static void writeFloats(OutputStream out, long count, FloatSource source)
      throws IOException {
    byte[] buffer = new byte[4096];
    int used = 0;
    for (long i = 0; i < count; i++) {
      int bits = Float.floatToIntBits(source.next());
      buffer[used++] = (byte) bits;
      buffer[used++] = (byte) (bits >>> 8);
      buffer[used++] = (byte) (bits >>> 16);
      buffer[used++] = (byte) (bits >>> 24);
      if (used == buffer.length) {
        out.write(buffer, 0, used);
        used = 0;
      }
    }
    out.write(buffer, 0, used);
  }

  private static void writeBlocks(
      OutputStream out, long byteSize, int blockBytes, BlockFiller filler) throws IOException {
    int blocksPerBuffer = 4096;
    byte[] buffer = new byte[blockBytes * blocksPerBuffer];
    byte[] block = new byte[blockBytes];
    long blocks = byteSize / blockBytes;
    int used = 0;
    for (long i = 0; i < blocks; i++) {
      filler.fill(block);
      System.arraycopy(block, 0, buffer, used, blockBytes);
      used += blockBytes;
      if (used == buffer.length) {
        out.write(buffer, 0, used);
        used = 0;
      }
    }
    out.write(buffer, 0, used);
  }

  private static void putHalf(byte[] block, int at, float value) {
    short half = Half.fromFloat(value);
    block[at] = (byte) half;
    block[at + 1] = (byte) (half >> 8);
  }

  private static long[] dims(long... dims) {
    return dims;
  }

  private static String loadTemplate() {
    try (InputStream in =
        QwenGgufBuilder.class.getResourceAsStream("qwen2.5-chat-template.jinja")) {
      if (in == null) {
        throw new IllegalStateException("missing qwen2.5-chat-template.jinja resource");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
