package io.krrkit.selfservice;

import java.util.List;
import java.util.Optional;

/**
 * The self-service API refused a request: a 4xx or 5xx answer, with what its error envelope says
 * ({@code {"status", "correlation_id", "errors":[{"errorMessage", "fieldIdentifier"}], …}}).
 *
 * <pre>{@code
 * try {
 *   selfService.uploadKeys(clientId, keys);
 * } catch (SelfServiceErrorException e) {
 *   e.errors().forEach(err -> System.err.println(err.field() + ": " + err.message()));
 * }
 * }</pre>
 */
public final class SelfServiceErrorException extends SelfServiceException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String correlationId;
  private final transient List<FieldError> errors;

  SelfServiceErrorException(
      String message, int status, String correlationId, List<FieldError> errors) {
    this(message, status, correlationId, errors, null);
  }

  private SelfServiceErrorException(
      String message, int status, String correlationId, List<FieldError> errors, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.correlationId = correlationId;
    this.errors = List.copyOf(errors);
  }

  /** The HTTP status, e.g. 400 for invalid fields, 403 for a missing scope, 404 for no client. */
  public int status() {
    return status;
  }

  /** The envelope's {@code correlation_id}; quote it when asking Digdir about the error. */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /**
   * Every error the envelope lists, in its order; those naming a request field have {@link
   * FieldError#field()} set. Empty when the answer had no envelope.
   */
  public List<FieldError> errors() {
    return errors;
  }

  /** True for 404: no such client for your organisation. */
  public boolean isNotFound() {
    return status == 404;
  }

  @Override
  SelfServiceErrorException rethrownInCaller() {
    return new SelfServiceErrorException(getMessage(), status, correlationId, errors, this);
  }
}
