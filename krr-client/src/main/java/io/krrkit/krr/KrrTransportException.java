package io.krrkit.krr;

/**
 * KRR could not be reached, or did not answer in time, even after the retries the {@link
 * RetryPolicy} allows; or the calling thread was interrupted while waiting. The cause holds the
 * last I/O failure.
 */
public final class KrrTransportException extends KrrException {
  private static final long serialVersionUID = 1L;

  KrrTransportException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  KrrTransportException rethrownInCaller() {
    return new KrrTransportException(getMessage(), getCause());
  }
}
