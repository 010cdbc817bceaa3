package io.krrkit.local.access;

import java.util.Objects;

/**
 * An operator request about scopes, access or delegations was refused; the message says what to
 * send instead.
 */
public final class AccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the request was refused. */
  public enum Reason {
    /** A value is missing or malformed. */
    INVALID,
    /** The scope, access entry or delegation does not exist. */
    NOT_FOUND
  }

  private final Reason reason;

  AccessException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  static AccessException invalid(String message) {
    return new AccessException(Reason.INVALID, message);
  }

  static AccessException notFound(String message) {
    return new AccessException(Reason.NOT_FOUND, message);
  }

  /** How the request was refused. */
  public Reason reason() {
    return reason;
  }
}
