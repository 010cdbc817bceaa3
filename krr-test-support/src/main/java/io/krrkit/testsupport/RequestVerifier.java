package io.krrkit.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Verifies the calls your code made to the emulator, from its request journal: which requests, how
 * many, with which client and answer. krr-junit's {@code krr.verify()} reads the journal of the
 * emulator in the test's JVM, krr-testcontainers' {@code container.verify()} the operator API's
 * {@code GET /admin/journal}; the verifier is the same ({@link JournalSource}). Each filter returns
 * a new verifier; {@link #times}, {@link #atLeast} and {@link #never} fail the test with the
 * requests the journal holds, so the failure says what happened instead.
 *
 * <pre>{@code
 * krr.reset();                       // or krr.verify().clear(), to count from here
 * service.lookUp(id);                // your code, which caches its Maskinporten token
 * service.lookUp(id);
 * krr.verify().tokenRequests().client(clientId).times(1);
 * krr.verify().lookups().status(200).times(2);
 * }</pre>
 *
 * <p>The journal keeps the last {@code journalSize} requests (1 000 unless configured) and holds no
 * secrets or identity numbers ({@link JournalEntry}).
 */
public final class RequestVerifier {
  private final JournalSource journal;
  private final Predicate<JournalEntry> filter;
  private final List<String> description;

  private RequestVerifier(
      JournalSource journal, Predicate<JournalEntry> filter, List<String> description) {
    this.journal = journal;
    this.filter = filter;
    this.description = description;
  }

  /** Every request {@code journal} holds; narrow it with the filters. */
  public static RequestVerifier of(JournalSource journal) {
    return new RequestVerifier(
        Objects.requireNonNull(journal, "journal == null"), r -> true, List.of());
  }

  /** Maskinporten token requests ({@code POST …/token}). */
  public RequestVerifier tokenRequests() {
    return and(JournalEntry::isTokenRequest, "token requests");
  }

  /** KRR lookups ({@code POST …/personer}). */
  public RequestVerifier lookups() {
    return and(JournalEntry::isLookup, "KRR lookups");
  }

  /**
   * Requests to {@code service}: one of {@link JournalEntry#SERVICES} ({@code maskinporten}, {@code
   * kontaktregisteret}, {@code selvbetjening}, {@code idporten}, {@code web}).
   *
   * @throws IllegalArgumentException for another name
   */
  public RequestVerifier service(String service) {
    if (!JournalEntry.SERVICES.contains(service)) {
      throw new IllegalArgumentException(
          "unknown service " + service + "; one of " + JournalEntry.SERVICES);
    }
    return and(r -> r.service().equals(service), "to " + service);
  }

  /** Requests whose path starts with {@code prefix} (such as {@code /kontaktregisteret/rest}). */
  public RequestVerifier path(String prefix) {
    Objects.requireNonNull(prefix, "prefix == null");
    return and(r -> r.path().startsWith(prefix), "under " + prefix);
  }

  /** Requests with the HTTP method {@code method}. */
  public RequestVerifier method(String method) {
    Objects.requireNonNull(method, "method == null");
    return and(r -> r.method().equalsIgnoreCase(method), method);
  }

  /** Requests of the client {@code clientId}. */
  public RequestVerifier client(String clientId) {
    Objects.requireNonNull(clientId, "clientId == null");
    return and(r -> clientId.equals(r.clientId()), "of client " + clientId);
  }

  /** Requests the emulator answered with {@code status}. */
  public RequestVerifier status(int status) {
    return and(r -> r.status() == status, "answered " + status);
  }

  /** Requests {@code filter} accepts. */
  public RequestVerifier matching(Predicate<? super JournalEntry> filter) {
    Objects.requireNonNull(filter, "filter == null");
    return and(filter::test, "matching a filter");
  }

  /** The matching requests, newest first. */
  public List<JournalEntry> requests() {
    return journal.entries().stream().filter(filter).toList();
  }

  /** How many requests match. */
  public long count() {
    return journal.entries().stream().filter(filter).count();
  }

  /**
   * Passes when exactly {@code expected} requests match.
   *
   * @throws AssertionError naming the filter, the count and the requests recorded
   */
  public RequestVerifier times(long expected) {
    long actual = count();
    if (actual != expected) {
      throw failure("exactly " + expected, actual);
    }
    return this;
  }

  /** Passes when at least {@code expected} requests match. */
  public RequestVerifier atLeast(long expected) {
    long actual = count();
    if (actual < expected) {
      throw failure("at least " + expected, actual);
    }
    return this;
  }

  /** Passes when no request matches. */
  public RequestVerifier never() {
    return times(0);
  }

  /** Forgets every request recorded so far, to count from here. */
  public void clear() {
    journal.clear();
  }

  private RequestVerifier and(Predicate<JournalEntry> more, String what) {
    List<String> words = new ArrayList<>(description);
    words.add(what);
    return new RequestVerifier(journal, filter.and(more), List.copyOf(words));
  }

  private AssertionError failure(String expected, long actual) {
    String what = description.isEmpty() ? "requests" : String.join(" ", description);
    StringBuilder message =
        new StringBuilder("expected ")
            .append(expected)
            .append(' ')
            .append(what)
            .append(", but there were ")
            .append(actual)
            .append(". The journal holds (newest first):");
    List<JournalEntry> all = journal.entries();
    all.stream().limit(20).forEach(r -> message.append("\n  ").append(r));
    if (all.size() > 20) {
      message.append("\n  … and ").append(all.size() - 20).append(" more");
    }
    if (all.isEmpty()) {
      message.append(" nothing");
    }
    return new AssertionError(message.toString());
  }
}
