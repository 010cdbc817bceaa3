package io.krrkit.krr;

import io.krrkit.core.krr.Person;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Looks up a stream of identity numbers of any length, with memory bounded by a window of batches
 * rather than by the input: reads lines in batches of up to 1000 (the client's batch size), keeps
 * {@link Builder#maxInFlightBatches} of them in flight, and hands every row to a {@link BulkSink}
 * in input order. A batch's answer frees its place in the window before its rows go to the sink, so
 * the window stays full while the sink writes; reading waits while the window is full, so a slow
 * sink slows the lookup instead of filling memory (at most the window and the batch being written
 * are held).
 *
 * <p>Invalid numbers become {@link BulkRow.Rejected} rows and do not stop the run. Requests use the
 * {@link KrrClient}'s batching, retries and token handling; a batch that still fails after its
 * retries stops the run with that {@link KrrException}, after every row before the batch has
 * reached the sink, so nothing is silently dropped and a caller that records progress in {@link
 * BulkSink#batchDone} can resume after the last row it wrote.
 *
 * <pre>{@code
 * BulkLookup bulk = BulkLookup.builder(krr)
 *     .maxInFlightBatches(4)
 *     .expectedTotal(lineCount)
 *     .progress(p -> log.info("{} done, {}/s", p.done(), p.ratePerSecond()))
 *     .build();
 * BulkSummary summary = bulk.run(inputs, row -> write(row));
 * }</pre>
 */
public final class BulkLookup {
  private final KrrClient krr;
  private final int maxInFlight;
  private final OptionalLong expectedTotal;
  private final BulkProgress progress;
  private final Clock clock;

  private BulkLookup(Builder b) {
    this.krr = b.krr;
    this.maxInFlight = b.maxInFlight;
    this.expectedTotal = b.expectedTotal;
    this.progress = b.progress;
    this.clock = b.clock;
  }

  /** A builder for lookups through {@code krr}. */
  public static Builder builder(KrrClient krr) {
    return new Builder(Objects.requireNonNull(krr, "krr == null"));
  }

  /**
   * Looks up every input in order, giving {@code sink} one row per input.
   *
   * @return the counts of all rows
   * @throws KrrException when a batch fails after its retries; rows before it have been delivered
   * @throws IOException when the sink fails
   */
  public BulkSummary run(Iterator<BulkInput> inputs, BulkSink sink) throws IOException {
    Objects.requireNonNull(inputs, "inputs == null");
    Objects.requireNonNull(sink, "sink == null");
    Instant started = clock.instant();
    BulkSummary.Tally tally = new BulkSummary.Tally();
    Deque<BulkBatch> window = new ArrayDeque<>(maxInFlight);
    long batches = 0;
    try {
      batches = fill(window, inputs, batches);
      while (!window.isEmpty()) {
        BulkBatch head = window.removeFirst();
        Map<String, Person> answered = await(head);
        // The next batch goes out before this one is written, so the window stays full while the
        // sink works: against a slow server, throughput is the window over the answer time.
        batches = fill(window, inputs, batches);
        for (BulkRow row : head.rows(answered)) {
          sink.accept(row);
          tally.add(row);
        }
        sink.batchDone(tally.summary());
        progress.update(
            new BulkProgress.Snapshot(
                tally.rows(), expectedTotal, Duration.between(started, clock.instant())));
      }
    } finally {
      window.forEach(b -> b.answer().cancel(true));
    }
    return tally.summary();
  }

  private long fill(Deque<BulkBatch> window, Iterator<BulkInput> inputs, long started) {
    long count = started;
    while (window.size() < maxInFlight && inputs.hasNext()) {
      BulkBatch batch = read(inputs);
      count++;
      batch.answer(
          batch.distinctIds() == 0
              ? CompletableFuture.completedFuture(Map.of())
              : krr.lookupBatch(batch.ids(), "bulk batch " + count));
      window.addLast(batch);
    }
    return count;
  }

  private BulkBatch read(Iterator<BulkInput> inputs) {
    BulkBatch batch = new BulkBatch();
    while (batch.lines() < krr.batchSize() && inputs.hasNext()) {
      BulkInput input = Objects.requireNonNull(inputs.next(), "inputs gave null");
      KrrInvalidInputException.Problem problem = krr.identifierCheck().problem(input.value());
      if (problem == null) {
        batch.add(input);
      } else {
        batch.reject(
            input,
            new BulkRow.Rejected(input.line(), input.value(), problem.rule(), problem.message()));
      }
    }
    return batch;
  }

  private static Map<String, Person> await(BulkBatch batch) {
    try {
      return batch.answer().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KrrTransportException("Interrupted while waiting for KRR; bulk lookup stopped", e);
    } catch (ExecutionException e) {
      throw KrrClient.unchecked(e.getCause());
    }
  }

  /** Configures a {@link BulkLookup}; everything has a default. */
  public static final class Builder {
    private final KrrClient krr;
    private int maxInFlight;
    private OptionalLong expectedTotal = OptionalLong.empty();
    private BulkProgress progress = BulkProgress.NONE;
    private Clock clock = Clock.systemUTC();

    private Builder(KrrClient krr) {
      this.krr = krr;
      this.maxInFlight = krr.maxParallelBatches();
    }

    /**
     * Batches sent and not yet answered at once, 1 to {@value
     * KrrClient.Builder#MAX_PARALLEL_BATCHES}; bounds memory to this many batches and the one the
     * sink is writing. Default: the client's {@code maxParallelBatches}.
     */
    public Builder maxInFlightBatches(int max) {
      if (max < 1 || max > KrrClient.Builder.MAX_PARALLEL_BATCHES) {
        throw new IllegalArgumentException(
            "maxInFlightBatches must be 1.."
                + KrrClient.Builder.MAX_PARALLEL_BATCHES
                + ", was "
                + max);
      }
      this.maxInFlight = max;
      return this;
    }

    /** How many inputs to expect, for {@link BulkProgress.Snapshot#remaining()}. */
    public Builder expectedTotal(long total) {
      if (total < 0) {
        throw new IllegalArgumentException("expectedTotal must be >= 0, was " + total);
      }
      this.expectedTotal = OptionalLong.of(total);
      return this;
    }

    /** Hears progress after each batch. Default: nobody. */
    public Builder progress(BulkProgress progress) {
      this.progress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    /** The clock that measures elapsed time for the rate. Default system UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Builds the lookup; it may be run any number of times. */
    public BulkLookup build() {
      return new BulkLookup(this);
    }
  }
}
