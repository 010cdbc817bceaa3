package io.krrkit.local.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The few JDBC moves the repositories need, with parameters bound in order and {@link SQLException}
 * turned into {@link StoreException}. Keeps repositories to their SQL. With a {@link WriteGate} (as
 * {@link Database#jdbc()} gives), writes are refused while the store is failed.
 *
 * <p>{@link #atomically} runs work of many repositories as one transaction: while it runs, every
 * statement on its thread goes to its connection, and each write and {@link #inTransaction} there
 * sits in a savepoint, so a refused statement (a duplicate key the caller handles) leaves the rest
 * of the transaction usable, on PostgreSQL too.
 */
public final class Jdbc {
  private static final String TRANSACTION = "transaction";

  private final DataSource dataSource;
  private final WriteGate gate;
  private final ThreadLocal<Connection> ambient = new ThreadLocal<>();
  private final LongAdder queries = new LongAdder();

  /** Uses connections from {@code dataSource}, with no write gate. */
  public Jdbc(DataSource dataSource) {
    this(dataSource, null);
  }

  /** Uses connections from {@code dataSource}; {@code gate} (may be null) guards the writes. */
  public Jdbc(DataSource dataSource, WriteGate gate) {
    this.dataSource = dataSource;
    this.gate = gate;
  }

  /** Maps one row. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Work done on one connection inside a transaction. */
  @FunctionalInterface
  public interface TransactionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs a query and maps every row. */
  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    queries.increment();
    Connection joined = ambient.get();
    if (joined != null) {
      try {
        return rows(joined, sql, mapper, params);
      } catch (SQLException e) {
        throw failure(sql, e);
      }
    }
    try (Connection c = dataSource.getConnection()) {
      return rows(c, sql, mapper, params);
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  private static <T> List<T> rows(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, params);
        ResultSet rs = ps.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(mapper.map(rs));
      }
      return rows;
    }
  }

  /**
   * How many queries ({@link #query}, {@link #queryOne}) this store ran since it opened: how tests
   * and benchmarks see how many round trips a request costs.
   */
  public long queries() {
    return queries.sum();
  }

  /** Runs a query expected to give at most one row. */
  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = query(sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** Runs an insert, update or delete; returns the number of rows changed. */
  public int update(String sql, Object... params) {
    beforeWrite(sql);
    if (ambient.get() != null) {
      return inSavepoint(
          ambient.get(),
          sql,
          c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
              return ps.executeUpdate();
            }
          });
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = prepare(c, sql, params)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /**
   * Runs an insert that a primary or unique key may refuse: true when the row went in, false when
   * the key was taken (another node or request got there first). Other failures throw.
   */
  public boolean insertUnlessTaken(String sql, Object... params) {
    try {
      return update(sql, params) == 1;
    } catch (StoreException e) {
      if (e.isDuplicateKey()) {
        return false;
      }
      throw e;
    }
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back if it throws. */
  public <T> T inTransaction(TransactionWork<T> work) {
    beforeWrite(TRANSACTION);
    Connection joined = ambient.get();
    if (joined != null) {
      return inSavepoint(joined, TRANSACTION, work);
    }
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      T result;
      try {
        result = work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollback(c, e); // the pool resets auto-commit when the connection comes back
        throw e;
      }
      c.setAutoCommit(autoCommit);
      return result;
    } catch (SQLException e) {
      throw failure(TRANSACTION, e);
    } catch (StoreException e) {
      noteFailure(e);
      throw e;
    }
  }

  /**
   * Runs {@code work} as one transaction: every statement the repositories make on this thread
   * meanwhile joins it. Committed when {@code work} returns, rolled back when it throws, so either
   * everything it wrote is kept or nothing. Nested calls join the outer one.
   */
  public <T> T atomically(Supplier<T> work) {
    if (ambient.get() != null) {
      return work.get();
    }
    beforeWrite(TRANSACTION);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      ambient.set(c);
      T result;
      try {
        result = work.get();
        c.commit();
      } catch (SQLException | RuntimeException | Error e) {
        rollback(c, e);
        throw e;
      } finally {
        ambient.remove();
      }
      c.setAutoCommit(true);
      return result;
    } catch (SQLException e) {
      throw failure(TRANSACTION, e);
    } catch (StoreException e) {
      noteFailure(e);
      throw e;
    }
  }

  private <T> T inSavepoint(Connection c, String statement, TransactionWork<T> work) {
    try {
      Savepoint savepoint = c.setSavepoint();
      try {
        T result = work.run(c);
        c.releaseSavepoint(savepoint);
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback(savepoint);
        throw e;
      }
    } catch (SQLException e) {
      throw failure(statement, e);
    }
  }

  /**
   * A connection in a transaction of its own (auto-commit off), for work that must hold a lock
   * across calls; the caller rolls back or commits and closes it.
   */
  public Connection transactionConnection(String purpose) {
    beforeWrite(purpose);
    try {
      Connection c = dataSource.getConnection();
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      throw failure(purpose, e);
    }
  }

  /** Turns a failure of work done on a {@link #transactionConnection} into a store failure. */
  public StoreException failed(String statement, SQLException e) {
    return failure(statement, e);
  }

  private void beforeWrite(String statement) {
    if (gate != null) {
      gate.beforeWrite(statement);
    }
  }

  private StoreException failure(String statement, SQLException e) {
    StoreException failure = new StoreException(statement, e);
    noteFailure(failure);
    return failure;
  }

  private void noteFailure(StoreException e) {
    if (gate != null) {
      gate.failed(e);
    }
  }

  // A rollback on a dead connection fails too; the first failure is the one to report.
  private static void rollback(Connection c, Throwable first) {
    try {
      c.rollback();
    } catch (SQLException e) {
      first.addSuppressed(new StoreException(TRANSACTION, e));
    }
  }

  /** Prepares {@code sql} on {@code c} with {@code params} bound in order. */
  public static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
    return ps;
  }
}
