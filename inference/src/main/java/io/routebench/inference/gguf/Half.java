package io.routebench.inference.gguf;

/**
 * IEEE 754 half-precision conversion (Float.floatToFloat16 arrived only in Java 20's API as such).
 */
final class Half {

  private Half() {}

  static short fromFloat(float value) {
    return Float.floatToFloat16(value);
  }

  static float toFloat(short half) {
    return Float.float16ToFloat(half);
  }
}
