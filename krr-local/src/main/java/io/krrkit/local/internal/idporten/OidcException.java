package io.krrkit.local.internal.idporten;

import java.util.Objects;

/**
 * The ID-porten emulator said no: an OAuth2 {@code error} code, the HTTP status it is answered with
 * at the token and userinfo endpoints, and a description that says what to fix (never a token, code
 * or identity number). Rendered by {@link IdportenRoutes}.
 */
public final class OidcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;

  private OidcException(int status, String error, String description) {
    super(description, null, false, false);
    this.status = status;
    this.error = Objects.requireNonNull(error, "error == null");
  }

  public static OidcException invalidRequest(String description) {
    return new OidcException(400, "invalid_request", description);
  }

  static OidcException invalidClient(String description) {
    return new OidcException(401, "invalid_client", description);
  }

  static OidcException invalidGrant(String description) {
    return new OidcException(400, "invalid_grant", description);
  }

  static OidcException invalidScope(String description) {
    return new OidcException(400, "invalid_scope", description);
  }

  static OidcException unsupportedGrantType(String description) {
    return new OidcException(400, "unsupported_grant_type", description);
  }

  static OidcException unsupportedResponseType(String description) {
    return new OidcException(400, "unsupported_response_type", description);
  }

  static OidcException unauthorizedClient(String description) {
    return new OidcException(400, "unauthorized_client", description);
  }

  static OidcException unsupportedTokenType(String description) {
    return new OidcException(400, "unsupported_token_type", description);
  }

  /** 403: the client authenticated but is not registered for this. */
  static OidcException notRegisteredFor(String description) {
    return new OidcException(403, "unauthorized_client", description);
  }

  public static OidcException invalidToken(String description) {
    return new OidcException(401, "invalid_token", description);
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }
}
