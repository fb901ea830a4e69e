package io.routebench.inference.gguf;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a GGUF file's header, metadata and tensor table, never its tensor data, so the model picker
 * can describe a multi-gigabyte model in milliseconds.
 *
 * <p>It refuses what llama.cpp's loader refuses, so a file it accepts is one llama.cpp can load:
 * arrays of arrays (llama.cpp has no such type; reading them recursively also overflowed the stack
 * on a crafted file), more than {@value #MAX_DIMS} dimensions, unknown tensor types, rows that are
 * not whole blocks, repeated tensor names, and tensor data that is not laid out one tensor after
 * the other at the file's alignment or that extends past the end of the file.
 */
public final class GgufMetadataReader {

  private static final long MAX_STRING_BYTES = 64L << 20;
  private static final long MAX_COUNT = 1L << 32;
  private static final int MAX_DIMS = 4;
  private static final int DEFAULT_ALIGNMENT = 32;
  private static final Set<String> WANTED_STRINGS =
      Set.of(
          "general.architecture",
          "general.name",
          "general.basename",
          "general.license",
          "general.license.name",
          "general.license.link",
          "tokenizer.chat_template",
          "tokenizer.ggml.model",
          "tokenizer.ggml.pre");

  private final Path file;
  private final DataInputStream in;
  private final Map<String, Object> values = new HashMap<>();
  private final Map<String, MetadataEntry> entries = new HashMap<>();
  private long position;

  private GgufMetadataReader(Path file, InputStream stream) {
    this.file = file;
    this.in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
  }

  public static GgufModelInfo read(Path file) {
    long size;
    InputStream stream;
    try {
      size = Files.size(file);
      stream = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new GgufFormatException("Model file not found: " + file);
    } catch (IOException e) {
      throw new GgufFormatException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    try (stream) {
      return new GgufMetadataReader(file, stream).parse(size);
    } catch (EOFException e) {
      throw new GgufFormatException(
          file.getFileName() + " is truncated: it ends inside its header");
    } catch (IOException e) {
      throw new GgufFormatException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private GgufModelInfo parse(long fileSize) throws IOException {
    byte[] magic = new byte[4];
    int read = in.readNBytes(magic, 0, 4);
    position += read;
    if (read < 4 || magic[0] != 'G' || magic[1] != 'G' || magic[2] != 'U' || magic[3] != 'F') {
      throw new GgufFormatException(
          file.getFileName()
              + " is not a GGUF model (it starts with "
              + describeBytes(magic, read)
              + " instead of \"GGUF\")");
    }
    int version = (int) u32();
    if (version < 2 || version > 3) {
      throw new GgufFormatException(
          file.getFileName() + " is GGUF version " + version + "; versions 2 and 3 are supported");
    }
    long tensorCount = count(u64(), "tensor count");
    long metadataCount = count(u64(), "metadata count");
    for (long i = 0; i < metadataCount; i++) {
      long keyAt = position;
      String key = string();
      if (key.isEmpty()) {
        throw corrupt(
            "an empty metadata key (entry "
                + (i + 1)
                + " of "
                + metadataCount
                + ", at byte "
                + keyAt
                + "); llama.cpp aborts on it");
      }
      if (entries.containsKey(key)) {
        throw corrupt("the metadata key '" + key + "' twice (again at byte " + keyAt + ")");
      }
      readValue(key, GgufValueType.of(u32()), keyAt);
    }
    LlamaCppHeaderScreen.check(file.getFileName().toString(), entries, values);
    long alignment = alignment();
    long parameters = 0;
    var typeCounts = new HashMap<Integer, Long>();
    var names = new HashSet<String>();
    long expectedOffset = 0;
    for (long i = 0; i < tensorCount; i++) {
      String name = string();
      if (!names.add(name)) {
        throw corrupt("the tensor '" + name + "' twice");
      }
      long dims = u32();
      if (dims > MAX_DIMS) {
        throw corrupt("the tensor '" + name + "' with " + dims + " dimensions (at most 4)");
      }
      long elements = 1;
      long rowLength = 1;
      for (int d = 0; d < dims; d++) {
        long dim = count(u64(), "tensor dimension");
        if (d == 0) {
          rowLength = dim;
        }
        try {
          elements = Math.multiplyExact(elements, dim);
        } catch (ArithmeticException e) {
          throw corrupt("the tensor '" + name + "' with more than 2^63 elements");
        }
      }
      int type = (int) u32();
      long offset = u64();
      long bytes = tensorBytes(name, type, rowLength, elements);
      if (offset != expectedOffset) {
        throw corrupt(
            "the tensor '"
                + name
                + "' at data offset "
                + Long.toUnsignedString(offset)
                + " where llama.cpp expects "
                + expectedOffset);
      }
      expectedOffset = align(offset + bytes, alignment);
      parameters += elements;
      typeCounts.merge(type, elements, Long::sum);
      tensorEnds.put(name, offset + bytes);
    }
    long dataStart = align(position, alignment);
    for (Map.Entry<String, Long> end : tensorEnds.entrySet()) {
      if (dataStart + end.getValue() > fileSize) {
        throw new GgufFormatException(
            file.getFileName()
                + " is incomplete: the data of tensor '"
                + end.getKey()
                + "' ends at byte "
                + (dataStart + end.getValue())
                + " but the file has "
                + fileSize
                + " bytes; llama.cpp cannot load it (was the download cut short?)");
      }
    }
    String architecture = text("general.architecture").orElse("");
    if (architecture.isEmpty()) {
      throw new GgufFormatException(file.getFileName() + " has no general.architecture");
    }
    return new GgufModelInfo(
        text("general.name").orElse(file.getFileName().toString()),
        architecture,
        parameters,
        fileType(typeCounts),
        number(architecture + ".context_length"),
        number(architecture + ".block_count"),
        number(architecture + ".embedding_length"),
        text("tokenizer.chat_template").filter(t -> !t.isBlank()),
        text("tokenizer.ggml.model").orElse(""),
        text("tokenizer.ggml.pre").orElse(""),
        number("tokenizer.ggml.tokens#count"),
        fileSize,
        version,
        text("general.basename").orElse(""),
        text("general.license").filter(t -> !t.isBlank()),
        text("general.license.name").filter(t -> !t.isBlank()),
        text("general.license.link").filter(t -> !t.isBlank()));
  }

  private final Map<String, Long> tensorEnds = new java.util.LinkedHashMap<>();

  private long alignment() {
    Object declared = values.get("general.alignment");
    if (declared == null) {
      return DEFAULT_ALIGNMENT;
    }
    if (!(declared instanceof Long value) || value == 0 || (value & (value - 1)) != 0) {
      throw corrupt("general.alignment " + declared + " (it must be a power of two)");
    }
    return value;
  }

  private long tensorBytes(String name, int type, long rowLength, long elements) {
    if (!GgmlTypeSizes.isKnown(type)) {
      throw corrupt(
          "the tensor '" + name + "' of type " + type + ", which this llama.cpp cannot read");
    }
    if (rowLength % GgmlTypeSizes.blockSize(type) != 0) {
      throw corrupt(
          "the tensor '"
              + name
              + "' of type "
              + GgmlType.nameOf(type)
              + " with rows of "
              + rowLength
              + " elements, not a multiple of its block size "
              + GgmlTypeSizes.blockSize(type));
    }
    try {
      return GgmlTypeSizes.byteSize(type, elements);
    } catch (ArithmeticException e) {
      throw corrupt("the tensor '" + name + "' of more than 2^63 bytes");
    }
  }

  private static long align(long offset, long alignment) {
    return (offset + alignment - 1) / alignment * alignment;
  }

  private void readValue(String key, GgufValueType type, long keyAt) throws IOException {
    entries.put(key, new MetadataEntry(key, type, null, 0, keyAt));
    switch (type) {
      case UINT8, INT8, BOOL -> values.put(key, (long) u8());
      case UINT16, INT16 -> values.put(key, (long) u16());
      case UINT32, INT32, FLOAT32 -> values.put(key, u32());
      case UINT64, INT64, FLOAT64 -> values.put(key, u64());
      case STRING -> {
        if (WANTED_STRINGS.contains(key)) {
          values.put(key, string());
        } else {
          skip(stringLength());
        }
      }
      case ARRAY -> {
        GgufValueType elementType = GgufValueType.of(u32());
        if (elementType == GgufValueType.ARRAY) {
          throw corrupt(
              "an array of arrays ('"
                  + key
                  + "'); GGUF readers, llama.cpp's among them, support arrays of values only");
        }
        long length = count(u64(), key + " length");
        values.put(key + "#count", length);
        entries.put(key, new MetadataEntry(key, type, elementType, length, keyAt));
        for (long i = 0; i < length; i++) {
          skipValue(elementType);
        }
      }
    }
  }

  private void skipValue(GgufValueType type) throws IOException {
    switch (type) {
      case UINT8, INT8, BOOL -> skip(1);
      case UINT16, INT16 -> skip(2);
      case UINT32, INT32, FLOAT32 -> skip(4);
      case UINT64, INT64, FLOAT64 -> skip(8);
      case STRING -> skip(stringLength());
      case ARRAY -> throw new IllegalStateException("arrays of arrays are refused before this");
    }
  }

  private String fileType(Map<Integer, Long> typeCounts) {
    Object declared = values.get("general.file_type");
    if (declared instanceof Long id) {
      return LlamaFileTypes.nameOf(id.intValue());
    }
    return typeCounts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(e -> GgmlType.nameOf(e.getKey()))
        .orElse("unknown");
  }

  private Optional<String> text(String key) {
    return values.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  private long number(String key) {
    return values.get(key) instanceof Long n ? n : 0;
  }

  private int u8() throws IOException {
    int value = in.readUnsignedByte();
    position += 1;
    return value;
  }

  private int u16() throws IOException {
    int value = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
    position += 2;
    return value;
  }

  private long u32() throws IOException {
    long value = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
    position += 4;
    return value;
  }

  private long u64() throws IOException {
    long value = Long.reverseBytes(in.readLong());
    position += 8;
    return value;
  }

  private long stringLength() throws IOException {
    long length = u64();
    if (length < 0 || length > MAX_STRING_BYTES) {
      throw corrupt("a string of " + Long.toUnsignedString(length) + " bytes");
    }
    return length;
  }

  private String string() throws IOException {
    int length = (int) stringLength();
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new EOFException();
    }
    position += length;
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private void skip(long bytes) throws IOException {
    long remaining = bytes;
    while (remaining > 0) {
      long skipped = in.skip(remaining);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException();
        }
        skipped = 1;
      }
      remaining -= skipped;
    }
    position += bytes;
  }

  private long count(long value, String what) {
    if (value < 0 || value > MAX_COUNT) {
      throw corrupt("an impossible " + what + " (" + Long.toUnsignedString(value) + ")");
    }
    return value;
  }

  private GgufFormatException corrupt(String what) {
    return new GgufFormatException(file.getFileName() + " is corrupt: its header declares " + what);
  }

  private static String describeBytes(byte[] bytes, int length) {
    if (length <= 0) {
      return "nothing (the file is empty)";
    }
    var hex = new StringBuilder();
    for (int i = 0; i < length; i++) {
      hex.append(String.format("%02x ", bytes[i]));
    }
    return hex.toString().strip();
  }

  private static final class LlamaFileTypes {
    private static final Map<Integer, String> NAMES = new HashMap<>();

    static {
      String[] names = {
        "F32",
        "F16",
        "Q4_0",
        "Q4_1",
        "Q4_1_SOME_F16",
        "Q4_2",
        "Q4_3",
        "Q8_0",
        "Q5_0",
        "Q5_1",
        "Q2_K",
        "Q3_K_S",
        "Q3_K_M",
        "Q3_K_L",
        "Q4_K_S",
        "Q4_K_M",
        "Q5_K_S",
        "Q5_K_M",
        "Q6_K",
        "IQ2_XXS",
        "IQ2_XS",
        "Q2_K_S",
        "IQ3_XS",
        "IQ3_XXS",
        "IQ1_S",
        "IQ4_NL",
        "IQ3_S",
        "IQ3_M",
        "IQ2_S",
        "IQ2_M",
        "IQ4_XS",
        "IQ1_M",
        "BF16",
        "Q4_0_4_4",
        "Q4_0_4_8",
        "Q4_0_8_8",
        "TQ1_0",
        "TQ2_0"
      };
      for (int i = 0; i < names.length; i++) {
        NAMES.put(i, names[i]);
      }
    }

    static String nameOf(int id) {
      return NAMES.getOrDefault(id, "file type " + id);
    }
  }
}
