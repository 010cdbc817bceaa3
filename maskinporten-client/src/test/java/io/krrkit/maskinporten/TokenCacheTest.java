package io.krrkit.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.Scope;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cache's three states and single flight, with a fetcher the test answers by hand. */
class TokenCacheTest {
  private static final TokenRequest KRR = TokenRequest.of(Scope.KRR_KONTAKTINFORMASJON_READ);
  private static final Duration LIFETIME = Duration.ofSeconds(120);

  private final MutableClock clock = new MutableClock(MaskinportenFixture.T0);
  private final List<CompletableFuture<AccessToken>> fetches = new CopyOnWriteArrayList<>();
  private final RecordingListener listener = new RecordingListener();
  private final TokenCache cache =
      new TokenCache(
          request -> {
            CompletableFuture<AccessToken> fetch = new CompletableFuture<>();
            fetches.add(fetch);
            return fetch;
          },
          clock,
          Duration.ofSeconds(30),
          Duration.ofSeconds(10),
          listener);
  private final ExecutorService callers = Executors.newFixedThreadPool(8);

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  @Test
  void servesAFreshTokenWithoutAnotherFetch() {
    CompletableFuture<AccessToken> first = cache.get(KRR);
    answer(0, token("A", LIFETIME));
    clock.advance(Duration.ofSeconds(89));

    assertThat(first.join().value()).isEqualTo("A");
    assertThat(cache.get(KRR).getNow(null).value()).isEqualTo("A");
    assertThat(fetches).hasSize(1);
    assertThat(listener.events()).containsExactly("miss", "fetched", "hit");
  }

  @Test
  void servesAStaleTokenWhileOneBackgroundFetchReplacesIt() {
    cache.get(KRR);
    answer(0, token("A", LIFETIME));
    clock.advance(Duration.ofSeconds(95));

    List<AccessToken> served =
        List.of(now(cache.get(KRR)), now(cache.get(KRR)), now(cache.get(KRR)));
    answer(1, token("B", LIFETIME));

    assertThat(served).extracting(AccessToken::value).containsOnly("A");
    assertThat(fetches).hasSize(2);
    assertThat(now(cache.get(KRR)).value()).isEqualTo("B");
    assertThat(listener.count("stale")).isEqualTo(3);
  }

  @Test
  void makesCallersWaitForAnExpiredToken() {
    cache.get(KRR);
    answer(0, token("A", LIFETIME));
    clock.advance(Duration.ofSeconds(111));

    CompletableFuture<AccessToken> waiting = cache.get(KRR);

    assertThat(waiting).isNotDone();
    answer(1, token("B", LIFETIME));
    assertThat(waiting.join().value()).isEqualTo("B");
    assertThat(listener.events()).containsExactly("miss", "fetched", "miss", "fetched");
  }

  @Test
  void sharesOneFetchAmongConcurrentCallers() throws Exception {
    CyclicBarrier start = new CyclicBarrier(8);
    List<Future<CompletableFuture<AccessToken>>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(
          callers.submit(
              () -> {
                start.await();
                return cache.get(KRR);
              }));
    }
    List<CompletableFuture<AccessToken>> results = new ArrayList<>();
    for (Future<CompletableFuture<AccessToken>> call : calls) {
      results.add(call.get());
    }

    assertThat(fetches).hasSize(1);
    answer(0, token("A", LIFETIME));
    assertThat(results).allSatisfy(r -> assertThat(r.join().value()).isEqualTo("A"));
  }

  @Test
  void doesNotCacheAFailure() {
    CompletableFuture<AccessToken> failed = cache.get(KRR);
    fetches.get(0).completeExceptionally(transportError());

    assertThat(failed).isCompletedExceptionally();
    cache.get(KRR);
    assertThat(fetches).hasSize(2);
    assertThat(listener.events()).containsExactly("miss", "failed", "miss");
  }

  @Test
  void keepsServingTheStaleTokenWhenTheBackgroundFetchFails() {
    cache.get(KRR);
    answer(0, token("A", LIFETIME));
    clock.advance(Duration.ofSeconds(95));
    cache.get(KRR);
    fetches.get(1).completeExceptionally(transportError());

    assertThat(now(cache.get(KRR)).value()).isEqualTo("A");
    assertThat(fetches).hasSize(3);
    assertThat(listener.events()).containsExactly("miss", "fetched", "stale", "failed", "stale");
  }

  @Test
  void usesShortLivedTokensForHalfTheirLifetime() {
    cache.get(KRR);
    answer(0, token("A", Duration.ofSeconds(20)));
    clock.advance(Duration.ofSeconds(9));

    assertThat(now(cache.get(KRR)).value()).isEqualTo("A");
    assertThat(fetches).hasSize(1);
  }

  @Test
  void keepsOneTokenPerRequest() {
    TokenRequest other = TokenRequest.of(Scope.KRR_DIGITALPOST_READ);
    CompletableFuture<AccessToken> a = cache.get(KRR);
    CompletableFuture<AccessToken> b = cache.get(other);
    answer(0, token("A", LIFETIME));
    answer(1, token("B", LIFETIME));

    assertThat(a.join().value()).isEqualTo("A");
    assertThat(b.join().value()).isEqualTo("B");
    assertThat(now(cache.get(other)).value()).isEqualTo("B");
  }

  @Test
  void fetchesAgainAfterInvalidate() {
    cache.get(KRR);
    answer(0, token("A", LIFETIME));

    cache.invalidate(KRR);
    CompletableFuture<AccessToken> next = cache.get(KRR);
    answer(1, token("B", LIFETIME));

    assertThat(next.join().value()).isEqualTo("B");
  }

  private void answer(int fetch, AccessToken token) {
    fetches.get(fetch).complete(token);
  }

  private AccessToken token(String value, Duration lifetime) {
    return new AccessToken(
        value, clock.instant().plus(lifetime), Set.of(Scope.KRR_KONTAKTINFORMASJON_READ));
  }

  /** The value of a future that must already be complete: a cache hit never waits. */
  private static AccessToken now(CompletableFuture<AccessToken> future) {
    assertThat(future).isDone();
    return future.join();
  }

  private static MaskinportenTransportException transportError() {
    return new MaskinportenTransportException("connection refused", new IOException("refused"));
  }
}
