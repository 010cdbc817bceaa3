package io.krrkit.local.internal.http;

import java.util.Objects;

/**
 * An error the emulator answers that is none of a service's own refusals: an unknown path, a method
 * the path does not take, a body or header too large, an unreadable request, the store unavailable
 * or an unexpected failure. Each service writes it in its own shape ({@link ServiceErrors}).
 *
 * @param status the HTTP status
 * @param error a short code in OAuth's style ({@code not_found}, {@code invalid_request}, {@code
 *     server_error}, {@code temporarily_unavailable}, …)
 * @param description what happened, safe to show: never a stack trace, class name or input
 * @param traceId the request's trace id, also in the log line
 * @param retryAfterSeconds for 503 and 429 the {@code Retry-After} to send, else 0
 */
public record Failure(
    int status, String error, String description, String traceId, int retryAfterSeconds) {
  /** Checks the fields. */
  public Failure {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("not an error status: " + status);
    }
    Objects.requireNonNull(error, "error == null");
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(traceId, "traceId == null");
  }
}
