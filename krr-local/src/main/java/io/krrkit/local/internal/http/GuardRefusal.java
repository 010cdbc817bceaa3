package io.krrkit.local.internal.http;

/**
 * A request {@link RequestGuards} refuses before any route runs (no operator token, a foreign
 * {@code Origin} or {@code Host}). It travels the one error path like any refusal, so the service
 * that owns the path answers it in its own shape. The message is safe to show.
 */
public final class GuardRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /** A refusal with {@code status} (401 or 403) and a description that says what to do. */
  public GuardRefusal(int status, String description) {
    super(description);
    this.status = status;
  }

  /** 401 or 403. */
  public int status() {
    return status;
  }
}
