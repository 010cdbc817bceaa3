package io.krrkit.local.internal.client;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The self-service rules refused a request. {@link #reason()} says how (invalid input, or no such
 * client for the caller) and {@link #errors()} lists every problem found, so a caller can fix them
 * all at once.
 */
public final class ClientRegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the request was refused. */
  public enum Reason {
    /** The request breaks a rule; the errors say which. */
    INVALID,
    /** The caller's organisation has no client with that id. */
    NOT_FOUND
  }

  private static final Pattern SHOWABLE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final Reason reason;
  private final transient List<FieldError> errors;

  ClientRegistryException(Reason reason, List<FieldError> errors) {
    super(describe(errors));
    this.reason = Objects.requireNonNull(reason, "reason == null");
    this.errors = List.copyOf(errors);
    if (this.errors.isEmpty()) {
      throw new IllegalArgumentException("a refusal needs at least one error");
    }
  }

  static ClientRegistryException notFound(String clientId) {
    // Echo the id only when it looks like one: it comes from the URL, unchecked.
    String shown = SHOWABLE_ID.matcher(clientId).matches() ? "Client " + clientId : "The client";
    String message = shown + " was not found for your organisation; list yours with GET /clients";
    return new ClientRegistryException(Reason.NOT_FOUND, List.of(new FieldError(null, message)));
  }

  /** How the request was refused. */
  public Reason reason() {
    return reason;
  }

  /** Every problem found, at least one. */
  public List<FieldError> errors() {
    return errors;
  }

  private static String describe(List<FieldError> errors) {
    return errors.stream().map(FieldError::message).collect(Collectors.joining("; "));
  }
}
