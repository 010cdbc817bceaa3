package io.krrkit.selfservice;

import java.util.Objects;
import java.util.Optional;

/**
 * One reason the API gave for refusing a request: an entry of the error envelope's {@code errors}
 * ({@code errorMessage}, {@code fieldIdentifier}).
 *
 * @param field the request field it concerns ({@code fieldIdentifier}, e.g. {@code scopes} or
 *     {@code keys[0].kid}), or {@code null} when it concerns the request as a whole
 * @param message what is wrong ({@code errorMessage})
 */
public record FieldError(String field, String message) {

  /** Requires a message. */
  public FieldError {
    Objects.requireNonNull(message, "message == null");
  }

  /** The field, when the error names one. */
  public Optional<String> fieldName() {
    return Optional.ofNullable(field);
  }

  @Override
  public String toString() {
    return field == null ? message : field + ": " + message;
  }
}
