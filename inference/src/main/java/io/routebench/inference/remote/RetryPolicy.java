package io.routebench.inference.remote;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How often and after how long a request is sent again when the server is busy (HTTP 429, 502, 503,
 * 504) or dropped the connection midway. A server's {@code Retry-After} is honoured, up to {@code
 * maxWait}; otherwise the wait doubles from {@code firstBackoff} up to {@code maxBackoff}, with
 * jitter so that requests refused together do not all come back at the same moment.
 *
 * @param maxAttempts how many times one request is sent at most, the first included
 */
record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration maxWait) {

  /** Five attempts over about 8 s of backoff: rides out a restarting replica, not an outage. */
  static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(120));

  RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt, not " + maxAttempts);
    }
  }

  boolean mayRetryAfter(int attemptsSoFar) {
    return attemptsSoFar < maxAttempts;
  }

  /**
   * The wait before the next attempt.
   *
   * @param attemptsSoFar how many attempts failed, at least 1
   * @param retryAfter what the server asked for, if it did
   */
  Duration delay(int attemptsSoFar, Optional<Duration> retryAfter, RandomGenerator random) {
    if (retryAfter.isPresent()) {
      // Up to 10 % more than asked, never less: the server said when it will have room.
      Duration asked = min(retryAfter.get(), maxWait);
      return asked.plusMillis(random.nextLong(asked.toMillis() / 10 + 1));
    }
    long ceiling = firstBackoff.toMillis() << Math.min(attemptsSoFar - 1, 20);
    long backoff = Math.min(ceiling, maxBackoff.toMillis());
    // "Equal jitter": half of the backoff is fixed, the other half random.
    return Duration.ofMillis(backoff / 2 + random.nextLong(backoff / 2 + 1));
  }

  /**
   * Reads a {@code Retry-After} header: delay-seconds ({@code 120}) or an HTTP date ({@code Wed, 21
   * Oct 2026 07:28:00 GMT}, RFC 9110 §10.2.3). A date in the past means "now".
   *
   * @return empty for an absent or unreadable header, which leaves the backoff to the policy
   */
  static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().strip();
    if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException tooLong) {
        // More seconds than a long holds: unreadable, so the policy's own backoff applies.
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException unreadable) {
      // Neither seconds nor an HTTP date: as documented, the policy's own backoff applies.
      return Optional.empty();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
