package io.krrkit.local.internal.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The emulator's store: a pooled JDBC data source (embedded H2 by default, PostgreSQL by URL) with
 * the schema migrated by Flyway from {@code classpath:db/migration} (an in-memory store replays the
 * schema the build migrated, {@link InMemorySchema}). SQL in the repositories stays portable across
 * H2 and PostgreSQL. Commits are durable: an acknowledged write survives a crash of the process (H2
 * writes each commit to its file; PostgreSQL commits synchronously). Once the store fails (disk
 * full, I/O error, connection lost), {@link #jdbc()} refuses writes until a probe write succeeds
 * again ({@link WriteGate}).
 */
public final class Database implements AutoCloseable {
  /** How often a failed store is probed, at most. */
  static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

  private static final String PROBE = "UPDATE store_probe SET probed = ? WHERE id = 1";

  private final HikariDataSource dataSource;
  private final Clock clock;
  private final boolean postgres;
  private final WriteGate gate;
  private final Jdbc jdbc;

  private Database(String jdbcUrl, String user, String password, Clock clock, boolean inMemory) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(16);
    // A store that is gone answers within seconds (503), rather than after Hikari's 30 s.
    config.setConnectionTimeout(10_000);
    config.setPoolName("krr-local");
    this.dataSource = new HikariDataSource(config);
    this.clock = clock;
    this.postgres = jdbcUrl.startsWith("jdbc:postgresql:");
    if (inMemory) {
      InMemorySchema.create(dataSource);
    } else {
      Flyway.configure().dataSource(dataSource).load().migrate();
    }
    this.gate = new WriteGate(new StoreProbe(), clock, PROBE_INTERVAL);
    this.jdbc = new Jdbc(dataSource, gate);
  }

  /**
   * An H2 file database in {@code dir} (created when missing), kept across restarts.
   *
   * @throws io.krrkit.local.DamagedStoreException when its file exists but cannot be used
   */
  public static Database h2File(Path dir) {
    return new Database(H2FileStore.prepare(dir), "sa", "", Clock.systemUTC(), false);
  }

  /** A private in-memory H2 database that lives as long as this object. */
  public static Database h2InMemory() {
    return new Database(InMemorySchema.freshUrl(), "sa", "", Clock.systemUTC(), true);
  }

  /** Any JDBC URL (PostgreSQL: {@code jdbc:postgresql://host/db}). */
  public static Database connect(String jdbcUrl, String user, String password) {
    return new Database(jdbcUrl, user, password, Clock.systemUTC(), false);
  }

  /** The pooled data source repositories use. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** The statements of the repositories, with writes refused while the store is failed. */
  public Jdbc jdbc() {
    return jdbc;
  }

  /**
   * True when a connection answers within two seconds and writes are not refused: the store is
   * reachable and migrated (migrations run before this object exists).
   */
  public boolean isReady() {
    if (gate.isClosed()) {
      return false;
    }
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (java.sql.SQLException | RuntimeException e) {
      return false;
    }
  }

  /** The gate that refuses writes while the store is failed. */
  public WriteGate writeGate() {
    return gate;
  }

  /** True when the store is PostgreSQL (for the rare statement that differs, like bulk COPY). */
  public boolean isPostgres() {
    return postgres;
  }

  @Override
  public void close() {
    dataSource.close();
  }

  /** Writes one row and commits; drops pooled connections that died with the store. */
  private final class StoreProbe implements WriteGate.Probe {
    @Override
    public void write() throws Exception {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps = c.prepareStatement(PROBE)) {
        ps.setLong(1, clock.millis());
        if (ps.executeUpdate() != 1) {
          throw new IllegalStateException("store_probe has no row");
        }
      }
    }

    @Override
    public void evictConnections() {
      HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
      if (pool != null) {
        pool.softEvictConnections();
      }
    }
  }
}
