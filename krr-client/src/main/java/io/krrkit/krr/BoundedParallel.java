package io.krrkit.krr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Runs asynchronous tasks over a list with at most {@code parallelism} in flight, without a thread
 * pool of its own: each finished task starts the next. Results keep the list's order. The first
 * failure fails the whole run and no further task starts.
 */
final class BoundedParallel<T, R> {
  private final List<T> items;
  private final Function<T, CompletableFuture<R>> task;
  private final AtomicReferenceArray<R> results;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger remaining;
  private final CompletableFuture<List<R>> done = new CompletableFuture<>();

  private BoundedParallel(List<T> items, Function<T, CompletableFuture<R>> task) {
    this.items = List.copyOf(items);
    this.task = task;
    this.results = new AtomicReferenceArray<>(items.size());
    this.remaining = new AtomicInteger(items.size());
  }

  /** Applies {@code task} to every item, at most {@code parallelism} at a time. */
  static <T, R> CompletableFuture<List<R>> map(
      List<T> items, int parallelism, Function<T, CompletableFuture<R>> task) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    BoundedParallel<T, R> run = new BoundedParallel<>(items, task);
    if (items.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    for (int i = 0; i < Math.min(parallelism, items.size()); i++) {
      run.startNext();
    }
    return run.done;
  }

  private void startNext() {
    int i = next.getAndIncrement();
    if (i >= items.size() || done.isDone()) {
      return;
    }
    CompletableFuture<R> running;
    try {
      running = task.apply(items.get(i));
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
      return;
    }
    running.whenComplete((result, failure) -> finished(i, result, failure));
  }

  private void finished(int i, R result, Throwable failure) {
    if (failure != null) {
      done.completeExceptionally(failure);
      return;
    }
    results.set(i, result);
    if (remaining.decrementAndGet() == 0) {
      done.complete(collect());
    } else {
      startNext();
    }
  }

  private List<R> collect() {
    List<R> list = new ArrayList<>(results.length());
    for (int i = 0; i < results.length(); i++) {
      list.add(results.get(i));
    }
    return list;
  }
}
