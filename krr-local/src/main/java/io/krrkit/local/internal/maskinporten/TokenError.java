package io.krrkit.local.internal.maskinporten;

/**
 * Every way the token endpoint says no, with Maskinporten's HTTP status, OAuth2 {@code error},
 * {@code MP-xxx} code and documented message (spec.md#token-errors). Several rows may share a code.
 */
public enum TokenError {
  UNSUPPORTED_GRANT_TYPE(
      400,
      "unsupported_grant_type",
      null,
      "Unsupported grant type, use urn:ietf:params:oauth:grant-type:jwt-bearer"),
  INVALID_PARAMETER(400, "invalid_request", "MP-011", "Invalid assertion. Invalid parameter value"),
  GRANT_USED_BEFORE(400, "invalid_grant", "MP-012", "Grant is used before"),
  CLIENT_AUTHENTICATION_FAILED(
      400, "invalid_grant", "MP-100", "Invalid assertion. Client authentication failed."),
  UNKNOWN_KID(
      400,
      "invalid_grant",
      "MP-100",
      "Invalid assertion. Client authentication failed. Unknown key identifier (kid) for client."),
  INVALID_AUDIENCE(
      400,
      "invalid_grant",
      "MP-110",
      "Invalid assertion. Client authentication failed. Invalid JWT claim aud"),
  INVALID_CERTIFICATE(
      400,
      "invalid_grant",
      "MP-120",
      "Invalid assertion. Client authentication failed. The JWT is signed with an invalid"
          + " certificate."),
  EXPIRED_KEY(
      400,
      "invalid_grant",
      "MP-121",
      "Invalid assertion. Client authentication failed. Expired key"),
  CERTIFICATE_ORG_MISMATCH(
      400,
      "invalid_grant",
      "MP-122",
      "Invalid JWT. Invalid organization number for client. Does not match certificate orgno"),
  KID_REQUIRED(
      400,
      "invalid_grant",
      "MP-123",
      "Invalid JWT. The client requires pre-registered jwk and no key identifier (kid) provided"),
  INVALID_X5C(400, "invalid_grant", "MP-123", "Invalid JWT header x5c"),
  INVALID_SIGNATURE(400, "invalid_grant", "MP-124", "Invalid JWT signature"),
  EXPIRED(400, "invalid_grant", "MP-130", "JWT is expired"),
  INVALID_LIFETIME(400, "invalid_grant", "MP-130", "JWT has invalid lifetime"),
  INVALID_SCOPE(400, "invalid_scope", "MP-200", "Token request contains invalid scopes for client"),
  SCOPE_NOT_ALLOWED(
      400, "invalid_scope", "MP-201", "Token request contains scopes not allowed for maskinporten"),
  UNKNOWN_AUTHORIZATION_DETAILS_TYPE(
      400, "invalid_authorization_details", "MP-301", "Unknown authorization details type"),
  UNKNOWN_AUTHORIZATION_DETAILS_FIELDS(
      400,
      "invalid_authorization_details",
      "MP-302",
      "Unknown fields in the authorization details"),
  INVALID_AUTHORIZATION_DETAILS(
      400, "invalid_authorization_details", "MP-303", "Invalid authorization details values"),
  NOT_GRANTED(403, "forbidden", "MP-250", "Consumer has not been granted access to the scope %s."),
  NOT_DELEGATED(
      403,
      "forbidden",
      "MP-251",
      "Consumer %s has not delegated access to the scope %s to supplier %s.");

  private final int status;
  private final String error;
  private final String code;
  private final String message;

  TokenError(int status, String error, String code, String message) {
    this.status = status;
    this.error = error;
    this.code = code;
    this.message = message;
  }

  /** HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** The OAuth2 {@code error}. */
  public String error() {
    return error;
  }

  /** {@code MP-xxx}, or {@code null} for errors Maskinporten gives no code. */
  public String code() {
    return code;
  }

  /**
   * The documented message; for {@link #NOT_GRANTED} a format with one {@code %s}, for {@link
   * #NOT_DELEGATED} with three.
   */
  String message() {
    return message;
  }
}
