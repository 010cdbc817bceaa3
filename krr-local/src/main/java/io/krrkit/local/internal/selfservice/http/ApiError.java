package io.krrkit.local.internal.selfservice.http;

import io.krrkit.local.internal.access.AccessException;
import io.krrkit.local.internal.client.ClientRegistryException;
import io.krrkit.local.internal.client.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A refused self-service request, with the HTTP status and the errors for the envelope. The one
 * exception type {@link ErrorResponder} renders; {@link ClientRegistryException}s and {@link
 * AccessException}s become one.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient List<FieldError> errors;
  private final String challenge;
  private final String objectName;

  private ApiError(int status, List<FieldError> errors, String challenge) {
    this(status, errors, challenge, null);
  }

  private ApiError(int status, List<FieldError> errors, String challenge, String objectName) {
    super(errors.stream().map(FieldError::message).collect(Collectors.joining("; ")));
    this.status = status;
    this.errors = List.copyOf(errors);
    this.challenge = challenge;
    this.objectName = objectName;
  }

  static ApiError of(int status, String message) {
    return new ApiError(status, List.of(new FieldError(null, message)), null);
  }

  static ApiError field(String field, String message) {
    return new ApiError(400, List.of(new FieldError(field, message)), null);
  }

  static ApiError unauthorized(String message) {
    return new ApiError(
        401, List.of(new FieldError(null, message)), "Bearer error=\"invalid_token\"");
  }

  static ApiError forbidden(String message, String scope) {
    String challenge = "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\"";
    return new ApiError(403, List.of(new FieldError(null, message)), challenge);
  }

  static ApiError from(ClientRegistryException e) {
    int status = e.reason() == ClientRegistryException.Reason.NOT_FOUND ? 404 : 400;
    return new ApiError(status, e.errors(), null);
  }

  /** A refusal of the scope and access rules, about {@code objectName} (Scope, ScopeAccess). */
  static ApiError from(AccessException e, String objectName) {
    int status =
        switch (e.reason()) {
          case INVALID -> 400;
          case FORBIDDEN -> 403;
          case NOT_FOUND -> 404;
          case CONFLICT -> 409;
        };
    return new ApiError(status, e.errors(), null, objectName);
  }

  int status() {
    return status;
  }

  List<FieldError> errors() {
    return errors;
  }

  /** The {@code objectName} of the envelope's entries, or {@code null} to derive it per field. */
  String objectName() {
    return objectName;
  }

  /** The {@code WWW-Authenticate} value (RFC 6750) for 401 and 403, else {@code null}. */
  String challenge() {
    return challenge;
  }
}
