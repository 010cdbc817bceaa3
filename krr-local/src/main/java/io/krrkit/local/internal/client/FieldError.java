package io.krrkit.local.internal.client;

import java.util.Objects;

/**
 * One reason a self-service request was refused, tied to the field of the request it concerns.
 *
 * @param field the request field in JSON terms ({@code scopes}, {@code keys[0].alg}), or {@code
 *     null} when the error concerns the request as a whole
 * @param message what is wrong and what to send instead; never contains secret input
 */
public record FieldError(String field, String message) {
  /** Checks that there is a message. */
  public FieldError {
    Objects.requireNonNull(message, "message == null");
  }

  /** True when the error names a field. */
  public boolean isFieldError() {
    return field != null;
  }
}
