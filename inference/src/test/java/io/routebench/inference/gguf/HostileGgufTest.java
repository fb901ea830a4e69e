package io.routebench.inference.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crafted GGUF headers: each is refused with a sentence, as llama.cpp's loader would refuse it. */
class HostileGgufTest {

  @TempDir Path dir;

  @Test
  void deeply_nested_metadata_arrays_are_refused_without_overflowing_the_stack() throws Exception {
    var gguf = new RawGguf(0, 1);
    gguf.string("evil.nested");
    for (int i = 0; i < 200_000; i++) {
      gguf.u32(9).u32(9).u64(1); // ARRAY of ARRAY, one element
    }
    Path file = gguf.write(dir.resolve("nested.gguf"));

    assertThatThrownBy(() -> GgufMetadataReader.read(file))
        .isInstanceOf(GgufFormatException.class)
        .hasMessage(
            "nested.gguf is corrupt: its header declares an array of arrays ('evil.nested');"
                + " GGUF readers, llama.cpp's among them, support arrays of values only");
  }

  @Test
  void a_header_whose_tensor_data_is_missing_is_not_called_loadable() throws Exception {
    Path model = TinyGgufModels.tinyQwen(dir);
    long size = Files.size(model);
    try (var channel = FileChannel.open(model, StandardOpenOption.WRITE)) {
      channel.truncate(size - 4096);
    }

    assertThatThrownBy(() -> GgufMetadataReader.read(model))
        .isInstanceOf(GgufFormatException.class)
        .hasMessageContaining(" is incomplete: the data of tensor '")
        .hasMessageContaining("but the file has " + (size - 4096) + " bytes");
  }

  @Test
  void tensors_that_llama_cpp_would_not_find_where_declared_are_refused() throws Exception {
    var gguf = new RawGguf(1, 1);
    gguf.string("general.architecture").u32(8).string("qwen2");
    gguf.string("w").u32(1).u64(64).u32(0).u64(16); // F32[64] at offset 16: must be 0
    gguf.pad(32).zeros(512);
    Path file = gguf.write(dir.resolve("offset.gguf"));

    assertThatThrownBy(() -> GgufMetadataReader.read(file))
        .hasMessage(
            "offset.gguf is corrupt: its header declares the tensor 'w' at data offset 16 where"
                + " llama.cpp expects 0");
  }

  @Test
  void a_row_that_is_not_whole_quantisation_blocks_is_refused() throws Exception {
    var gguf = new RawGguf(1, 1);
    gguf.string("general.architecture").u32(8).string("qwen2");
    gguf.string("w").u32(2).u64(48).u64(2).u32(8).u64(0); // Q8_0 rows of 48: blocks are 32
    gguf.pad(32).zeros(512);
    Path file = gguf.write(dir.resolve("rows.gguf"));

    assertThatThrownBy(() -> GgufMetadataReader.read(file))
        .hasMessageContaining("rows of 48 elements, not a multiple of its block size 32");
  }

  @Test
  void a_complete_hand_written_header_is_accepted() throws Exception {
    var gguf = new RawGguf(2, 1);
    gguf.string("general.architecture").u32(8).string("qwen2");
    gguf.string("a").u32(1).u64(64).u32(0).u64(0); // 256 bytes
    gguf.string("b").u32(1).u64(8).u32(1).u64(256); // 16 bytes, padded to 32
    gguf.pad(32).zeros(256 + 16);
    Path file = gguf.write(dir.resolve("fine.gguf"));

    assertThat(GgufMetadataReader.read(file).parameterCount()).isEqualTo(72);
  }

  // Headers that ended the process inside llama.cpp (GGML_ASSERT, rc 134) in the hostile-input
  // census: refused before any native code, naming the key and the byte where its entry starts.

  @Test
  void an_empty_metadata_key_is_refused_with_its_place() throws Exception {
    Path file = tiny("empty-key.gguf", gguf -> gguf.putString("", "x"));

    assertThatThrownBy(() -> GgufMetadataReader.read(file))
        .isInstanceOf(GgufFormatException.class)
        .hasMessageMatching(
            "empty-key\\.gguf is corrupt: its header declares an empty metadata key \\(entry \\d+"
                + " of \\d+, at byte \\d+\\); llama\\.cpp aborts on it");
  }

  @Test
  void a_vocabulary_that_is_not_strings_is_refused() throws Exception {
    Path file =
        tiny(
            "tokens.gguf",
            gguf ->
                gguf.remove("tokenizer.ggml.tokens")
                    .putUInt32Array("tokenizer.ggml.tokens", new long[300]));

    assertThatThrownBy(() -> GgufMetadataReader.read(file))
        .hasMessageMatching(
            "tokens\\.gguf is corrupt: its header declares 'tokenizer\\.ggml\\.tokens' as an array"
                + " of UINT32 \\(at byte \\d+\\); llama\\.cpp reads it as an array of strings and"
                + " aborts on anything else");
  }

  @Test
  void merges_that_are_not_strings_are_refused() throws Exception {
    Path file =
        tiny(
            "merges.gguf",
            gguf ->
                gguf.remove("tokenizer.ggml.merges")
                    .putInt32Array("tokenizer.ggml.merges", new int[3]));

    assertThatThrownBy(() -> GgufMetadataReader.read(file))
        .hasMessageContaining("declares 'tokenizer.ggml.merges' as an array of INT32");
  }

  @Test
  void a_per_token_array_shorter_than_the_vocabulary_is_refused() throws Exception {
    Path file =
        tiny(
            "types.gguf",
            gguf ->
                gguf.remove("tokenizer.ggml.token_type")
                    .putInt32Array("tokenizer.ggml.token_type", new int[1]));

    assertThatThrownBy(() -> GgufMetadataReader.read(file))
        .hasMessageContaining(
            "declares 'tokenizer.ggml.token_type' with 1 entries for "
                + ByteLevelVocabulary.create().size()
                + " tokens (at byte ")
        .hasMessageEndingWith("llama.cpp reads one per token, past the end of a shorter array");
  }

  @Test
  void a_model_of_no_layers_or_too_many_is_refused() throws Exception {
    Path none =
        tiny(
            "no-layers.gguf",
            gguf -> gguf.remove("qwen2.block_count").putUInt32("qwen2.block_count", 0));
    Path many =
        tiny(
            "many-layers.gguf",
            gguf -> gguf.remove("qwen2.block_count").putUInt32("qwen2.block_count", 513));

    assertThatThrownBy(() -> GgufMetadataReader.read(none))
        .hasMessageMatching(
            "no-layers\\.gguf is corrupt: its header declares 'qwen2\\.block_count' = 0 \\(at byte"
                + " \\d+\\); a model has 1 to 512 layers, and llama\\.cpp aborts on none");
    assertThatThrownBy(() -> GgufMetadataReader.read(many))
        .hasMessageContaining("'qwen2.block_count' = 513 (at byte ");
  }

  @Test
  void experts_used_without_experts_are_refused() throws Exception {
    Path file = tiny("experts.gguf", gguf -> gguf.putUInt32("qwen2.expert_used_count", 4));

    assertThatThrownBy(() -> GgufMetadataReader.read(file))
        .hasMessageContaining(
            "declares 'qwen2.expert_used_count' = 4 with 'qwen2.expert_count' = 0 (at byte ");
  }

  @Test
  void a_key_declared_twice_is_refused() throws Exception {
    Path file = tiny("twice.gguf", gguf -> gguf.putString("general.name", "again"));

    assertThatThrownBy(() -> GgufMetadataReader.read(file))
        .hasMessageMatching(
            "twice\\.gguf is corrupt: its header declares the metadata key 'general\\.name' twice"
                + " \\(again at byte \\d+\\)");
  }

  private Path tiny(String name, java.util.function.Consumer<GgufWriter> edit) throws Exception {
    Path file = dir.resolve(name);
    HostileGgufs.builder().editMetadata(edit).write(file);
    return file;
  }

  /** Little-endian GGUF v3 bytes, written by hand so a test can say anything a file can. */
  private static final class RawGguf {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    RawGguf(long tensors, long metadata) {
      bytes.writeBytes("GGUF".getBytes(StandardCharsets.US_ASCII));
      u32(3).u64(tensors).u64(metadata);
    }

    RawGguf u32(long value) {
      bytes.writeBytes(
          ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array());
      return this;
    }

    RawGguf u64(long value) {
      bytes.writeBytes(
          ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
      return this;
    }

    RawGguf string(String text) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      u64(utf8.length);
      bytes.writeBytes(utf8);
      return this;
    }

    RawGguf pad(int alignment) {
      while (bytes.size() % alignment != 0) {
        bytes.write(0);
      }
      return this;
    }

    RawGguf zeros(int count) {
      bytes.writeBytes(new byte[count]);
      return this;
    }

    Path write(Path file) throws Exception {
      return Files.write(file, bytes.toByteArray());
    }
  }
}
