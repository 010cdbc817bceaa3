package io.krrkit.local.internal.store;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure of the store. Carries the SQL state, the vendor error code and the statement's name
 * (verb and table, like {@code INSERT used_grant}), never the driver's message nor the cause: those
 * can quote the values of the row (identity numbers, keys), so logging this exception is safe.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  // H2's error codes (org.h2.api.ErrorCode) that mean the database cannot be used right now.
  private static final Set<Integer> H2_UNAVAILABLE =
      Set.of(
          90007, // OBJECT_CLOSED: the connection died with its database
          90028, // IO_EXCEPTION_1
          90031, // IO_EXCEPTION_2
          90098, // DATABASE_IS_CLOSED (after a write to the file failed)
          90100, // NO_DISK_SPACE_AVAILABLE
          90108, // OUT_OF_MEMORY
          90121 // DATABASE_CALLED_AT_SHUTDOWN
          );
  // SQL state classes: connection exception, insufficient resources (disk full, out of memory,
  // too many connections), operator intervention (shutdown, crash), system error (I/O).
  private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "57", "58");
  private static final Pattern TABLE =
      Pattern.compile(
          "\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|FROM|COPY)\\s+(\\w+)",
          Pattern.CASE_INSENSITIVE);

  private final String sqlState;
  private final int errorCode;
  private final boolean unavailable;

  StoreException(String statement, SQLException cause) {
    this(name(statement), cause.getSQLState(), cause.getErrorCode(), isUnavailable(cause));
  }

  private StoreException(String name, String sqlState, int errorCode, boolean unavailable) {
    super("store failed (SQL state " + sqlState + ", code " + errorCode + ") on: " + name);
    this.sqlState = sqlState;
    this.errorCode = errorCode;
    this.unavailable = unavailable;
  }

  /** A write refused without trying it, because the store failed and has not recovered yet. */
  static StoreException refused(String statement) {
    return new StoreException(
        name(statement) + " (refused: the store failed and has not recovered yet)",
        "08000",
        0,
        true);
  }

  /** True when a unique or primary key constraint refused the change (SQL state 23505). */
  public boolean isDuplicateKey() {
    return "23505".equals(sqlState);
  }

  /**
   * True when the store could not be used rather than refusing this statement: connection lost, I/O
   * error, disk full, database closed or shut down (SQL state classes 08, 53, 57, 58, H2's I/O and
   * closed-database codes, or an {@link IOException} underneath). Callers answer 503 and try again
   * later; the emulator refuses writes until the store works again.
   */
  public boolean unavailable() {
    return unavailable;
  }

  /** The SQL state the driver reported (may be null). */
  public String sqlState() {
    return sqlState;
  }

  static boolean isUnavailable(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if (next instanceof SQLTransientConnectionException
          || next instanceof SQLNonTransientConnectionException
          || next instanceof SQLRecoverableException
          || H2_UNAVAILABLE.contains(next.getErrorCode())) {
        return true;
      }
      String state = next.getSQLState();
      if (state != null
          && state.length() >= 2
          && UNAVAILABLE_CLASSES.contains(state.substring(0, 2))) {
        return true;
      }
      for (Throwable cause = next.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof IOException) {
          return true;
        }
      }
    }
    return false;
  }

  /** Verb and first table of {@code sql} (no values: statements bind them as parameters). */
  static String name(String sql) {
    String trimmed = sql.strip();
    int space = trimmed.indexOf(' ');
    String verb = (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
    Matcher table = TABLE.matcher(trimmed);
    return table.find() ? verb + " " + table.group(2) : verb;
  }
}
