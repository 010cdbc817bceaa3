package io.krrkit.local.internal.journal;

import io.krrkit.local.RecordedRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Which journal entries to show: every filter given must match. The operator API, the CLI and the
 * web page read the same parameters with {@link #parse}.
 *
 * @param service one of {@link RecordedRequest#SERVICES}, or {@code null}
 * @param pathPrefix the path starts with this, or {@code null}
 * @param clientId the calling client, or {@code null}
 * @param status an exact status (e.g. 401), or {@code 0}
 * @param statusClass a status class 1 to 5 ({@code 4xx} is 4), or {@code 0}
 * @param since at or after this time on the emulator's clock, or {@code null}
 * @param limit at most this many entries, newest first
 */
public record JournalQuery(
    String service,
    String pathPrefix,
    String clientId,
    int status,
    int statusClass,
    Instant since,
    int limit) {
  /** Entries shown when no limit is asked for. */
  public static final int DEFAULT_LIMIT = 100;

  private static final Pattern STATUS = Pattern.compile("[1-5][0-9][0-9]");
  private static final Pattern STATUS_CLASS = Pattern.compile("[1-5]xx");

  /** Every entry, newest first, up to {@code limit}. */
  public static JournalQuery all(int limit) {
    return new JournalQuery(null, null, null, 0, 0, null, limit);
  }

  /** True when {@code entry} passes every filter (the limit aside). */
  public boolean matches(RecordedRequest entry) {
    return (service == null || service.equals(entry.service()))
        && (pathPrefix == null || entry.path().startsWith(pathPrefix))
        && (clientId == null || clientId.equals(entry.clientId()))
        && (status == 0 || status == entry.status())
        && (statusClass == 0 || statusClass == entry.status() / 100)
        && (since == null || !entry.time().isBefore(since));
  }

  /**
   * Reads the filters {@code service}, {@code path}, {@code client}, {@code status} ({@code 401} or
   * {@code 4xx}), {@code since} (ISO-8601 instant) and {@code limit} (1 to {@code maxLimit},
   * default {@value #DEFAULT_LIMIT}); blank values count as absent.
   *
   * @param parameter a parameter by name, or {@code null}
   * @throws IllegalArgumentException naming the bad parameter and what it takes
   */
  public static JournalQuery parse(UnaryOperator<String> parameter, int maxLimit) {
    String service = given(parameter, "service");
    if (service != null && !RecordedRequest.SERVICES.contains(service)) {
      throw new IllegalArgumentException(
          "service must be one of " + String.join(", ", RecordedRequest.SERVICES));
    }
    String path = given(parameter, "path");
    if (path != null && !path.startsWith("/")) {
      throw new IllegalArgumentException("path must be a path prefix starting with /");
    }
    String status = given(parameter, "status");
    int exact = 0;
    int statusClass = 0;
    if (status != null) {
      if (STATUS.matcher(status).matches()) {
        exact = Integer.parseInt(status);
      } else if (STATUS_CLASS.matcher(status).matches()) {
        statusClass = status.charAt(0) - '0';
      } else {
        throw new IllegalArgumentException(
            "status must be an HTTP status (e.g. 401) or a class (e.g. 4xx)");
      }
    }
    Instant since = null;
    String sinceText = given(parameter, "since");
    if (sinceText != null) {
      try {
        since = Instant.parse(sinceText);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "since must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
      }
    }
    int limit = Math.min(DEFAULT_LIMIT, maxLimit);
    String limitText = given(parameter, "limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        limit = 0;
      }
      if (limit < 1 || limit > maxLimit) {
        throw new IllegalArgumentException("limit must be a whole number from 1 to " + maxLimit);
      }
    }
    return new JournalQuery(
        service, path, given(parameter, "client"), exact, statusClass, since, limit);
  }

  private static String given(UnaryOperator<String> parameter, String name) {
    String value = parameter.apply(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
