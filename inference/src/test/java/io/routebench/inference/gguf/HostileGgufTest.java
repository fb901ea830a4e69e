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
