package io.routebench.inference.gguf;

/** The ggml tensor types RouteBench writes, with their on-disk block layout. */
public enum GgmlType {
  F32(0, 1, 4),
  F16(1, 1, 2),
  /** 32 weights per block: an fp16 scale and 16 bytes of 4-bit values. */
  Q4_0(2, 32, 18),
  /** 32 weights per block: an fp16 scale and 32 signed bytes. */
  Q8_0(8, 32, 34);

  private final int id;
  private final int blockSize;
  private final int bytesPerBlock;

  GgmlType(int id, int blockSize, int bytesPerBlock) {
    this.id = id;
    this.blockSize = blockSize;
    this.bytesPerBlock = bytesPerBlock;
  }

  public int id() {
    return id;
  }

  public int blockSize() {
    return blockSize;
  }

  public long byteSize(long elements) {
    if (elements % blockSize != 0) {
      throw new IllegalArgumentException(
          this + " needs a multiple of " + blockSize + " elements, got " + elements);
    }
    return elements / blockSize * bytesPerBlock;
  }

  /** The name llama.cpp uses for a tensor type id (for metadata display). */
  public static String nameOf(int typeId) {
    return switch (typeId) {
      case 0 -> "F32";
      case 1 -> "F16";
      case 2 -> "Q4_0";
      case 3 -> "Q4_1";
      case 6 -> "Q5_0";
      case 7 -> "Q5_1";
      case 8 -> "Q8_0";
      case 9 -> "Q8_1";
      case 10 -> "Q2_K";
      case 11 -> "Q3_K";
      case 12 -> "Q4_K";
      case 13 -> "Q5_K";
      case 14 -> "Q6_K";
      case 15 -> "Q8_K";
      case 16 -> "IQ2_XXS";
      case 17 -> "IQ2_XS";
      case 18 -> "IQ3_XXS";
      case 19 -> "IQ1_S";
      case 20 -> "IQ4_NL";
      case 21 -> "IQ3_S";
      case 22 -> "IQ2_S";
      case 23 -> "IQ4_XS";
      case 24 -> "I8";
      case 25 -> "I16";
      case 26 -> "I32";
      case 27 -> "I64";
      case 28 -> "F64";
      case 29 -> "IQ1_M";
      case 30 -> "BF16";
      case 34 -> "TQ1_0";
      case 35 -> "TQ2_0";
      default -> "type " + typeId;
    };
  }
}
