package io.krrkit.local.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates the schema of an in-memory H2 store without running Flyway. The build migrates an empty
 * in-memory H2 with Flyway and writes the result, as H2's {@code SCRIPT} gives it (tables, indexes,
 * the rows the migrations insert and Flyway's own history), into {@value #RESOURCE} beside this
 * class ({@link #main}, run by exec-maven-plugin in {@code process-classes}); every in-memory store
 * replays it, which skips loading Flyway, scanning the migrations and their intermediate steps (0.2
 * to 0.3 s of a cold start). Classes compiled without that step (an IDE) have no script: then the
 * JVM's first in-memory store is migrated by Flyway and its result is replayed into the later ones.
 * File and PostgreSQL stores always go through Flyway, which also validates them.
 */
public final class InMemorySchema {
  /** The script's resource name, beside this class. */
  static final String RESOURCE = "in-memory-schema.sql";

  private static final java.util.logging.Logger QUIET_BUILD =
      java.util.logging.Logger.getLogger("org.flywaydb");

  private static volatile List<String> script;

  private InMemorySchema() {}

  /**
   * Writes the script to {@code args[0]}: the build's step, so that the shipped script is always
   * the one the migrations on the same classpath make.
   */
  public static void main(String[] args) throws SQLException, IOException {
    // In the build's JVM Flyway logs each migration through java.util.logging: only its warnings.
    QUIET_BUILD.setLevel(java.util.logging.Level.WARNING);
    String url = freshUrl();
    Flyway.configure().dataSource(url, "sa", "").load().migrate();
    StringBuilder out = new StringBuilder();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      for (String sql : capture(s)) {
        // Each statement after its length, so none needs escaping (they span lines).
        out.append(sql.length()).append('\n').append(sql).append('\n');
      }
      s.execute("SHUTDOWN");
    }
    Path file = Path.of(args[0]);
    Files.createDirectories(file.getParent());
    Files.writeString(file, out, StandardCharsets.UTF_8);
  }

  static void create(DataSource dataSource) {
    List<String> statements = statements();
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

  /** The build's script, or the first store's; null when neither exists yet. */
  private static List<String> statements() {
    List<String> statements = script;
    if (statements == null) {
      statements = built();
      script = statements;
    }
    return statements;
  }

  /** The script the build wrote, or null when these classes were compiled without it. */
  static List<String> built() {
    try (InputStream in = InMemorySchema.class.getResourceAsStream(RESOURCE)) {
      return in == null ? null : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> parse(String text) {
    List<String> statements = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int newline = text.indexOf('\n', at);
      int length = Integer.parseInt(text.substring(at, newline));
      statements.add(text.substring(newline + 1, newline + 1 + length));
      at = newline + 1 + length + 1;
    }
    return List.copyOf(statements);
  }

  /** The schema and rows of the database behind {@code s}, as statements that recreate them. */
  static List<String> capture(Statement s) throws SQLException {
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

  /** A fresh in-memory database's URL, as {@link Database#h2InMemory()} opens it. */
  static String freshUrl() {
    return "jdbc:h2:mem:krr-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL";
  }
}
