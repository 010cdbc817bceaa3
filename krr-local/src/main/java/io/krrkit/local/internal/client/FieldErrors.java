package io.krrkit.local.internal.client;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one request so they are reported together, not one per round trip. */
final class FieldErrors {
  private final List<FieldError> errors = new ArrayList<>();

  /** Records that {@code field} is wrong; {@code message} says how to fix it. */
  void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  int size() {
    return errors.size();
  }

  /** Throws {@link ClientRegistryException} (INVALID) when anything was recorded. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ClientRegistryException(ClientRegistryException.Reason.INVALID, errors);
    }
  }
}
