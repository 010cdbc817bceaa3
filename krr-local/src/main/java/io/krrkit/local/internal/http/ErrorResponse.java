package io.krrkit.local.internal.http;

import java.util.Map;
import java.util.Objects;

/**
 * A rendered error: what a service writes for a {@link Failure}, independent of whether Javalin or
 * Jetty (before any route ran) sends it.
 *
 * @param contentType the body's media type
 * @param body the body
 * @param headers extra headers ({@code WWW-Authenticate}, …)
 */
public record ErrorResponse(String contentType, String body, Map<String, String> headers) {
  /** Copies the headers. */
  public ErrorResponse {
    Objects.requireNonNull(contentType, "contentType == null");
    Objects.requireNonNull(body, "body == null");
    headers = Map.copyOf(headers);
  }

  /** A JSON body without extra headers. */
  public static ErrorResponse json(String body) {
    return new ErrorResponse("application/json", body, Map.of());
  }

  /** An HTML page without extra headers. */
  public static ErrorResponse html(String body) {
    return new ErrorResponse("text/html;charset=utf-8", body, Map.of());
  }
}
