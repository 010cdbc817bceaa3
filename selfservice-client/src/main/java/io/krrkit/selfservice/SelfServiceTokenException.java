package io.krrkit.selfservice;

/**
 * No Maskinporten token could be had for a call: the cause, a {@code MaskinportenException}, says
 * why (the admin client lacks the {@code idporten:dcr.*} scope, the key is not registered, …).
 */
public final class SelfServiceTokenException extends SelfServiceException {
  private static final long serialVersionUID = 1L;

  SelfServiceTokenException(String message) {
    super(message, null);
  }

  SelfServiceTokenException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  SelfServiceTokenException rethrownInCaller() {
    return new SelfServiceTokenException(getMessage(), this);
  }
}
