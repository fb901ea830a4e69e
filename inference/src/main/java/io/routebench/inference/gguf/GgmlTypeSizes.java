package io.routebench.inference.gguf;

import java.util.Map;

/**
 * The on-disk size of every tensor type llama.cpp (b4916) loads: elements per block and bytes per
 * block, as in ggml's type traits. The metadata reader uses it to check that each tensor's data
 * lies inside the file, the check llama.cpp makes when it loads a model; without it {@code model}
 * calls a header whose tensors are missing "supported".
 */
final class GgmlTypeSizes {

  /** Type id → {elements per block, bytes per block}; ids llama.cpp dropped are absent. */
  private static final Map<Integer, int[]> SIZES =
      Map.ofEntries(
          Map.entry(0, new int[] {1, 4}), // F32
          Map.entry(1, new int[] {1, 2}), // F16
          Map.entry(2, new int[] {32, 18}), // Q4_0
          Map.entry(3, new int[] {32, 20}), // Q4_1
          Map.entry(6, new int[] {32, 22}), // Q5_0
          Map.entry(7, new int[] {32, 24}), // Q5_1
          Map.entry(8, new int[] {32, 34}), // Q8_0
          Map.entry(9, new int[] {32, 36}), // Q8_1
          Map.entry(10, new int[] {256, 84}), // Q2_K
          Map.entry(11, new int[] {256, 110}), // Q3_K
          Map.entry(12, new int[] {256, 144}), // Q4_K
          Map.entry(13, new int[] {256, 176}), // Q5_K
          Map.entry(14, new int[] {256, 210}), // Q6_K
          Map.entry(15, new int[] {256, 292}), // Q8_K
          Map.entry(16, new int[] {256, 66}), // IQ2_XXS
          Map.entry(17, new int[] {256, 74}), // IQ2_XS
          Map.entry(18, new int[] {256, 98}), // IQ3_XXS
          Map.entry(19, new int[] {256, 50}), // IQ1_S
          Map.entry(20, new int[] {32, 18}), // IQ4_NL
          Map.entry(21, new int[] {256, 110}), // IQ3_S
          Map.entry(22, new int[] {256, 82}), // IQ2_S
          Map.entry(23, new int[] {256, 136}), // IQ4_XS
          Map.entry(24, new int[] {1, 1}), // I8
          Map.entry(25, new int[] {1, 2}), // I16
          Map.entry(26, new int[] {1, 4}), // I32
          Map.entry(27, new int[] {1, 8}), // I64
          Map.entry(28, new int[] {1, 8}), // F64
          Map.entry(29, new int[] {256, 56}), // IQ1_M
          Map.entry(30, new int[] {1, 2}), // BF16
          Map.entry(34, new int[] {256, 54}), // TQ1_0
          Map.entry(35, new int[] {256, 66})); // TQ2_0

  private GgmlTypeSizes() {}

  static boolean isKnown(int typeId) {
    return SIZES.containsKey(typeId);
  }

  static int blockSize(int typeId) {
    return SIZES.get(typeId)[0];
  }

  /**
   * Bytes of a tensor with {@code elements} elements; callers check first that the row length is a
   * multiple of {@link #blockSize}.
   */
  static long byteSize(int typeId, long elements) {
    int[] size = SIZES.get(typeId);
    return Math.multiplyExact(elements / size[0], (long) size[1]);
  }
}
