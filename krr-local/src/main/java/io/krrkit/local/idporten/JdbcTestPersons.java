package io.krrkit.local.idporten;

import io.krrkit.local.store.Jdbc;
import java.util.List;

/**
 * {@link TestPersons} read straight from the register's {@code person} table: the login page only
 * needs identity numbers, which the register's API does not search by prefix.
 */
final class JdbcTestPersons implements TestPersons {
  private static final String SEARCH =
      "SELECT personidentifikator FROM person WHERE status = 'AKTIV'"
          + " AND personidentifikator LIKE ? ORDER BY personidentifikator LIMIT ?";

  private final Jdbc jdbc;

  JdbcTestPersons(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<String> search(String prefix, int limit) {
    String digits = prefix == null ? "" : prefix.replaceAll("[^0-9]", "");
    return jdbc.query(SEARCH, rs -> rs.getString(1), digits + "%", limit);
  }
}
