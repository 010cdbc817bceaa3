package io.krrkit.selfservice;

/**
 * Something answered, but not with what the self-service API sends: a success status with a body
 * that is not the expected JSON. Check the base URL points at the API, not a proxy or web page.
 */
public final class SelfServiceResponseException extends SelfServiceException {
  private static final long serialVersionUID = 1L;

  SelfServiceResponseException(String message) {
    super(message, null);
  }

  SelfServiceResponseException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  SelfServiceResponseException rethrownInCaller() {
    return new SelfServiceResponseException(getMessage(), this);
  }
}
