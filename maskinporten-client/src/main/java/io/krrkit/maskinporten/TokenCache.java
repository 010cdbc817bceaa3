package io.krrkit.maskinporten;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens by {@link TokenRequest} (one client per cache, so the request is the whole key). Each
 * token is fresh until {@code refreshMargin} before expiry, then stale (handed out while one
 * background request replaces it), and expired {@code expiryMargin} before expiry (callers wait). A
 * cache hit is a map read and a volatile read; no lock is held across HTTP.
 */
final class TokenCache {
  private static final Logger log = LoggerFactory.getLogger(TokenCache.class);

  /** Below this many entries, expired ones are not worth sweeping. */
  private static final int SWEEP_THRESHOLD = 64;

  private final ConcurrentHashMap<TokenRequest, RefreshingValue<AccessToken>> tokens =
      new ConcurrentHashMap<>();
  private final Function<TokenRequest, CompletableFuture<AccessToken>> fetcher;
  private final Clock clock;
  private final Duration refreshMargin;
  private final Duration expiryMargin;
  private final MaskinportenListener listener;

  TokenCache(
      Function<TokenRequest, CompletableFuture<AccessToken>> fetcher,
      Clock clock,
      Duration refreshMargin,
      Duration expiryMargin,
      MaskinportenListener listener) {
    this.fetcher = fetcher;
    this.clock = clock;
    this.refreshMargin = refreshMargin;
    this.expiryMargin = expiryMargin;
    this.listener = listener;
  }

  /** A token for {@code request}: cached, or from the one request in flight for it. */
  CompletableFuture<AccessToken> get(TokenRequest request) {
    RefreshingValue.Read<AccessToken> read = slot(request).read();
    switch (read.state()) {
      case FRESH -> listener.cacheHit(request);
      case STALE -> listener.cacheStale(request);
      case EXPIRED -> listener.cacheMiss(request);
    }
    return read.value();
  }

  /** Forgets the token for {@code request}, e.g. after an API rejected it. */
  void invalidate(TokenRequest request) {
    RefreshingValue<AccessToken> slot = tokens.get(request);
    if (slot != null) {
      slot.invalidate();
    }
  }

  /** Forgets every token. */
  void invalidateAll() {
    tokens.values().forEach(RefreshingValue::invalidate);
  }

  private RefreshingValue<AccessToken> slot(TokenRequest request) {
    RefreshingValue<AccessToken> slot = tokens.get(request); // lock-free on a hit
    if (slot != null) {
      return slot;
    }
    return tokens.computeIfAbsent(
        request, r -> new RefreshingValue<>(clock, () -> fetch(r), (t, e) -> loaded(r, t, e)));
  }

  private CompletableFuture<RefreshingValue.Entry<AccessToken>> fetch(TokenRequest request) {
    Instant started = clock.instant();
    return fetcher.apply(request).thenApply(token -> entry(token, started));
  }

  private void loaded(TokenRequest request, AccessToken token, Throwable error) {
    if (error == null) {
      fetched(request, token);
    } else {
      failed(request, error);
    }
    sweep();
  }

  /**
   * Deadlines from the margins, each at most half the token's lifetime, so a scope with short-lived
   * tokens still gets some use out of each.
   */
  private RefreshingValue.Entry<AccessToken> entry(AccessToken token, Instant started) {
    Duration half = Duration.between(started, token.expiresAt()).dividedBy(2);
    Instant staleAt = token.expiresAt().minus(min(refreshMargin, half));
    Instant expiredAt = token.expiresAt().minus(min(expiryMargin, half));
    return new RefreshingValue.Entry<>(token, staleAt, expiredAt);
  }

  private void fetched(TokenRequest request, AccessToken token) {
    log.debug(
        "Fetched a Maskinporten token for {}, expires {}", request.scopes(), token.expiresAt());
    listener.tokenFetched(request, token);
  }

  private void failed(TokenRequest request, Throwable error) {
    // Debug only: the waiting caller gets the exception, and listeners see every failure; a
    // warning here would report the same error twice.
    log.debug("Maskinporten token request for {} failed: {}", request.scopes(), error.getMessage());
    if (error instanceof MaskinportenException e) {
      listener.tokenFetchFailed(request, e);
    }
  }

  /** Drops idle expired entries, so per-pid tokens do not pile up. */
  private void sweep() {
    if (tokens.size() > SWEEP_THRESHOLD) {
      tokens.entrySet().removeIf(e -> e.getValue().isIdleAndExpired());
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
