package io.krrkit.local.internal.krr.jdbc;

import io.krrkit.local.internal.store.Jdbc;
import java.util.List;
import java.util.Objects;

/**
 * The register's persons as the emulator's log-in pages (ID-porten's and the self-service page's)
 * offer them, like ID-porten's TestID: the identity numbers of active persons starting with what
 * was searched. Reads the register's {@code person} table: the register's API does not search by
 * prefix.
 */
public final class TestPersonDirectory {
  private static final String SEARCH =
      "SELECT personidentifikator FROM person WHERE status = 'AKTIV'"
          + " AND personidentifikator LIKE ? ORDER BY personidentifikator LIMIT ?";
  private static final String EXISTS = "SELECT 1 FROM person WHERE personidentifikator = ?";

  private final Jdbc jdbc;

  /** A directory over the register in {@code jdbc}'s database. */
  public TestPersonDirectory(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc == null");
  }

  /**
   * Up to {@code limit} identity numbers of active persons starting with the digits of {@code
   * prefix} (null or none: any), in order.
   */
  public List<String> active(String prefix, int limit) {
    return jdbc.query(SEARCH, rs -> rs.getString(1), digits(prefix) + "%", limit);
  }

  /** True when the register holds {@code pid} (as any status). */
  public boolean exists(String pid) {
    return jdbc.queryOne(EXISTS, rs -> true, pid).isPresent();
  }

  /** The digits of a search, which identity numbers are matched against; empty for null. */
  public static String digits(String prefix) {
    return prefix == null ? "" : prefix.replaceAll("[^0-9]", "");
  }
}
