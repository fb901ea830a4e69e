package io.routebench.inference.gguf;

/**
 * Where a metadata value sits in a GGUF header and what type it declares, so that a refusal can
 * name the key and the byte.
 *
 * @param elementType for an array, the type of its elements; {@code null} otherwise
 * @param length for an array, its number of elements; 0 otherwise
 * @param offset the byte at which the entry (its key) starts
 */
record MetadataEntry(
    String key, GgufValueType type, GgufValueType elementType, long length, long offset) {

  boolean isArrayOf(GgufValueType element) {
    return type == GgufValueType.ARRAY && elementType == element;
  }

  /** e.g. "an array of UINT32", "a STRING". */
  String describeType() {
    return type == GgufValueType.ARRAY ? "an array of " + elementType : "a " + type;
  }
}
