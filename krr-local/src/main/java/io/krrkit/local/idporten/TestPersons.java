package io.krrkit.local.idporten;

import java.util.List;

/** The test persons the login page offers: the active persons of the emulator's register. */
interface TestPersons {
  /**
   * Up to {@code limit} identity numbers starting with {@code prefix} (digits; empty: any), in
   * order.
   */
  List<String> search(String prefix, int limit);
}
