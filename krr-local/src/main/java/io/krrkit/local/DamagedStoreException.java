package io.krrkit.local;

/**
 * The store krr-local was pointed at exists but cannot be used: its file is truncated, corrupt or
 * holds no krr-local schema. Thrown by {@link KrrLocal#start()} instead of starting on a new, empty
 * store; the message names the file and what to do ({@code krr serve} exits with code 5).
 */
public final class DamagedStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** {@code message} names the store and what to do. */
  public DamagedStoreException(String message) {
    super(message);
  }
}
