package io.krrkit.local.internal.altinn;

import java.util.Objects;

/**
 * The operator asked the Altinn registers for something they cannot do; the message says what to
 * send and never holds an identity number.
 */
public final class AltinnException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the request was refused. */
  public enum Reason {
    /** A field is missing or malformed (400). */
    INVALID,
    /** Nothing with that id (404). */
    NOT_FOUND,
    /** Exists already (409). */
    CONFLICT
  }

  private final Reason reason;

  private AltinnException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  static AltinnException invalid(String message) {
    return new AltinnException(Reason.INVALID, message);
  }

  static AltinnException notFound(String message) {
    return new AltinnException(Reason.NOT_FOUND, message);
  }

  static AltinnException conflict(String message) {
    return new AltinnException(Reason.CONFLICT, message);
  }

  /** Why. */
  public Reason reason() {
    return reason;
  }
}
