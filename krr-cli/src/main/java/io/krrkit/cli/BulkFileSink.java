package io.krrkit.cli;

import io.krrkit.krr.BulkRow;
import io.krrkit.krr.BulkSink;
import io.krrkit.krr.BulkSummary;
import io.krrkit.krr.KrrInvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Writes answered rows to the output and rejected lines to the rejects file, and at a batch end (at
 * most every {@code checkpointEvery}, since each costs three fsyncs) makes both durable before
 * recording the new {@link Checkpoint}: in that order, a kill at any moment leaves a checkpoint
 * that counts no row the files lack.
 */
final class BulkFileSink implements BulkSink {
  private final SyncedFile output;
  private final SyncedFile rejects;
  private final BulkRows rows;
  private final LongFunction<List<String>> passThrough;
  private final StopOnSignal stop;
  private final boolean unmasked;
  private final String missingReason;
  private final Path checkpointFile;
  private final BulkSummary before;
  private final int stopAfterBatches;
  private final Clock clock;
  private final Duration checkpointEvery;
  private Instant lastCheckpoint;
  private Checkpoint checkpoint;
  private long lastLine;
  private int batches;

  BulkFileSink(
      SyncedFile output,
      SyncedFile rejects,
      BulkRows rows,
      LongFunction<List<String>> passThrough,
      StopOnSignal stop,
      Checkpoint start,
      Path checkpointFile,
      boolean unmasked,
      String missingReason,
      int stopAfterBatches,
      Clock clock,
      Duration checkpointEvery) {
    this.output = output;
    this.rejects = rejects;
    this.rows = rows;
    this.passThrough = passThrough;
    this.stop = stop;
    this.checkpoint = start;
    this.checkpointFile = checkpointFile;
    this.before = start.summary();
    this.unmasked = unmasked;
    this.missingReason = missingReason;
    this.stopAfterBatches = stopAfterBatches;
    this.clock = clock;
    this.checkpointEvery = checkpointEvery;
    this.lastCheckpoint = clock.instant();
  }

  @Override
  public void accept(BulkRow row) throws IOException {
    List<String> input = passThrough.apply(row.line());
    if (row instanceof BulkRow.Answered a) {
      output.write(rows.row(a.line(), a.person(), input));
    } else if (row instanceof BulkRow.Rejected r) {
      String reason =
          KrrInvalidInputException.RULE_MISSING.equals(r.rule()) ? missingReason : r.reason();
      rejects.write(rows.reject(r, reason, unmasked, input));
    }
    lastLine = row.line();
  }

  @Override
  public void batchDone(BulkSummary soFar) throws IOException {
    boolean stopHere = ++batches == stopAfterBatches;
    boolean interrupted = stop.requested();
    Instant now = clock.instant();
    if (stopHere
        || interrupted
        || Duration.between(lastCheckpoint, now).compareTo(checkpointEvery) >= 0) {
      save(soFar);
      lastCheckpoint = now;
    }
    if (interrupted) {
      throw new StopOnSignal.Stopped(checkpoint);
    }
    if (stopHere) {
      throw new CliErrors.Failure(
          ExitCode.IO_ERROR, "stopped after " + batches + " batches (--stop-after-batches)");
    }
  }

  /** Saves the last rows and marks the run complete. */
  void finish(BulkSummary all) throws IOException {
    save(all);
    checkpoint = checkpoint.completed();
    checkpoint.write(checkpointFile);
  }

  private void save(BulkSummary soFar) throws IOException {
    long outputBytes = output.sync();
    long rejectsBytes = rejects.sync();
    checkpoint = checkpoint.advance(lastLine, outputBytes, rejectsBytes, before.plus(soFar));
    checkpoint.write(checkpointFile);
  }

  /** The last checkpoint written. */
  Checkpoint checkpoint() {
    return checkpoint;
  }
}
