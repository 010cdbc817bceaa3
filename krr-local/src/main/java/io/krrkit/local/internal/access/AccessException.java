package io.krrkit.local.internal.access;

import io.krrkit.local.internal.client.FieldError;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A request about scopes, access or delegations was refused. {@link #reason()} says how and {@link
 * #errors()} lists every problem found, each tied to the request field it concerns; the messages
 * say what to send instead and never show another organisation's data.
 */
public final class AccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the request was refused. */
  public enum Reason {
    /** A value is missing or malformed. */
    INVALID,
    /** The scope, access entry or delegation does not exist, or belongs to another owner. */
    NOT_FOUND,
    /** The caller may not do this (a scope prefix another organisation owns). */
    FORBIDDEN,
    /** The scope exists already (active or deactivated). */
    CONFLICT
  }

  private final Reason reason;
  private final transient List<FieldError> errors;

  AccessException(Reason reason, List<FieldError> errors) {
    super(
        errors.stream().map(FieldError::message).collect(Collectors.joining("; ")),
        null,
        false,
        false);
    this.reason = Objects.requireNonNull(reason, "reason == null");
    this.errors = List.copyOf(errors);
    if (this.errors.isEmpty()) {
      throw new IllegalArgumentException("a refusal needs at least one error");
    }
  }

  static AccessException invalid(String message) {
    return of(Reason.INVALID, null, message);
  }

  static AccessException invalid(String field, String message) {
    return of(Reason.INVALID, field, message);
  }

  static AccessException notFound(String message) {
    return of(Reason.NOT_FOUND, null, message);
  }

  static AccessException forbidden(String field, String message) {
    return of(Reason.FORBIDDEN, field, message);
  }

  static AccessException conflict(String field, String message) {
    return of(Reason.CONFLICT, field, message);
  }

  private static AccessException of(Reason reason, String field, String message) {
    return new AccessException(reason, List.of(new FieldError(field, message)));
  }

  /** How the request was refused. */
  public Reason reason() {
    return reason;
  }

  /** Every problem found, at least one. */
  public List<FieldError> errors() {
    return errors;
  }
}
