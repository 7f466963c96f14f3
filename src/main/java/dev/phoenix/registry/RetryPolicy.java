package dev.phoenix.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Bounded retries with jittered exponential backoff: attempt n (1-based) waits a random time in
 * [0.5, 1.0] × min(max, base × 2^(n-1)); a Retry-After answer (seconds or an HTTP date) waits at
 * least that long, capped at {@code maxRetryAfter}. Only 429, 5xx and connect/read timeouts are
 * retried; 401/403/404 never are.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max, Duration maxRetryAfter) {

  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(60));
  }

  public static boolean retryable(int status) {
    return status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
  }

  /** Whether another attempt may follow attempt number {@code attempt} (1-based). */
  public boolean mayRetry(int attempt) {
    return attempt < maxAttempts;
  }

  /** How long to wait after attempt {@code attempt} failed. */
  public Duration delay(int attempt, String retryAfter, Instant now, DoubleSupplier random) {
    long exp = base.toMillis() << Math.min(20, Math.max(0, attempt - 1));
    long capped = Math.min(max.toMillis(), exp);
    long jittered = (long) (capped * (0.5 + 0.5 * random.getAsDouble()));
    Duration backoff = Duration.ofMillis(jittered);
    Optional<Duration> asked = parseRetryAfter(retryAfter, now);
    if (asked.isEmpty()) {
      return backoff;
    }
    Duration wanted = asked.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked.get();
    return wanted.compareTo(backoff) > 0 ? wanted : backoff;
  }

  /** Retry-After as delta-seconds ("120") or an HTTP date; empty when absent or unreadable. */
  public static Optional<Duration> parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
