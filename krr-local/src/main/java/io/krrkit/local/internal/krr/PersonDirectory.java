package io.krrkit.local.internal.krr;

import java.util.List;

/**
 * The register's persons as the emulator's log-in pages (ID-porten's and the self-service page's)
 * offer them, like ID-porten's TestID: the identity numbers of active persons starting with what
 * was searched.
 */
public interface PersonDirectory {
  /**
   * Up to {@code limit} identity numbers of active persons starting with the digits of {@code
   * prefix} (null or none: any), in order.
   */
  List<String> active(String prefix, int limit);

  /** True when the register holds {@code pid} (as any status). */
  boolean exists(String pid);

  /** The digits of a search, which identity numbers are matched against; empty for null. */
  static String digits(String prefix) {
    return prefix == null ? "" : prefix.replaceAll("[^0-9]", "");
  }
}
