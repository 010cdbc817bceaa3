package io.krrkit.local.internal.maskinporten;

/**
 * A bearer token was missing, malformed, expired, or not issued by this emulator. The message says
 * which, and never contains the token. Resource servers answer 401 with {@code WWW-Authenticate:
 * Bearer error="invalid_token"}.
 */
public final class InvalidTokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A rejection with a message safe to show to the caller. */
  public InvalidTokenException(String message) {
    super(message);
  }
}
