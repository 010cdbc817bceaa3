package io.krrkit.selfservice;

/**
 * The client, or a request or key given to it, was set up wrongly; the message names what to
 * change.
 */
public final class SelfServiceConfigException extends SelfServiceException {
  private static final long serialVersionUID = 1L;

  SelfServiceConfigException(String message) {
    super(message, null);
  }

  SelfServiceConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  SelfServiceConfigException rethrownInCaller() {
    return new SelfServiceConfigException(getMessage(), this);
  }
}
