package io.krrkit.local.internal.state.json;

import io.krrkit.local.internal.state.StateImportException;
import io.krrkit.local.internal.state.StateImportException.Problem;
import java.util.ArrayList;
import java.util.List;

/** The problems one import found so far, in file order. */
final class Problems {
  private final List<Problem> found = new ArrayList<>();

  void add(String file, int line, String message) {
    found.add(new Problem(file, line, message));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new StateImportException(found);
    }
  }
}
