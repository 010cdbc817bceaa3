package io.krrkit.core;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} header: delay seconds or an HTTP date (RFC 9110 §10.2.3). The one
 * reader of the header for every client of the kit, so they all wait the same for the same answer.
 *
 * <pre>{@code
 * Optional<Duration> wait = RetryAfter.parse(response.headers().firstValue("Retry-After"), clock);
 * }</pre>
 */
public final class RetryAfter {
  private RetryAfter() {}

  /** The wait asked for, measured from {@code clock}; empty when absent or unreadable. */
  public static Optional<Duration> parse(Optional<String> header, Clock clock) {
    return header.map(String::trim).flatMap(value -> parse(value, clock));
  }

  private static Optional<Duration> parse(String value, Clock clock) {
    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return value.length() > 9
          ? Optional.empty()
          : Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
