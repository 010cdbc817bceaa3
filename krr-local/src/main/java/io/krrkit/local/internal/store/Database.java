package io.krrkit.local.internal.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The emulator's store: a pooled JDBC data source (embedded H2 by default, PostgreSQL by URL) with
 * the schema migrated by Flyway from {@code classpath:db/migration}. SQL in the repositories stays
 * portable across H2 and PostgreSQL.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final boolean postgres;

  private Database(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(16);
    config.setPoolName("krr-local");
    this.dataSource = new HikariDataSource(config);
    this.postgres = jdbcUrl.startsWith("jdbc:postgresql:");
    Flyway.configure().dataSource(dataSource).load().migrate();
  }

  /** An H2 file database in {@code dir} (created when missing), kept across restarts. */
  public static Database h2File(Path dir) {
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("krr-local") + ";MODE=PostgreSQL";
    return new Database(url, "sa", "");
  }

  /** A private in-memory H2 database that lives as long as this object. */
  public static Database h2InMemory() {
    String url = "jdbc:h2:mem:krr-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL";
    return new Database(url, "sa", "");
  }

  /** Any JDBC URL (PostgreSQL: {@code jdbc:postgresql://host/db}). */
  public static Database connect(String jdbcUrl, String user, String password) {
    return new Database(jdbcUrl, user, password);
  }

  /** The pooled data source repositories use. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** True when the store is PostgreSQL (for the rare statement that differs, like bulk COPY). */
  public boolean isPostgres() {
    return postgres;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
