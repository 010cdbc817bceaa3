package io.krrkit.maskinporten.validation;

/**
 * The issuer's metadata or JWKS could not be fetched and no earlier copy holds the token's key, so
 * the token could not be checked. Not the caller's fault: answer 503 and try again later.
 */
public final class KeysUnavailableException extends TokenValidationException {
  private static final long serialVersionUID = 1L;

  KeysUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
