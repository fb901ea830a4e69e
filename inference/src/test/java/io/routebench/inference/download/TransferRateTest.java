package io.routebench.inference.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TransferRateTest {

  private final AtomicLong now = new AtomicLong();
  private final TransferRate rate = new TransferRate(now::get);

  private void at(double seconds, long bytes) {
    now.set((long) (seconds * 1e9));
    rate.record(bytes);
  }

  @Test
  void rate_and_eta_follow_the_recent_bytes() {
    at(0, 0);
    at(1, 2_000_000);

    assertThat(rate.bytesPerSecond()).isEqualTo(2_000_000);
    assertThat(rate.eta(10_000_000)).contains(Duration.ofSeconds(5));
  }

  @Test
  void old_samples_leave_the_window_so_a_slower_line_shows_at_once() {
    at(0, 0);
    at(1, 10_000_000);
    at(7, 10_600_000);
    at(8, 10_700_000);

    assertThat(rate.bytesPerSecond()).isEqualTo(100_000);
  }

  @Test
  void nothing_is_estimated_before_two_samples() {
    at(0, 500);

    assertThat(rate.bytesPerSecond()).isZero();
    assertThat(rate.eta(1000)).isEmpty();
  }
}
