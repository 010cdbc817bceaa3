package io.krrkit.maskinporten.validation;

/**
 * Base of every error {@link MaskinportenTokenValidator} throws:
 *
 * <ul>
 *   <li>{@link TokenRejectedException}: the token is not valid here; answer 401 (or 403 for a
 *       missing scope, see {@link TokenRejectedException#reason()}).
 *   <li>{@link KeysUnavailableException}: the issuer's keys could not be fetched, so the token
 *       could not be checked; answer 503 and let the caller try again.
 * </ul>
 *
 * <p>Messages never contain the token.
 */
public abstract sealed class TokenValidationException extends RuntimeException
    permits TokenRejectedException, KeysUnavailableException {
  private static final long serialVersionUID = 1L;

  TokenValidationException(String message, Throwable cause) {
    super(message, cause);
  }
}
