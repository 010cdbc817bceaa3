package io.krrkit.maskinporten;

import java.net.URI;
import java.util.Optional;

/**
 * Maskinporten refused the token request with an OAuth2 error. Carries what Maskinporten sent: the
 * HTTP status, {@code error}, the {@code MP-xxx} code (last segment of {@code error_uri}), the
 * trace id from {@code error_description} (quote it to Digdir's support), and a message that names
 * the code and says what to do.
 *
 * <pre>{@code
 * catch (MaskinportenErrorException e) {
 *   if (e.code().filter("MP-200"::equals).isPresent()) { ... } // scope not on the client
 * }
 * }</pre>
 */
public final class MaskinportenErrorException extends MaskinportenException {
  private static final long serialVersionUID = 1L;

  private final ErrorResponse response;

  MaskinportenErrorException(ErrorResponse response, String message) {
    super(message, null);
    this.response = response;
  }

  private MaskinportenErrorException(MaskinportenErrorException original) {
    super(original.getMessage(), original);
    this.response = original.response;
  }

  /** The HTTP status, e.g. 400 or 403. */
  public int statusCode() {
    return response.statusCode();
  }

  /**
   * The OAuth2 {@code error}, e.g. {@code invalid_grant}, {@code invalid_scope}, {@code forbidden}.
   */
  public String error() {
    return response.error();
  }

  /** Maskinporten's code, e.g. {@code MP-124}, when {@code error_uri} carried one. */
  public Optional<String> code() {
    return Optional.ofNullable(response.code());
  }

  /** The trace id from {@code error_description}; Digdir's support can find the request by it. */
  public Optional<String> traceId() {
    return Optional.ofNullable(response.traceId());
  }

  /** The {@code error_description} as sent, when there was one. */
  public Optional<String> description() {
    return Optional.ofNullable(response.description());
  }

  /** The {@code error_uri}, a help page for the code, when there was one. */
  public Optional<URI> errorUri() {
    return Optional.ofNullable(response.errorUri());
  }

  @Override
  MaskinportenException rethrownInCaller() {
    return new MaskinportenErrorException(this);
  }
}
