package io.krrkit.local.internal.krr.http;

/**
 * A refused lookup: the HTTP status, the OAuth2-style {@code error} code, a description that says
 * what to do (never an identity number or a token), and the {@code WWW-Authenticate} challenge for
 * 401 and 403. Rendered by {@link ErrorResponder}.
 */
final class LookupError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;
  private final String challenge;

  private LookupError(int status, String error, String description, String challenge) {
    super(description);
    this.status = status;
    this.error = error;
    this.challenge = challenge;
  }

  /** 400 {@code invalid_request}: the body is not a valid lookup. */
  static LookupError invalidRequest(String description) {
    return new LookupError(400, "invalid_request", description, null);
  }

  /** 404 {@code not_found}: the logged-in person has no record to change. */
  static LookupError notFound(String description) {
    return new LookupError(404, "not_found", description, null);
  }

  /** 401 {@code invalid_token}: missing, malformed, expired or foreign token. */
  static LookupError invalidToken(String description) {
    return new LookupError(
        401, "invalid_token", description, challenge("invalid_token", description, null));
  }

  /** 403 {@code insufficient_scope}: the token holds none of {@code scopes} (space-separated). */
  static LookupError insufficientScope(String description, String scopes) {
    return new LookupError(
        403,
        "insufficient_scope",
        description,
        challenge("insufficient_scope", description, scopes));
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }

  /** The {@code WWW-Authenticate} value, or {@code null} for 400. */
  String challenge() {
    return challenge;
  }

  /** An RFC 6750 challenge; quotes and backslashes cannot appear inside its quoted values. */
  private static String challenge(String error, String description, String scope) {
    StringBuilder value = new StringBuilder("Bearer error=\"").append(error).append('"');
    value.append(", error_description=\"").append(quotable(description)).append('"');
    if (scope != null) {
      value.append(", scope=\"").append(quotable(scope)).append('"');
    }
    return value.toString();
  }

  private static String quotable(String text) {
    return text.replace('"', '\'').replace('\\', '/');
  }
}
