package io.krrkit.krr;

import io.krrkit.core.Personidentifikator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Deterministic valid synthetic identity numbers (month + 80) for tests. */
final class SyntheticIds {
  private SyntheticIds() {}

  /**
   * {@code count} distinct valid synthetic numbers born in 1901, an individual-number range the
   * emulator's generator is unlikely to use, so they read as unknown to the register.
   */
  static List<String> unknown(int count) {
    List<String> ids = new ArrayList<>(count);
    for (int individual = 100; individual <= 499 && ids.size() < count; individual++) {
      for (int month = 81; month <= 92 && ids.size() < count; month++) {
        for (int day = 1; day <= 28 && ids.size() < count; day++) {
          String firstNine = String.format("%02d%02d01%03d", day, month, individual);
          Optional<String> id = Personidentifikator.withControlDigits(firstNine);
          id.ifPresent(ids::add);
        }
      }
    }
    if (ids.size() < count) {
      throw new IllegalArgumentException("cannot make " + count + " numbers");
    }
    return ids;
  }
}
