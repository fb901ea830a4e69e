package io.routebench.inference.llama;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KvCacheTrackerTest {

  private final KvCacheTracker cache = new KvCacheTracker();

  @Test
  void an_empty_cache_reuses_nothing() {
    assertThat(cache.reusableTokens(new int[] {1, 2, 3})).isZero();
  }

  @Test
  void the_longest_common_prefix_is_reused() {
    cache.evaluated(new int[] {1, 2, 3, 4});
    assertThat(cache.reusableTokens(new int[] {1, 2, 9, 9, 9})).isEqualTo(2);
  }

  @Test
  void a_repeated_prompt_still_evaluates_its_last_token() {
    cache.evaluated(new int[] {1, 2, 3, 4});
    assertThat(cache.reusableTokens(new int[] {1, 2, 3, 4})).isEqualTo(3);
    assertThat(cache.reusableTokens(new int[] {1, 2})).isEqualTo(1);
  }

  @Test
  void invalidation_forgets_everything() {
    cache.evaluated(new int[] {1, 2, 3, 4});
    cache.invalidate();
    assertThat(cache.reusableTokens(new int[] {1, 2, 3, 4})).isZero();
  }
}
