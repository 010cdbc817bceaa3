package io.krrkit.local.web;

import io.krrkit.local.krr.synthetic.KnownPersons;
import io.krrkit.local.store.Jdbc;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The test persons offered on the log-in page, like ID-porten's TestID: the register's known
 * persons first, then its active persons whose identity number starts with what was searched. Reads
 * the register's {@code person} table: the register's API does not search by prefix.
 */
final class TestPersonDirectory {
  /** How many persons the page lists. */
  static final int LISTED = 12;

  private static final String SEARCH =
      "SELECT personidentifikator FROM person WHERE status = 'AKTIV'"
          + " AND personidentifikator LIKE ? ORDER BY personidentifikator LIMIT ?";
  private static final String EXISTS = "SELECT 1 FROM person WHERE personidentifikator = ?";

  private final Jdbc jdbc;

  TestPersonDirectory(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Up to {@link #LISTED} identity numbers starting with the digits of {@code prefix}. */
  List<String> search(String prefix) {
    String digits = prefix == null ? "" : prefix.replaceAll("[^0-9]", "");
    Set<String> found = new LinkedHashSet<>();
    KnownPersons.ALL.stream()
        .filter(p -> p != KnownPersons.NOT_REGISTERED && p.value().startsWith(digits))
        .forEach(p -> found.add(p.value()));
    found.addAll(jdbc.query(SEARCH, rs -> rs.getString(1), digits + "%", LISTED));
    return found.stream().limit(LISTED).toList();
  }

  /** True when the register holds {@code pid} (as any status). */
  boolean exists(String pid) {
    return jdbc.queryOne(EXISTS, rs -> true, pid).isPresent();
  }
}
