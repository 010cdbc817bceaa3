package io.krrkit.local.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

/**
 * An in-memory store made by replaying the schema the build migrated is the store Flyway makes: the
 * same tables, indexes, constraints and rows, and a migration history Flyway validates.
 */
class InMemorySchemaTest {

  @Test
  void replayedStoreEqualsOneFlywayMigrates() throws SQLException {
    String url = InMemorySchema.freshUrl();
    Flyway.configure().dataSource(url, "sa", "").load().migrate();
    List<String> migrated;
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      migrated = InMemorySchema.capture(s);
      s.execute("SHUTDOWN");
    }

    try (Database replayed = Database.h2InMemory()) {
      assertThat(InMemorySchema.built()).as("the script the build writes").isNotEmpty();
      assertThat(withoutRunTimes(script(replayed)))
          .isEqualTo(withoutRunTimes(migrated))
          .anyMatch(sql -> sql.contains("flyway_schema_history"))
          .hasSizeGreaterThan(20);
    }
  }

  /** Flyway's history records when and how fast each migration ran: that alone may differ. */
  private static List<String> withoutRunTimes(List<String> script) {
    return script.stream()
        .map(sql -> sql.replaceAll("TIMESTAMP '[^']*', -?\\d+,", "TIMESTAMP '(when)', (ms),"))
        .toList();
  }

  @Test
  void replayedStoreHasAHistoryFlywayAccepts() {
    try (Database warmUp = Database.h2InMemory();
        Database replayed = Database.h2InMemory()) {
      Flyway flyway = Flyway.configure().dataSource(replayed.dataSource()).load();

      flyway.validate();
      assertThat(flyway.info().pending()).isEmpty();
      assertThat(flyway.info().applied())
          .isNotEmpty()
          .allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
    }
  }

  @Test
  void replayedStoresAreIndependent() throws SQLException {
    try (Database a = Database.h2InMemory();
        Database b = Database.h2InMemory()) {
      try (Connection c = a.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute("UPDATE store_probe SET probed = 42 WHERE id = 1");
      }
      assertThat(probed(b)).isNotEqualTo(42L);
      assertThat(probed(a)).isEqualTo(42L);
    }
  }

  @Test
  void replayedStoreHasItsOwnPopulationRecordAndTheFeedsRestartedSequence() throws SQLException {
    try (Database a = Database.h2InMemory();
        Database b = Database.h2InMemory()) {
      execute(a, "UPDATE register_seed SET population = 7, seed = 9, drawn_at = 1 WHERE id = 1");
      execute(a, "INSERT INTO person_forgotten (personidentifikator) VALUES ('01010112345')");

      assertThat(one(b, "SELECT drawn_at FROM register_seed WHERE id = 1")).isNull();
      assertThat(one(b, "SELECT COUNT(*) FROM person_forgotten")).isEqualTo(0L);
      assertThat(one(a, "SELECT seed FROM register_seed WHERE id = 1")).isEqualTo(9L);
      // Stored writes take change ids above the computed population's (V15__population.sql).
      assertThat(one(b, "SELECT NEXT VALUE FOR person_change_seq")).isEqualTo(211_000_001L);
      assertThat(one(a, "SELECT NEXT VALUE FOR person_change_seq")).isEqualTo(211_000_001L);
    }
  }

  private static void execute(Database db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static Long one(Database db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      long v = rs.getLong(1);
      return rs.wasNull() ? null : v;
    }
  }

  private static long probed(Database db) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT probed FROM store_probe WHERE id = 1")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The store as H2 writes it, without the lines that differ between any two databases. */
  private static List<String> script(Database db) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SCRIPT")) {
      while (rs.next()) {
        String sql = rs.getString(1);
        if (!sql.startsWith("CREATE USER")) {
          lines.add(sql);
        }
      }
    }
    return lines;
  }
}
