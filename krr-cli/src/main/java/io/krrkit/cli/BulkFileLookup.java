package io.krrkit.cli;

import io.krrkit.krr.BulkLookup;
import io.krrkit.krr.BulkSummary;
import io.krrkit.krr.KrrClient;
import io.krrkit.krr.KrrException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code krr lookup --in FILE --out FILE}: streams the input through {@link BulkLookup} into the
 * output and rejects files, checkpointing after every batch, and prints a summary. Ctrl-C saves the
 * rows done and prints the command that resumes ({@link StopOnSignal}).
 */
final class BulkFileLookup {
  private final KrrClient krr;
  private final BulkOptions options;
  private final BulkFiles files;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Clock clock;
  private final String resumeCommand;

  /**
   * @param commandLine the arguments {@code krr} was started with, for the resume command
   */
  BulkFileLookup(
      KrrClient krr,
      BulkOptions options,
      List<String> commandLine,
      PrintWriter out,
      PrintWriter err,
      Clock clock) {
    this.krr = krr;
    this.options = options;
    this.files = options.files();
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.resumeCommand = ResumeCommand.of(commandLine);
  }

  int run() throws IOException {
    if (!Files.isReadable(files.input())) {
      throw new CliErrors.Failure(ExitCode.IO_ERROR, "cannot read " + files.input());
    }
    Character delimiter = options.delimiter();
    Checkpoint start = start();
    if (start.complete()) {
      out.println("Already complete; nothing to resume.");
      BulkReport.print(out, start.summary(), files, 0);
      return ExitCode.OK.code;
    }
    IdLayout layout =
        IdLayout.choose(IdFile.firstLine(files.input()), options.column, options.header, delimiter);
    BulkRows rows =
        new BulkRows(
            start.format(),
            layout.delimiter(),
            options.bom(layout.delimiter()),
            options.passThrough ? layout.passThroughNames() : List.of());
    err.println(
        "krr: reading "
            + layout.description()
            + (layout.headerLine() > 0 ? ", header on line " + layout.headerLine() : "")
            + (rows.passThrough().isEmpty()
                ? ""
                : "; copying " + String.join(", ", rows.passThrough()) + " beside each result"));
    long total = countLines(layout);
    long before = start.summary().rows();
    if (before > 0) {
      sameColumns(files.output(), start.outputBytes(), rows.header());
      sameColumns(files.rejects(), start.rejectsBytes(), rows.rejectsHeader());
      err.println("krr: resuming after line " + start.linesDone() + " (" + before + " done)");
    }
    return lookUp(start, layout, rows, total);
  }

  private int lookUp(Checkpoint start, IdLayout layout, BulkRows rows, long total)
      throws IOException {
    long before = start.summary().rows();
    BulkSummary summary;
    long blankLines;
    try (SyncedFile output = openOutput(start, rows);
        SyncedFile rejects = openRejects(start, rows);
        IdFile ids =
            options.passThrough
                ? IdFile.openKeepingColumns(files.input(), layout, start.linesDone())
                : IdFile.open(files.input(), layout, start.linesDone());
        ProgressDisplay progress =
            ProgressDisplay.choose(
                err, clock, Duration.ofSeconds(options.progressEverySeconds), before, total);
        StopOnSignal stop = StopOnSignal.install(err, this::resumeFromDisk)) {
      BulkFileSink sink =
          new BulkFileSink(
              output,
              rejects,
              rows,
              ids::passThrough,
              stop,
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
      try {
        summary = run(bulk, ids, sink);
      } catch (StopOnSignal.Stopped stopped) {
        err.println();
        err.println(
            "krr: interrupted. Rows up to line "
                + stopped.checkpoint.linesDone()
                + " are saved ("
                + stopped.checkpoint.summary().rows()
                + " of "
                + total
                + "). To continue:");
        err.println("  " + resumeCommand);
        err.flush();
        return ExitCode.INTERRUPTED.code;
      }
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
              + " are saved; to continue: "
              + resumeCommand);
    }
  }

  /** What the checkpoint on disk holds, for a stop that could not wait for the batch. */
  private String resumeFromDisk() {
    try {
      return "Rows up to line "
          + Checkpoint.read(files.checkpoint()).linesDone()
          + " are saved. To continue: "
          + resumeCommand;
    } catch (IOException | RuntimeException e) {
      return "To continue: " + resumeCommand;
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

  /** Refuses to resume a file whose first line (its columns) this run would write otherwise. */
  private static void sameColumns(Path file, long length, byte[] header) throws IOException {
    if (header.length == 0 || length < header.length) {
      return;
    }
    byte[] start;
    try (InputStream in = Files.newInputStream(file)) {
      start = in.readNBytes(header.length);
    }
    if (!Arrays.equals(start, header)) {
      throw new CliErrors.Failure(
          ExitCode.USAGE,
          file
              + " was started with other columns, delimiter or byte order mark; resume with the"
              + " options of the interrupted run (--column, --delimiter, --bom, --pass-through)");
    }
  }

  private SyncedFile openOutput(Checkpoint start, BulkRows rows) throws IOException {
    SyncedFile output = SyncedFile.openAt(files.output(), start.outputBytes());
    if (start.outputBytes() == 0) {
      output.write(rows.header());
    }
    return output;
  }

  private SyncedFile openRejects(Checkpoint start, BulkRows rows) throws IOException {
    SyncedFile rejects = SyncedFile.openAt(files.rejects(), start.rejectsBytes());
    if (start.rejectsBytes() == 0) {
      rejects.write(rows.rejectsHeader());
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
