package io.krrkit.local;

import io.krrkit.local.internal.journal.JournalQuery;
import io.krrkit.local.internal.journal.JournalRing;
import java.util.List;
import java.util.function.Predicate;

/**
 * The emulator's request journal ({@link Controls#journal()}): the last requests to its services
 * (Maskinporten, KRR, the self-service API, ID-porten, the web page's form posts), newest first,
 * without secrets or personal data (see {@link RecordedRequest}). It keeps {@link
 * KrrLocal.Builder#journalSize} requests and forgets the oldest; {@link Controls#reset()} empties
 * it. Operator API: {@code GET /admin/journal}. Thread-safe.
 *
 * <pre>{@code
 * long tokenCalls = krr.controls().journal().count(RecordedRequest::isTokenRequest);
 * }</pre>
 */
public final class Journal {
  private final JournalRing ring;

  Journal(JournalRing ring) {
    this.ring = ring;
  }

  /** Every request the journal holds, newest first. */
  public List<RecordedRequest> entries() {
    return ring.all(JournalQuery.all(ring.capacity()));
  }

  /** The requests {@code filter} accepts, newest first. */
  public List<RecordedRequest> entries(Predicate<? super RecordedRequest> filter) {
    return entries().stream().filter(filter::test).toList();
  }

  /** How many requests the journal holds that {@code filter} accepts. */
  public long count(Predicate<? super RecordedRequest> filter) {
    return entries().stream().filter(filter::test).count();
  }

  /** Forgets every request recorded so far. */
  public void clear() {
    ring.clear();
  }

  /** How many requests the journal keeps at most. */
  public int capacity() {
    return ring.capacity();
  }

  /**
   * How many requests were recorded since the journal was last cleared, the ones it no longer holds
   * included.
   */
  public long recorded() {
    return ring.recorded();
  }
}
