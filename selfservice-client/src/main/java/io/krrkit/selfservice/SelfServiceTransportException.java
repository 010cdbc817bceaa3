package io.krrkit.selfservice;

/**
 * The self-service API could not be reached, or did not answer in time. Usually worth trying again;
 * check the base URL and the network (proxy, firewall) if it persists.
 */
public final class SelfServiceTransportException extends SelfServiceException {
  private static final long serialVersionUID = 1L;

  SelfServiceTransportException(String message) {
    super(message, null);
  }

  SelfServiceTransportException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  SelfServiceTransportException rethrownInCaller() {
    return new SelfServiceTransportException(getMessage(), this);
  }
}
