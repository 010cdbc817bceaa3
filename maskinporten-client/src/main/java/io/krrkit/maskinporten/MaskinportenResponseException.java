package io.krrkit.maskinporten;

/**
 * Something answered, but not the way Maskinporten does: metadata naming another issuer, an HTTP
 * error without an OAuth2 error body (a proxy's error page, an RFC 9457 problem report), or a token
 * response without {@code access_token}. The body is never quoted, as a proxy might echo the
 * request; only a problem report's {@code title} and {@code detail} are, on one line and with
 * anything shaped like a JWT or an identity number masked.
 */
public final class MaskinportenResponseException extends MaskinportenException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;

  /** An error for an answer with HTTP status {@code statusCode}. */
  public MaskinportenResponseException(int statusCode, String message) {
    super(message, null);
    this.statusCode = statusCode;
  }

  private MaskinportenResponseException(MaskinportenResponseException original) {
    super(original.getMessage(), original);
    this.statusCode = original.statusCode;
  }

  /** The HTTP status of the unexpected answer. */
  public int statusCode() {
    return statusCode;
  }

  @Override
  MaskinportenException rethrownInCaller() {
    return new MaskinportenResponseException(this);
  }
}
