package io.krrkit.maskinporten;

/**
 * Maskinporten could not be reached, or did not answer within the request timeout. The request may
 * be tried again; the cause is the underlying {@link java.io.IOException}.
 */
public final class MaskinportenTransportException extends MaskinportenException {
  private static final long serialVersionUID = 1L;

  /** An error with a message naming the URL that failed and a cause from the HTTP client. */
  public MaskinportenTransportException(String message, Throwable cause) {
    super(message, cause);
  }

  private MaskinportenTransportException(MaskinportenTransportException original) {
    super(original.getMessage(), original);
  }

  @Override
  MaskinportenException rethrownInCaller() {
    return new MaskinportenTransportException(this);
  }
}
