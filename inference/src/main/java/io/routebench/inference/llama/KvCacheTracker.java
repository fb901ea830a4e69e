package io.routebench.inference.llama;

import java.util.Arrays;

/**
 * Mirrors what llama.cpp's server keeps in its single slot's KV cache, so every decision can say
 * how many prompt tokens it reused. The binding does not report the server's own counters, so this
 * applies the server's rule: a prompt reuses the longest common prefix with the tokens already in
 * the slot, and at least one token is always evaluated (to obtain fresh logits).
 */
final class KvCacheTracker {

  private int[] cached = new int[0];

  /** How many of {@code prompt}'s tokens the server will take from the cache. */
  int reusableTokens(int[] prompt) {
    int common = Arrays.mismatch(cached, prompt);
    if (common < 0) {
      common = cached.length;
    }
    return Math.min(common, Math.max(0, prompt.length - 1));
  }

  /** Records that the slot now holds exactly {@code prompt} (the sampled token is not kept). */
  void evaluated(int[] prompt) {
    cached = prompt.clone();
  }

  /** After an error the slot's content is unknown; assume nothing is reusable. */
  void invalidate() {
    cached = new int[0];
  }
}
