package io.krrkit.krr;

/**
 * The {@link AccessTokenSource} could not supply a token, so nothing was sent to KRR. The cause is
 * what the source threw (for a Maskinporten client, its own exception with Maskinporten's error
 * code).
 */
public final class KrrTokenException extends KrrException {
  private static final long serialVersionUID = 1L;

  KrrTokenException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  KrrTokenException rethrownInCaller() {
    return new KrrTokenException(getMessage(), getCause());
  }
}
