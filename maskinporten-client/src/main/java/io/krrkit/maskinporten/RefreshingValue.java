package io.krrkit.maskinporten;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One cached value that is fresh, stale or expired, refreshed by at most one load at a time (after
 * google-auth's {@code OAuth2Credentials}). Reads take no lock: the entry is immutable and
 * published through a volatile field, and the single in-flight load is claimed with a CAS.
 *
 * @param <T> the cached value
 */
final class RefreshingValue<T> {

  /** How a cached entry stands at a given instant. */
  enum State {
    /** Return it. */
    FRESH,
    /** Return it and start a background load. */
    STALE,
    /** Absent or too close to expiry: wait for a load. */
    EXPIRED
  }

  /**
   * A loaded value with its deadlines.
   *
   * @param staleAt from here on a background load starts
   * @param expiredAt from here on callers wait for a load
   */
  record Entry<T>(T value, Instant staleAt, Instant expiredAt) {
    Entry {
      Objects.requireNonNull(value, "value == null");
      if (staleAt.isAfter(expiredAt)) {
        throw new IllegalArgumentException("staleAt after expiredAt");
      }
    }

    State state(Instant now) {
      if (now.isBefore(staleAt)) {
        return State.FRESH;
      }
      return now.isBefore(expiredAt) ? State.STALE : State.EXPIRED;
    }
  }

  /**
   * What a read found and what the caller gets.
   *
   * @param state the state of the cached entry when read
   * @param value completes with the value: at once unless {@code state} is {@code EXPIRED}
   */
  record Read<T>(State state, CompletableFuture<T> value) {}

  private final Clock clock;
  private final Supplier<CompletableFuture<Entry<T>>> loader;
  private final BiConsumer<T, Throwable> onLoaded;
  private final AtomicReference<CompletableFuture<T>> inFlight = new AtomicReference<>();
  private volatile Entry<T> current;

  /**
   * An empty value; the first read loads.
   *
   * @param loader starts one load
   * @param onLoaded told the value or the error of each load, once the result is in place (so a
   *     listener that reads again sees the new value)
   */
  RefreshingValue(
      Clock clock,
      Supplier<CompletableFuture<Entry<T>>> loader,
      BiConsumer<T, Throwable> onLoaded) {
    this.clock = clock;
    this.loader = loader;
    this.onLoaded = onLoaded;
  }

  /** The value, from the cache when fresh or stale; a stale read starts one background load. */
  Read<T> read() {
    Entry<T> entry = current;
    State state = entry == null ? State.EXPIRED : entry.state(clock.instant());
    return switch (state) {
      case FRESH -> new Read<>(state, CompletableFuture.completedFuture(entry.value()));
      case STALE -> {
        load();
        yield new Read<>(state, CompletableFuture.completedFuture(entry.value()));
      }
      case EXPIRED -> new Read<>(state, load());
    };
  }

  /** Forgets the cached value; the next read loads. A load in flight still lands. */
  void invalidate() {
    current = null;
  }

  /** True when nothing usable is cached and no load runs, so the value can be dropped. */
  boolean isIdleAndExpired() {
    Entry<T> entry = current;
    return inFlight.get() == null
        && (entry == null || entry.state(clock.instant()) == State.EXPIRED);
  }

  /** Joins the load in flight, or starts one; exactly one caller wins the CAS and starts it. */
  private CompletableFuture<T> load() {
    while (true) {
      CompletableFuture<T> running = inFlight.get();
      if (running != null) {
        return running;
      }
      CompletableFuture<T> mine = new CompletableFuture<>();
      if (inFlight.compareAndSet(null, mine)) {
        start(mine);
        return mine;
      }
    }
  }

  private void start(CompletableFuture<T> mine) {
    // A load may have landed between our read and the CAS: it set current before clearing
    // inFlight, so seeing it fresh here means there is nothing to do.
    Entry<T> latest = current;
    if (latest != null && latest.state(clock.instant()) == State.FRESH) {
      inFlight.compareAndSet(mine, null);
      mine.complete(latest.value());
      return;
    }
    CompletableFuture<Entry<T>> loading;
    try {
      loading = loader.get();
    } catch (RuntimeException e) {
      loading = CompletableFuture.failedFuture(e);
    }
    loading.whenComplete((entry, error) -> finish(mine, entry, error));
  }

  private void finish(CompletableFuture<T> mine, Entry<T> entry, Throwable error) {
    Throwable cause = error == null ? null : Transport.unwrap(error);
    if (cause == null) {
      current = entry;
    }
    inFlight.compareAndSet(mine, null);
    try {
      onLoaded.accept(cause == null ? entry.value() : null, cause);
    } finally { // waiting callers must never hang on a failing observer
      if (cause == null) {
        mine.complete(entry.value());
      } else {
        mine.completeExceptionally(cause);
      }
    }
  }
}
