package io.krrkit.local.internal.cache;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the writes this node made to a group of tables, so the {@link ReadCache}s of those tables
 * drop, at once, every row read before a write: the repositories of the tables call {@link
 * #changed()} after each write (and the wiring after each transaction that spans repositories
 * commits). Other nodes' writes are not seen here; {@link ReadCache}'s age bound covers those.
 * Thread-safe.
 */
public final class ChangeCounter {
  private final AtomicLong writes = new AtomicLong();

  /** The number of writes so far; a cached row read at an older count is not served. */
  public long current() {
    return writes.get();
  }

  /** Marks a write (committed, or about to be): rows cached before it are read again. */
  public void changed() {
    writes.incrementAndGet();
  }
}
