package io.krrkit.local.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates the schema of an in-memory H2 store. The first store of a JVM is migrated by Flyway; its
 * result, as H2's {@code SCRIPT} writes it (tables, indexes, the rows the migrations insert and
 * Flyway's own history), is kept and replayed into the later ones, which skips Flyway's scan and
 * the migrations' intermediate steps: that is most of an in-process restart (each krr-junit test
 * class). File and PostgreSQL stores always go through Flyway, which also validates them.
 */
final class InMemorySchema {
  private static volatile List<String> script;

  private InMemorySchema() {}

  static void create(DataSource dataSource) {
    List<String> statements = script;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      if (statements != null) {
        for (String sql : statements) {
          s.execute(sql);
        }
        return;
      }
      Flyway.configure().dataSource(dataSource).load().migrate();
      script = capture(s);
    } catch (SQLException e) {
      throw new StoreException("CREATE schema", e);
    }
  }

  private static List<String> capture(Statement s) throws SQLException {
    List<String> statements = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("SCRIPT")) {
      while (rs.next()) {
        String sql = rs.getString(1);
        // The user exists in every new in-memory database already.
        if (!sql.startsWith("CREATE USER")) {
          statements.add(sql);
        }
      }
    }
    return List.copyOf(statements);
  }
}
