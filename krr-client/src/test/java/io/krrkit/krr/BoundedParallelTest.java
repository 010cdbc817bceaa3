package io.krrkit.krr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class BoundedParallelTest {
  private final Map<Integer, CompletableFuture<String>> started = new ConcurrentHashMap<>();

  private CompletableFuture<String> task(int item) {
    CompletableFuture<String> f = new CompletableFuture<>();
    started.put(item, f);
    return f;
  }

  @Test
  void keepsAtMostTheLimitInFlightAndResultsInListOrder() {
    CompletableFuture<List<String>> all =
        BoundedParallel.map(List.of(0, 1, 2, 3, 4), 2, this::task);
    assertThat(started).containsOnlyKeys(0, 1);

    started.get(1).complete("one");
    assertThat(started).containsOnlyKeys(0, 1, 2);
    started.get(2).complete("two");
    started.get(0).complete("zero");
    assertThat(started).containsOnlyKeys(0, 1, 2, 3, 4);
    started.get(4).complete("four");
    assertThat(all).isNotDone();
    started.get(3).complete("three");

    assertThat(all).isCompletedWithValue(List.of("zero", "one", "two", "three", "four"));
  }

  @Test
  void startsNothingMoreAfterTheFirstFailure() {
    CompletableFuture<List<String>> all = BoundedParallel.map(List.of(0, 1, 2, 3), 2, this::task);

    started.get(0).completeExceptionally(new KrrTransportException("down", null));
    started.get(1).complete("one");

    assertThat(all).isCompletedExceptionally();
    assertThat(started).containsOnlyKeys(0, 1);
  }

  @Test
  void anEmptyListCompletesAtOnce() {
    assertThat(BoundedParallel.map(List.<Integer>of(), 4, this::task))
        .isCompletedWithValue(List.of());
  }
}
