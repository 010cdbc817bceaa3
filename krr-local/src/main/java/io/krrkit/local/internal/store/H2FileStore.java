package io.krrkit.local.internal.store;

import io.krrkit.local.DamagedStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 file store of a data directory, opened so that a crash never leaves it half-made. H2 runs
 * DDL outside transactions, so a migration killed halfway would leave a schema Flyway cannot finish
 * ("Duplicate column name" at every later start). Migrations therefore never run on the store
 * itself: a new store, or a copy of an old one, is migrated in {@code krr-local-staging.mv.db} and
 * then renamed over {@code krr-local.mv.db} in one atomic step. A crash before the rename leaves
 * the store as it was (the staging file is discarded at the next start); after it, the store is
 * complete. A store file that exists but cannot be opened, or holds no krr-local schema, is
 * reported as damaged, never replaced by an empty one.
 */
final class H2FileStore {
  private static final Logger log = LoggerFactory.getLogger(H2FileStore.class);

  static final String NAME = "krr-local";
  static final String STAGING = NAME + "-staging";
  private static final String SUFFIX = ".mv.db";
  // WRITE_DELAY=0: each commit is written to the file before it returns, so an acknowledged write
  // survives kill -9 (H2's default writes up to 500 ms later). TRACE_LEVEL_FILE=0: H2's trace
  // file would keep driver messages, which quote row values.
  private static final String SETTINGS = ";MODE=PostgreSQL;WRITE_DELAY=0;TRACE_LEVEL_FILE=0";
  // H2's error codes (org.h2.api.ErrorCode) for a file it cannot read.
  private static final int FILE_CORRUPTED = 90030;
  private static final int FILE_VERSION_ERROR = 90048;
  private static final int FILE_ENCRYPTION_ERROR = 90049;
  private static final int DATABASE_ALREADY_OPEN = 90020;
  // One start at a time per directory in this JVM (a FileLock is per process).
  private static final Map<Path, Object> STARTING = new ConcurrentHashMap<>();

  private H2FileStore() {}

  /**
   * Makes sure {@code dir} holds a complete store migrated to the latest schema (creating it when
   * missing) and returns its JDBC URL.
   *
   * @throws DamagedStoreException when the store file exists but cannot be used
   */
  static String prepare(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    synchronized (STARTING.computeIfAbsent(absolute, d -> new Object())) {
      try {
        Files.createDirectories(absolute);
        try (FileChannel lockFile =
                FileChannel.open(
                    absolute.resolve(NAME + ".start.lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = lockFile.lock()) {
          prepareLocked(absolute);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare the store in " + absolute, e);
      }
    }
    return url(absolute, NAME);
  }

  static Path file(Path dir) {
    return dir.resolve(NAME + SUFFIX);
  }

  private static void prepareLocked(Path dir) throws IOException {
    deleteStaging(dir);
    Path store = file(dir);
    if (!Files.exists(store)) {
      migrateStaging(dir);
      publish(dir, store);
      log.info("created a new store in {}", store);
      return;
    }
    if (hasPendingMigrations(dir, store)) {
      Files.copy(store, dir.resolve(STAGING + SUFFIX));
      migrateStaging(dir);
      publish(dir, store);
      log.info("migrated the store in {} to the latest schema", store);
    }
  }

  /** Opens the existing store, checks it is one, and tells whether migrations are due. */
  private static boolean hasPendingMigrations(Path dir, Path store) {
    String url = url(dir, NAME) + ";IFEXISTS=TRUE";
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      if (!hasSchemaHistory(c)) {
        throw damaged(store, "it holds no krr-local schema (truncated, or not a krr-local store)");
      }
      MigrationInfoService info = flyway(url).info();
      for (MigrationInfo m : info.all()) {
        if (m.getState().isFailed()) {
          throw damaged(
              store,
              "migration "
                  + m.getVersion()
                  + " ("
                  + m.getDescription()
                  + ") failed halfway in an earlier krr-local");
        }
      }
      return info.pending().length > 0;
    } catch (SQLException e) {
      int code = e.getErrorCode();
      if (code == FILE_CORRUPTED || code == FILE_VERSION_ERROR || code == FILE_ENCRYPTION_ERROR) {
        throw damaged(store, "H2 cannot read it (error " + code + ")");
      }
      if (code == DATABASE_ALREADY_OPEN) {
        throw new IllegalStateException(
            "the store " + store + " is in use by another process; stop that one first");
      }
      throw new StoreException("open " + NAME, e);
    }
  }

  private static boolean hasSchemaHistory(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_NAME = 'flyway_schema_history'")) {
      return rs.next() && rs.getLong(1) > 0;
    }
  }

  private static void migrateStaging(Path dir) {
    String url = url(dir, STAGING);
    flyway(url).migrate();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN"); // closes the file, so the rename moves a complete store
    } catch (SQLException e) {
      throw new StoreException("SHUTDOWN " + STAGING, e);
    }
  }

  /** Renames the staging file over the store, after flushing both to the disk. */
  private static void publish(Path dir, Path store) throws IOException {
    Path staging = dir.resolve(STAGING + SUFFIX);
    try (FileChannel ch = FileChannel.open(staging, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(staging, store, StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true); // the rename itself
    } catch (IOException e) {
      // Not every platform can sync a directory; the rename is atomic all the same.
    }
  }

  private static void deleteStaging(Path dir) throws IOException {
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, STAGING + ".*")) {
      for (Path leftover : leftovers) {
        log.warn("discarding {} left by a start that did not finish", leftover.getFileName());
        Files.delete(leftover);
      }
    }
  }

  private static Flyway flyway(String url) {
    return Flyway.configure().dataSource(url, "sa", "").load();
  }

  private static String url(Path dir, String name) {
    return "jdbc:h2:file:" + dir.resolve(name) + SETTINGS;
  }

  private static DamagedStoreException damaged(Path store, String why) {
    return new DamagedStoreException(
        "The store file "
            + store
            + " is damaged: "
            + why
            + ". krr-local will not start on it, nor replace it with an empty store. Restore it"
            + " from a backup, or move it away to start with a new, empty store.");
  }
}
