package io.krrkit.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs the racers of a concurrency test on real threads, released together by a barrier so their
 * requests really overlap. How many trials a race test runs comes from {@code -Dkrr.race.trials}
 * (default {@value #DEFAULT_TRIALS}); raise it to hunt a rare interleaving.
 *
 * <pre>{@code
 * List<Answer> answers = Race.run(32, i -> fx.token(grant));   // 32 threads, one start
 * }</pre>
 */
public final class Race {
  /** Trials per race and engine when {@code -Dkrr.race.trials} is not set. */
  public static final int DEFAULT_TRIALS = 20;

  private static final long TIMEOUT_SECONDS = 60;

  private Race() {}

  /** How many trials each race test runs. */
  public static int trials() {
    return Integer.getInteger("krr.race.trials", DEFAULT_TRIALS);
  }

  /**
   * Runs {@code racer} for 0 … {@code threads}-1, each on its own thread, all starting at once;
   * returns their results in racer order.
   */
  public static <T> List<T> run(int threads, IntFunction<T> racer) {
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> running = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int racerIndex = i;
        running.add(
            pool.submit(
                () -> {
                  start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                  return racer.apply(racerIndex);
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> racing : running) {
        results.add(racing.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while racing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof BrokenBarrierException) {
        throw new IllegalStateException("a racer did not reach the start", e.getCause());
      }
      throw new IllegalStateException("a racer failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("a racer hung for " + TIMEOUT_SECONDS + " s", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
