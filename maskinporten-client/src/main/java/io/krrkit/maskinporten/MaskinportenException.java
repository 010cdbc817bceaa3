package io.krrkit.maskinporten;

import java.time.Duration;
import java.util.Optional;

/**
 * Base of every error this library throws. The subtypes say what went wrong and whether trying
 * again can help:
 *
 * <ul>
 *   <li>{@link MaskinportenErrorException}: Maskinporten answered with an OAuth2 error ({@code
 *       invalid_grant}, {@code invalid_scope}, …) and its {@code MP-xxx} code; fix the client, key
 *       or request.
 *   <li>{@link MaskinportenTransportException}: Maskinporten could not be reached or did not answer
 *       in time; usually worth trying again.
 *   <li>{@link MaskinportenResponseException}: something answered, but not with what Maskinporten
 *       sends (wrong issuer in the metadata, a proxy's error page, a malformed token response).
 *   <li>{@link MaskinportenConfigException}: the client, grant or request was set up wrongly.
 * </ul>
 *
 * <p>Messages never contain the grant (assertion), the access token or key material.
 */
public abstract sealed class MaskinportenException extends RuntimeException
    permits MaskinportenErrorException,
        MaskinportenTransportException,
        MaskinportenResponseException,
        MaskinportenConfigException {

  private static final long serialVersionUID = 1L;

  // Set by the token endpoint before the error is thrown, and copied to the caller's twin.
  private Duration retryAfter;

  MaskinportenException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * How long the server asked to wait before trying again ({@code Retry-After} of a 429 or 5xx
   * answer), if it did. The client waits it out between attempts; when it is longer than the
   * longest {@code retryBackoff} the client gives up at once and it is here for the caller.
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  MaskinportenException retryAfter(Duration wait) {
    this.retryAfter = wait;
    return this;
  }

  /**
   * The same error again, thrown in the calling thread with {@code this} as its cause, so a
   * synchronous caller's stack trace shows where it called from (as {@code HttpClient.send} does).
   */
  abstract MaskinportenException rethrownInCaller();
}
