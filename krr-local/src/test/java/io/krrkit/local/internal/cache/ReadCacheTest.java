package io.krrkit.local.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.local.OffsetClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The age bound and the write counter of {@link ReadCache}, on a clock the test moves: a row is
 * served from the cache for less than {@code maxAge}, never after a write counted on this node, and
 * an absent row is never kept.
 */
class ReadCacheTest {
  private final OffsetClock clock =
      new OffsetClock(Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));
  private final ChangeCounter changes = new ChangeCounter();
  private final ReadCache<String, String> cache =
      new ReadCache<>(changes, clock, ReadCache.MAX_AGE, 3);
  private final Map<String, String> store = new HashMap<>(Map.of("a", "A1"));
  private final AtomicInteger reads = new AtomicInteger();

  private Optional<String> read(String key) {
    reads.incrementAndGet();
    return Optional.ofNullable(store.get(key));
  }

  @Test
  void servesARowFromTheCacheForLessThanTheMaximumAge() {
    assertThat(cache.get("a", this::read)).contains("A1");
    store.put("a", "A2"); // as another node would: no write counted here

    clock.advance(Duration.ofMillis(999));
    assertThat(cache.get("a", this::read)).contains("A1");
    assertThat(reads).hasValue(1);

    clock.advance(Duration.ofMillis(1));
    assertThat(cache.get("a", this::read)).contains("A2");
    assertThat(reads).hasValue(2);
  }

  @Test
  void aWriteCountedOnThisNodeIsSeenByTheNextRead() {
    assertThat(cache.get("a", this::read)).contains("A1");
    store.put("a", "A2");
    changes.changed();

    assertThat(cache.get("a", this::read)).contains("A2");
    assertThat(reads).hasValue(2);
  }

  @Test
  void aRemovedRowIsGoneAfterTheMaximumAgeAndStaysGone() {
    cache.get("a", this::read);
    store.remove("a");

    clock.advance(ReadCache.MAX_AGE);

    assertThat(cache.get("a", this::read)).isEmpty();
    assertThat(cache.get("a", this::read)).isEmpty();
    assertThat(reads).hasValue(3);
  }

  @Test
  void anAbsentRowIsLookedForEveryTime() {
    assertThat(cache.get("b", this::read)).isEmpty();
    store.put("b", "B1"); // added on another node

    assertThat(cache.get("b", this::read)).contains("B1");
    assertThat(reads).hasValue(2);
  }

  @Test
  void aWriteWhileTheRowIsReadLeavesItStale() {
    cache.get(
        "a",
        key -> {
          Optional<String> old = read(key);
          store.put("a", "A2");
          changes.changed(); // committed by another request while this one read
          return old;
        });

    assertThat(cache.get("a", this::read)).contains("A2");
  }

  @Test
  void aClockThatStepsBackMakesEveryRowStale() {
    cache.get("a", this::read);
    store.put("a", "A2");

    clock.advance(Duration.ofMillis(-1));

    assertThat(cache.get("a", this::read)).contains("A2");
  }

  @Test
  void startsOverPastTheMaximumNumberOfRows() {
    store.putAll(Map.of("b", "B", "c", "C", "d", "D"));
    for (String key : new String[] {"a", "b", "c", "d"}) {
      cache.get(key, this::read);
    }
    reads.set(0);

    cache.get("d", this::read);
    cache.get("a", this::read);

    assertThat(reads).as("d kept after starting over, a dropped").hasValue(1);
  }

  @Test
  void refusesABoundOfZero() {
    assertThatThrownBy(() -> new ReadCache<String, String>(changes, clock, Duration.ZERO, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
