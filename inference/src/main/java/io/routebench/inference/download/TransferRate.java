package io.routebench.inference.download;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The transfer rate over the last few seconds, so the ETA follows the connection as it is now
 * rather than the average since the start (a resumed download starts with no history).
 */
final class TransferRate {

  private static final long WINDOW_NANOS = Duration.ofSeconds(5).toNanos();

  private record Sample(long nanos, long bytes) {}

  private final LongSupplier clock;
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();

  /**
   * @param clock nanoseconds ({@code System::nanoTime}); tests pass their own
   */
  TransferRate(LongSupplier clock) {
    this.clock = clock;
  }

  /** Records that {@code bytes} bytes in all have been received by now. */
  void record(long bytes) {
    long now = clock.getAsLong();
    samples.addLast(new Sample(now, bytes));
    while (samples.size() > 2 && now - samples.peekFirst().nanos() > WINDOW_NANOS) {
      samples.removeFirst();
    }
  }

  /** Bytes per second over the window; 0 until two samples some time apart exist. */
  double bytesPerSecond() {
    if (samples.size() < 2) {
      return 0;
    }
    Sample first = samples.peekFirst();
    Sample last = samples.peekLast();
    long nanos = last.nanos() - first.nanos();
    return nanos <= 0 ? 0 : (last.bytes() - first.bytes()) * 1e9 / nanos;
  }

  /** The time left for {@code remaining} bytes at the current rate. */
  Optional<Duration> eta(long remaining) {
    double rate = bytesPerSecond();
    if (rate <= 0 || remaining < 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis((long) Math.ceil(remaining / rate * 1000)));
  }
}
