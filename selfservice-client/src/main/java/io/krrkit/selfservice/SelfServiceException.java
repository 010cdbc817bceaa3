package io.krrkit.selfservice;

/**
 * Base of every error this library throws. The subtypes say what went wrong:
 *
 * <ul>
 *   <li>{@link SelfServiceErrorException}: the API refused the request; carries the HTTP status,
 *       the {@code correlation_id} to quote to Digdir, and the field errors to fix.
 *   <li>{@link SelfServiceTokenException}: no Maskinporten token for the call; the cause says why.
 *   <li>{@link SelfServiceTransportException}: the API could not be reached or did not answer in
 *       time; usually worth trying again.
 *   <li>{@link SelfServiceResponseException}: something answered, but not with what the API sends.
 *   <li>{@link SelfServiceConfigException}: the client or a request was set up wrongly.
 * </ul>
 *
 * <p>Messages never contain access tokens, client secrets or key material.
 */
public abstract sealed class SelfServiceException extends RuntimeException
    permits SelfServiceErrorException,
        SelfServiceTokenException,
        SelfServiceTransportException,
        SelfServiceResponseException,
        SelfServiceConfigException {
  private static final long serialVersionUID = 1L;

  SelfServiceException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The same error again, with {@code this} as its cause, so that a synchronous caller's stack
   * trace shows where it called from (as {@code HttpClient.send} does).
   */
  abstract SelfServiceException rethrownInCaller();
}
