package io.krrkit.maskinporten;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OAuth2 error answer from Maskinporten, with the parts read out of it.
 *
 * @param statusCode HTTP status
 * @param error the OAuth2 {@code error}
 * @param description {@code error_description} without its trace id, or {@code null}
 * @param errorUri {@code error_uri}, or {@code null}
 * @param code {@code MP-xxx} from the last segment of {@code error_uri}, or {@code null}
 * @param traceId the trace id from {@code error_description}, or {@code null}
 */
record ErrorResponse(
    int statusCode, String error, String description, URI errorUri, String code, String traceId)
    implements Serializable {
  private static final Pattern CODE = Pattern.compile("MP-\\d+");
  private static final Pattern TRACE_ID = Pattern.compile("\\s*\\(trace_id: ([0-9A-Za-z-]+)\\)");
  private static final int MAX_TEXT = 300;
  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  private static final Pattern IDENTITY_NUMBER = Pattern.compile("\\b\\d{11}\\b");

  ErrorResponse {
    Objects.requireNonNull(error, "error == null");
  }

  /** Reads code and trace id out of {@code error_uri} and {@code error_description}. */
  static ErrorResponse of(int statusCode, String error, String rawDescription, String rawUri) {
    URI uri = parseUri(rawUri);
    String traceId = null;
    String description = rawDescription;
    if (rawDescription != null) {
      Matcher m = TRACE_ID.matcher(rawDescription);
      if (m.find()) {
        traceId = m.group(1);
        description = rawDescription.substring(0, m.start()) + rawDescription.substring(m.end());
      }
    }
    return new ErrorResponse(
        statusCode, clean(error), clean(description), uri, codeOf(uri), traceId);
  }

  /** A message naming the code and saying what to do. */
  String message() {
    StringBuilder m = new StringBuilder("Maskinporten refused the token request");
    if (code != null) {
      m.append(" with ").append(code);
    }
    m.append(" (HTTP ").append(statusCode).append(' ').append(error).append(')');
    m.append(": ");
    describe().ifPresent(d -> m.append(d).append(d.endsWith(".") ? " " : ". "));
    m.append(ErrorAdvice.forResponse(this));
    if (errorUri != null) {
      m.append(" Help: ").append(errorUri);
    }
    if (traceId != null) {
      m.append(" (trace_id: ").append(traceId).append(')');
    }
    return m.toString();
  }

  /**
   * Server text goes into log lines: no control characters (log forging), bounded length, and no
   * grant, token or identity number a server or proxy may have echoed from the request.
   */
  static String clean(String text) {
    if (text == null) {
      return null;
    }
    String flat = text.replaceAll("\\p{Cntrl}", " ").strip();
    flat = JWT.matcher(flat).replaceAll("[JWT]");
    flat = IDENTITY_NUMBER.matcher(flat).replaceAll("[identity number]");
    return flat.length() <= MAX_TEXT ? flat : flat.substring(0, MAX_TEXT) + "…";
  }

  private static URI parseUri(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return URI.create(raw.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String codeOf(URI uri) {
    if (uri == null || uri.getPath() == null) {
      return null;
    }
    String path = uri.getPath();
    String last = path.substring(path.lastIndexOf('/') + 1);
    return CODE.matcher(last).matches() ? last : null;
  }

  /** The description when there is one, else empty. */
  Optional<String> describe() {
    return Optional.ofNullable(description).filter(d -> !d.isEmpty());
  }
}
