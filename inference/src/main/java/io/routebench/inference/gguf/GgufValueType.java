package io.routebench.inference.gguf;

/** GGUF metadata value type ids. */
enum GgufValueType {
  UINT8,
  INT8,
  UINT16,
  INT16,
  UINT32,
  INT32,
  FLOAT32,
  BOOL,
  STRING,
  ARRAY,
  UINT64,
  INT64,
  FLOAT64;

  int id() {
    return ordinal();
  }

  static GgufValueType of(long id) {
    if (id < 0 || id >= values().length) {
      throw new GgufFormatException("unknown GGUF value type " + id);
    }
    return values()[(int) id];
  }
}
