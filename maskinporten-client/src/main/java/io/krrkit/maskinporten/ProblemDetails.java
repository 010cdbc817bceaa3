package io.krrkit.maskinporten;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * An RFC 9457 problem report ({@code application/problem+json}), as gateways and non-Maskinporten
 * authorization servers answer, instead of an OAuth2 error. Its text is cleaned like any server
 * text ({@link ErrorResponse#clean}).
 *
 * @param title {@code title}, or {@code null}
 * @param detail {@code detail}, or {@code null}
 * @param status {@code status}, or {@code null}
 */
record ProblemDetails(String title, String detail, Integer status) {
  private static final String MEDIA_TYPE = "application/problem+json";

  /**
   * The problem report in {@code json}, when the answer is one: sent as {@code
   * application/problem+json}, with at least a {@code title} or {@code detail}.
   */
  static Optional<ProblemDetails> of(String contentType, JsonNode json) {
    if (json == null
        || contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith(MEDIA_TYPE)) {
      return Optional.empty();
    }
    String title = ErrorResponse.clean(Json.text(json, "title"));
    String detail = ErrorResponse.clean(Json.text(json, "detail"));
    JsonNode status = json.get("status");
    Integer code = status != null && status.canConvertToInt() ? status.asInt() : null;
    if (title == null && detail == null) {
      return Optional.empty();
    }
    return Optional.of(new ProblemDetails(title, detail, code));
  }

  /** {@code "title: detail (status 415)"}, with what is there. */
  String describe() {
    StringBuilder text = new StringBuilder();
    if (title != null) {
      text.append(title);
    }
    if (detail != null) {
      text.append(title != null ? ": " : "").append(detail);
    }
    if (status != null) {
      text.append(" (status ").append(status).append(')');
    }
    return text.toString();
  }
}
