package io.krrkit.local.internal.store;

import java.sql.SQLException;

/** A failure of the store. Carries the statement (never its parameters, which may be secret). */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  StoreException(String statement, SQLException cause) {
    super("store failed (" + cause.getSQLState() + ") on: " + statement, cause);
    this.sqlState = cause.getSQLState();
  }

  /** True when a unique or primary key constraint refused the change (SQL state 23505). */
  public boolean isDuplicateKey() {
    return "23505".equals(sqlState);
  }
}
