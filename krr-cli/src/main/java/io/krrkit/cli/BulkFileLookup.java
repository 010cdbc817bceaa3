package io.krrkit.cli;

import io.krrkit.krr.BulkLookup;
import io.krrkit.krr.BulkSummary;
import io.krrkit.krr.KrrClient;
import io.krrkit.krr.KrrException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code krr lookup --in FILE --out FILE}: streams the input through {@link BulkLookup} into the
 * output and rejects files, checkpointing after every batch, and prints a summary.
 */
final class BulkFileLookup {
  private final KrrClient krr;
  private final BulkOptions options;
  private final BulkFiles files;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Clock clock;

  BulkFileLookup(
      KrrClient krr, BulkOptions options, PrintWriter out, PrintWriter err, Clock clock) {
    this.krr = krr;
    this.options = options;
    this.files = options.files();
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  int run() throws IOException {
    if (!Files.isReadable(files.input())) {
      throw new CliErrors.Failure(ExitCode.IO_ERROR, "cannot read " + files.input());
    }
    Checkpoint start = start();
    if (start.complete()) {
      out.println("Already complete; nothing to resume.");
      BulkReport.print(out, start.summary(), files, 0);
      return ExitCode.OK.code;
    }
    IdLayout layout =
        IdLayout.choose(
            IdFile.firstLine(files.input()), options.column, options.header, options.delimiter);
    err.println(
        "krr: reading "
            + layout.description()
            + (layout.headerLine() > 0 ? ", header on line " + layout.headerLine() : ""));
    long total = countLines(layout);
    long before = start.summary().rows();
    if (before > 0) {
      err.println("krr: resuming after line " + start.linesDone() + " (" + before + " done)");
    }
    return lookUp(start, layout, total);
  }

  private int lookUp(Checkpoint start, IdLayout layout, long total) throws IOException {
    long before = start.summary().rows();
    BulkSummary summary;
    long blankLines;
    try (SyncedFile output = openOutput(start);
        SyncedFile rejects = openRejects(start);
        IdFile ids = IdFile.open(files.input(), layout, start.linesDone());
        ProgressDisplay progress =
            ProgressDisplay.choose(
                err, clock, Duration.ofSeconds(options.progressEverySeconds), before, total)) {
      BulkFileSink sink =
          new BulkFileSink(
              output,
              rejects,
              start,
              files.checkpoint(),
              options.rejectsUnmasked,
              "no value in " + layout.description(),
              options.stopAfterBatches,
              clock,
              Duration.ofSeconds(options.checkpointEverySeconds));
      BulkLookup bulk =
          BulkLookup.builder(krr)
              .maxInFlightBatches(options.parallel)
              .expectedTotal(Math.max(0, total - before))
              .progress(progress)
              .clock(clock)
              .build();
      summary = run(bulk, ids, sink);
      sink.finish(summary);
      blankLines = ids.blankLines();
    }
    BulkReport.print(out, start.summary().plus(summary), files, blankLines);
    return ExitCode.OK.code;
  }

  private BulkSummary run(BulkLookup bulk, IdFile ids, BulkFileSink sink) throws IOException {
    try {
      return bulk.run(ids, sink);
    } catch (KrrException e) {
      Checkpoint saved = sink.checkpoint();
      throw new CliErrors.Failure(
          CliErrors.classify(e),
          e.getMessage()
              + " Rows up to line "
              + saved.linesDone()
              + " are saved; run the same command with --resume to continue.");
    }
  }

  private Checkpoint start() throws IOException {
    RowFormat format = options.format(files);
    if (options.resume) {
      return resumed(format);
    }
    if (Files.exists(files.output()) || Files.exists(files.checkpoint())) {
      throw new CliErrors.Failure(
          ExitCode.USAGE,
          files.output()
              + " already exists: add --resume to continue an interrupted run, or remove it (and "
              + files.checkpoint().getFileName()
              + ") to start again");
    }
    Checkpoint fresh =
        new Checkpoint(files.input().toString(), format, 0, 0, 0, BulkSummary.empty(), false);
    fresh.write(files.checkpoint()); // before any output, so a kill at once can be resumed
    return fresh;
  }

  private Checkpoint resumed(RowFormat format) throws IOException {
    if (!Files.exists(files.checkpoint())) {
      throw new CliErrors.Failure(
          ExitCode.USAGE,
          "nothing to resume: no checkpoint "
              + files.checkpoint()
              + ". Remove "
              + files.output()
              + " if it exists and run without --resume.");
    }
    Checkpoint saved = Checkpoint.read(files.checkpoint());
    if (saved.format() != format) {
      throw new CliErrors.Failure(
          ExitCode.USAGE,
          "the interrupted run wrote "
              + saved.format()
              + "; resume with --format "
              + saved.format());
    }
    if (!saved.input().equals(files.input().toString())) {
      err.println("krr: note: the interrupted run read " + saved.input());
    }
    return saved;
  }

  private SyncedFile openOutput(Checkpoint start) throws IOException {
    SyncedFile output = SyncedFile.openAt(files.output(), start.outputBytes());
    if (start.outputBytes() == 0) {
      output.write(start.format().header());
    }
    return output;
  }

  private SyncedFile openRejects(Checkpoint start) throws IOException {
    SyncedFile rejects = SyncedFile.openAt(files.rejects(), start.rejectsBytes());
    if (start.rejectsBytes() == 0) {
      rejects.write(BulkFileSink.REJECTS_HEADER.getBytes(StandardCharsets.UTF_8));
    }
    return rejects;
  }

  private long countLines(IdLayout layout) throws IOException {
    long n = 0;
    try (IdFile ids = IdFile.open(files.input(), layout, 0)) {
      while (ids.hasNext()) {
        ids.next();
        n++;
      }
    }
    return n;
  }
}
