package io.krrkit.local.internal.journal;

import io.krrkit.local.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongFunction;

/**
 * The last {@link #capacity()} requests to the emulated services, in memory. Lock-free: adding is
 * one atomic increment and one array store, so the token endpoint pays next to nothing; the oldest
 * entry is overwritten when the ring is full. Readers see a consistent newest-first copy (an entry
 * being overwritten while it is read is left out). Thread-safe.
 */
public final class JournalRing {
  /** Default number of requests kept. */
  public static final int DEFAULT_CAPACITY = 1000;

  /** Largest capacity accepted (about 50 MB of entries at most). */
  public static final int MAX_CAPACITY = 100_000;

  private final AtomicReferenceArray<RecordedRequest> slots;
  private final AtomicLong next = new AtomicLong();
  private final AtomicLong clearedBefore = new AtomicLong();

  /** A ring of {@code capacity} entries (1 to {@value #MAX_CAPACITY}). */
  public JournalRing(int capacity) {
    checkCapacity(capacity);
    this.slots = new AtomicReferenceArray<>(capacity);
  }

  /**
   * Checks a configured capacity.
   *
   * @throws IllegalArgumentException outside 1 to {@value #MAX_CAPACITY}
   */
  public static int checkCapacity(int capacity) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "the journal size must be 1 to " + MAX_CAPACITY + ", was " + capacity);
    }
    return capacity;
  }

  /** How many entries the ring keeps. */
  public int capacity() {
    return slots.length();
  }

  /**
   * Records a request: {@code entry} gets the next sequence number.
   *
   * @return the entry as stored
   */
  public RecordedRequest add(LongFunction<RecordedRequest> entry) {
    long sequence = next.getAndIncrement();
    RecordedRequest stored = entry.apply(sequence);
    slots.set(slot(sequence), stored);
    return stored;
  }

  /** Forgets every entry (later ones are kept as usual). */
  public void clear() {
    clearedBefore.set(next.get());
  }

  /** How many requests were recorded since the last {@link #clear} (kept or overwritten). */
  public long recorded() {
    return next.get() - clearedBefore.get();
  }

  /** How many requests since the last {@link #clear} the ring no longer holds. */
  public long dropped() {
    return Math.max(0, recorded() - capacity());
  }

  /** The entries {@code query} selects, newest first, at most {@code query.limit()}. */
  public List<RecordedRequest> find(JournalQuery query) {
    List<RecordedRequest> found = new ArrayList<>();
    for (RecordedRequest entry : newestFirst()) {
      if (found.size() >= query.limit()) {
        break;
      }
      if (query.matches(entry)) {
        found.add(entry);
      }
    }
    return found;
  }

  /** Every entry the ring holds that {@code query} selects, newest first, without a limit. */
  public List<RecordedRequest> all(JournalQuery query) {
    return newestFirst().stream().filter(query::matches).toList();
  }

  private List<RecordedRequest> newestFirst() {
    long end = next.get();
    long start = Math.max(clearedBefore.get(), end - capacity());
    List<RecordedRequest> entries = new ArrayList<>((int) (end - start));
    for (long sequence = end - 1; sequence >= start; sequence--) {
      RecordedRequest entry = slots.get(slot(sequence));
      // Another sequence number: not yet stored, or overwritten since end was read.
      if (entry != null && entry.sequence() == sequence) {
        entries.add(entry);
      }
    }
    return entries;
  }

  private int slot(long sequence) {
    return (int) (sequence % slots.length());
  }
}
