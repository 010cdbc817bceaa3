package io.krrkit.local.internal.maskinporten;

import java.util.Objects;

/**
 * A token request was refused. Carries the {@link TokenError} row and the description shown to the
 * client (the documented message, then {@code , <detail>} saying what to fix). The description
 * never contains the assertion, keys or identity numbers.
 */
public final class TokenRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient TokenError error;

  private TokenRequestException(TokenError error, String description) {
    super(description, null, false, false);
    this.error = Objects.requireNonNull(error, "error == null");
  }

  /** A refusal with the documented message only. */
  public static TokenRequestException of(TokenError error) {
    return new TokenRequestException(error, error.message());
  }

  /** A refusal with the documented message and {@code , detail}. */
  public static TokenRequestException of(TokenError error, String detail) {
    return new TokenRequestException(error, error.message() + ", " + detail);
  }

  /** {@link TokenError#NOT_GRANTED} for this scope. */
  static TokenRequestException notGranted(String scope) {
    return new TokenRequestException(
        TokenError.NOT_GRANTED, TokenError.NOT_GRANTED.message().formatted(scope));
  }

  /** {@link TokenError#NOT_DELEGATED} for these organisations and scopes. */
  static TokenRequestException notDelegated(String consumer, String scopes, String supplier) {
    return new TokenRequestException(
        TokenError.NOT_DELEGATED,
        TokenError.NOT_DELEGATED.message().formatted(consumer, scopes, supplier));
  }

  /** The row this refusal belongs to. */
  public TokenError error() {
    return error;
  }

  /** The {@code error_description} without the trace id. */
  public String description() {
    return getMessage();
  }
}
