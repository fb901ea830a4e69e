package io.routebench.inference.gguf;

/**
 * The hyper-parameters of a qwen2-architecture model.
 *
 * @param feedForward the FFN's hidden width
 */
public record QwenShape(
    int blocks,
    int width,
    int heads,
    int kvHeads,
    int feedForward,
    int contextLength,
    float ropeBase,
    float rmsEpsilon) {

  /** Small enough that tests load it in well under a second. */
  public static final QwenShape TINY = new QwenShape(2, 64, 4, 2, 128, 4096, 1_000_000f, 1e-6f);

  /** The shape of Qwen2.5-1.5B, which Arch-Router-1.5B fine-tunes. */
  public static final QwenShape QWEN2_5_1_5B =
      new QwenShape(28, 1536, 12, 2, 8960, 32768, 1_000_000f, 1e-6f);

  public int headDim() {
    return width / heads;
  }

  public int kvWidth() {
    return headDim() * kvHeads;
  }
}
