package io.krrkit.local.internal.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Rows read from the store, kept for a short, bounded time: what the token endpoint reads on every
 * request (clients, their keys, scopes, access entries).
 *
 * <p>A row is served from the cache only while both hold: it was read less than {@code maxAge} ago
 * by {@code clock}, and this node has written none of the cached tables since ({@link
 * ChangeCounter}). So a change made through this node is seen by the next request, and a change
 * made on another node on the same store within {@code maxAge}. Only rows found are kept: an absent
 * row is looked for in the store every time, so what another node adds works there at once.
 *
 * <p>{@code clock} should be real time, not the emulator's clock: tests and the operator freeze and
 * move that one, and the bound is about seconds between nodes. A clock that steps back makes every
 * entry stale. Thread-safe; bounded by starting over when {@code maxEntries} is reached.
 */
public final class ReadCache<K, V> {
  /**
   * How long a row read from the store is served at most: a change another node makes on the same
   * store is seen here within this time.
   */
  public static final Duration MAX_AGE = Duration.ofSeconds(1);

  /** More rows than the token endpoint reads of any one kind; past it the cache starts over. */
  public static final int MAX_ENTRIES = 10_000;

  private record Entry<V>(V value, long readAtMillis, long writesBefore) {}

  private final ChangeCounter changes;
  private final Clock clock;
  private final long maxAgeMillis;
  private final int maxEntries;
  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

  /** Keeps rows up to {@code maxAge} and until {@code changes} counts a write. */
  public ReadCache(ChangeCounter changes, Clock clock, Duration maxAge, int maxEntries) {
    this.changes = Objects.requireNonNull(changes, "changes == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.maxAgeMillis = maxAge.toMillis();
    this.maxEntries = maxEntries;
    if (maxAgeMillis <= 0 || maxEntries <= 0) {
      throw new IllegalArgumentException("maxAge and maxEntries must be positive");
    }
  }

  /**
   * The row for {@code key}: from the cache while it is fresh, else from {@code load} (the store),
   * kept when found.
   */
  public Optional<V> get(K key, Function<K, Optional<V>> load) {
    // Read the count and the time before the store: a write or a change on another node that
    // commits while the row is read makes the entry stale, never fresh for longer.
    long writes = changes.current();
    long now = clock.millis();
    Entry<V> cached = entries.get(key);
    if (cached != null && cached.writesBefore() == writes) {
      long age = now - cached.readAtMillis();
      if (age >= 0 && age < maxAgeMillis) {
        return Optional.of(cached.value());
      }
    }
    Optional<V> read = load.apply(key);
    if (read.isPresent()) {
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
      entries.put(key, new Entry<>(read.get(), now, writes));
    } else if (cached != null) {
      entries.remove(key, cached);
    }
    return read;
  }
}
