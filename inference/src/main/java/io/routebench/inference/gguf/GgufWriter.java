package io.routebench.inference.gguf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes GGUF v3 files: metadata, tensor infos, then tensor data streamed tensor by tensor, so a
 * model of a gigabyte never has to sit in memory.
 */
public final class GgufWriter {

  static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
  static final int VERSION = 3;
  static final int ALIGNMENT = 32;

  private final List<Metadata> metadata = new ArrayList<>();
  private final List<Tensor> tensors = new ArrayList<>();

  /** Produces a tensor's bytes; must write exactly {@code byteSize} bytes. */
  @FunctionalInterface
  public interface TensorData {
    void writeTo(OutputStream out, long byteSize) throws IOException;
  }

  public GgufWriter putString(String key, String value) {
    metadata.add(
        new Metadata(
            key,
            out -> {
              out.u32(GgufValueType.STRING.id());
              out.string(value);
            }));
    return this;
  }

  public GgufWriter putUInt32(String key, long value) {
    metadata.add(
        new Metadata(
            key,
            out -> {
              out.u32(GgufValueType.UINT32.id());
              out.u32(value);
            }));
    return this;
  }

  public GgufWriter putInt32(String key, int value) {
    metadata.add(
        new Metadata(
            key,
            out -> {
              out.u32(GgufValueType.INT32.id());
              out.u32(value);
            }));
    return this;
  }

  public GgufWriter putFloat32(String key, float value) {
    metadata.add(
        new Metadata(
            key,
            out -> {
              out.u32(GgufValueType.FLOAT32.id());
              out.u32(Float.floatToIntBits(value));
            }));
    return this;
  }

  public GgufWriter putBool(String key, boolean value) {
    metadata.add(
        new Metadata(
            key,
            out -> {
              out.u32(GgufValueType.BOOL.id());
              out.u8(value ? 1 : 0);
            }));
    return this;
  }

  public GgufWriter putStringArray(String key, List<String> values) {
    metadata.add(
        new Metadata(
            key,
            out -> {
              out.u32(GgufValueType.ARRAY.id());
              out.u32(GgufValueType.STRING.id());
              out.u64(values.size());
              for (String value : values) {
                out.string(value);
              }
            }));
    return this;
  }

  public GgufWriter putInt32Array(String key, int[] values) {
    metadata.add(
        new Metadata(
            key,
            out -> {
              out.u32(GgufValueType.ARRAY.id());
              out.u32(GgufValueType.INT32.id());
              out.u64(values.length);
              for (int value : values) {
                out.u32(value);
              }
            }));
    return this;
  }

  public GgufWriter putUInt32Array(String key, long[] values) {
    metadata.add(
        new Metadata(
            key,
            out -> {
              out.u32(GgufValueType.ARRAY.id());
              out.u32(GgufValueType.UINT32.id());
              out.u64(values.length);
              for (long value : values) {
                out.u32(value);
              }
            }));
    return this;
  }

  /** Drops every entry named {@code key}, so that a test can write it again with another value. */
  public GgufWriter remove(String key) {
    metadata.removeIf(entry -> entry.key().equals(key));
    return this;
  }

  /**
   * @param dims ggml order: {@code dims[0]} is the row length (a matrix's input width)
   */
  public GgufWriter addTensor(String name, GgmlType type, long[] dims, TensorData data) {
    long elements = 1;
    for (long dim : dims) {
      elements *= dim;
    }
    tensors.add(new Tensor(name, type, dims.clone(), type.byteSize(elements), data));
    return this;
  }

  public void write(Path file) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (var out =
        new LittleEndianOutput(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20))) {
      out.u32(MAGIC);
      out.u32(VERSION);
      out.u64(tensors.size());
      out.u64(metadata.size());
      for (Metadata entry : metadata) {
        out.string(entry.key());
        entry.value().writeTo(out);
      }
      long offset = 0;
      for (Tensor tensor : tensors) {
        out.string(tensor.name());
        out.u32(tensor.dims().length);
        for (long dim : tensor.dims()) {
          out.u64(dim);
        }
        out.u32(tensor.type().id());
        out.u64(offset);
        offset = align(offset + tensor.byteSize());
      }
      out.padTo(ALIGNMENT);
      for (Tensor tensor : tensors) {
        long before = out.written();
        tensor.data().writeTo(out.stream(), tensor.byteSize());
        if (out.written() - before != tensor.byteSize()) {
          throw new IllegalStateException(
              tensor.name()
                  + ": wrote "
                  + (out.written() - before)
                  + " bytes, expected "
                  + tensor.byteSize());
        }
        out.padTo(ALIGNMENT);
      }
    }
    Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static long align(long offset) {
    return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }

  private record Metadata(String key, MetadataValue value) {}

  private record Tensor(String name, GgmlType type, long[] dims, long byteSize, TensorData data) {}

  @FunctionalInterface
  private interface MetadataValue {
    void writeTo(LittleEndianOutput out) throws IOException;
  }

  /** Little-endian primitives over a counted stream (for alignment). */
  private static final class LittleEndianOutput implements AutoCloseable {
    private final OutputStream delegate;
    private long written;
    private final OutputStream counting;

    LittleEndianOutput(OutputStream delegate) {
      this.delegate = delegate;
      this.counting =
          new OutputStream() {
            @Override
            public void write(int b) throws IOException {
              delegate.write(b);
              written++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              delegate.write(b, off, len);
              written += len;
            }
          };
    }

    OutputStream stream() {
      return counting;
    }

    long written() {
      return written;
    }

    void u8(int value) throws IOException {
      counting.write(value);
    }

    void u32(long value) throws IOException {
      byte[] b = {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
      counting.write(b, 0, 4);
    }

    void u64(long value) throws IOException {
      u32(value);
      u32(value >>> 32);
    }

    void string(String value) throws IOException {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      u64(bytes.length);
      counting.write(bytes, 0, bytes.length);
    }

    void padTo(int alignment) throws IOException {
      while (written % alignment != 0) {
        counting.write(0);
      }
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}
