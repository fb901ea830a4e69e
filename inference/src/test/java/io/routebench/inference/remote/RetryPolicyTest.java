package io.routebench.inference.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Instant NOW = Instant.parse("2026-10-21T07:27:30Z");
  private static final RetryPolicy POLICY = RetryPolicy.DEFAULT;

  @Test
  void retry_after_in_seconds() {
    assertThat(RetryPolicy.retryAfter(Optional.of(" 120 "), NOW)).contains(Duration.ofSeconds(120));
  }

  @Test
  void retry_after_as_an_http_date_counts_from_now() {
    assertThat(RetryPolicy.retryAfter(Optional.of("Wed, 21 Oct 2026 07:28:00 GMT"), NOW))
        .contains(Duration.ofSeconds(30));
  }

  @Test
  void a_date_in_the_past_means_now() {
    assertThat(RetryPolicy.retryAfter(Optional.of("Wed, 21 Oct 2026 07:00:00 GMT"), NOW))
        .contains(Duration.ZERO);
  }

  @Test
  void an_absent_or_unreadable_header_leaves_the_wait_to_the_backoff() {
    assertThat(RetryPolicy.retryAfter(Optional.empty(), NOW)).isEmpty();
    assertThat(RetryPolicy.retryAfter(Optional.of("soon"), NOW)).isEmpty();
    assertThat(RetryPolicy.retryAfter(Optional.of("-5"), NOW)).isEmpty();
    assertThat(RetryPolicy.retryAfter(Optional.of("99999999999999999999999"), NOW)).isEmpty();
  }

  @Test
  void the_server_s_wait_is_honoured_never_shortened_and_capped() {
    var random = new Random(1);
    for (int i = 0; i < 100; i++) {
      Duration wait = POLICY.delay(1, Optional.of(Duration.ofSeconds(2)), random);
      assertThat(wait).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2200));
    }
    assertThat(POLICY.delay(1, Optional.of(Duration.ofHours(1)), random))
        .isBetween(Duration.ofSeconds(120), Duration.ofSeconds(132));
  }

  @Test
  void backoff_doubles_with_jitter_up_to_its_ceiling() {
    var random = new Random(2);
    for (int i = 0; i < 100; i++) {
      assertThat(POLICY.delay(1, Optional.empty(), random))
          .isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
      assertThat(POLICY.delay(3, Optional.empty(), random))
          .isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
      assertThat(POLICY.delay(30, Optional.empty(), random))
          .isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }
  }

  @Test
  void attempts_are_bounded() {
    assertThat(POLICY.mayRetryAfter(4)).isTrue();
    assertThat(POLICY.mayRetryAfter(5)).isFalse();
  }
}
