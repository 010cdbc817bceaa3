package io.krrkit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of {@code krr lookup --in FILE --out FILE}. */
final class BulkOptions {
  @Option(
      names = "--in",
      paramLabel = "FILE",
      description = "Look up every identity number in FILE: one per line, or a CSV column.")
  Path in;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "With --in: write one row per input line here, in input order.")
  Path out;

  @Option(
      names = "--column",
      paramLabel = "NAME|NUMBER",
      description = "With --in: the CSV column holding the numbers, by header name or from 1.")
  String column;

  @Option(
      names = "--header",
      negatable = true,
      description =
          "With --in: the first line is (--header) or is not (--no-header) a header."
              + " Default: detected (a first line without digits).")
  Boolean header;

  @Option(
      names = "--delimiter",
      paramLabel = "CHAR",
      description =
          "The CSV delimiter of the input and the output: ',' ';' or tab ('tab' or '\\t')."
              + " Default: detected from the input's first line (, for one number per line).")
  String delimiter;

  @Option(
      names = "--bom",
      negatable = true,
      description =
          "Start CSV output and rejects with a UTF-8 byte order mark, so Excel reads æøå right."
              + " Default: on for ;-separated files (Excel in Norwegian), else off.")
  Boolean bom;

  @Option(
      names = "--pass-through",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Copy the input's other CSV columns (a name, a case number) to each output and rejects"
              + " row (default; --no-pass-through for the results only).")
  boolean passThrough;

  @Option(
      names = "--format",
      description = "Output format: jsonl or csv. Default: csv for *.csv, else jsonl.")
  RowFormat format;

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description = "Where invalid lines go, with line number and reason. Default: OUT.rejects.")
  Path rejects;

  @Option(
      names = "--rejects-unmasked",
      description = "Write rejected values whole in the rejects file (default: masked).")
  boolean rejectsUnmasked;

  @Option(
      names = "--resume",
      description =
          "Continue an interrupted run from OUT.checkpoint, with no row missing or twice.")
  boolean resume;

  @Option(
      names = "--parallel",
      defaultValue = "4",
      description = "Batches of 1000 in flight at once, 1-16 (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(
      names = "--progress-every",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "Without a terminal: a progress line on stderr this often (default:"
              + " ${DEFAULT-VALUE}).")
  long progressEverySeconds;

  @Option(
      names = "--checkpoint-every",
      paramLabel = "SECONDS",
      defaultValue = "1",
      description =
          "Make the output durable and record a checkpoint at most this often (default:"
              + " ${DEFAULT-VALUE}); after a kill, --resume redoes at most this much.")
  long checkpointEverySeconds;

  /** Simulates a kill right after a checkpoint, for tests of --resume. */
  @Option(names = "--stop-after-batches", hidden = true, defaultValue = "0")
  int stopAfterBatches;

  /** The files of a run, defaults filled in. */
  BulkFiles files() {
    if (out == null) {
      throw new CliErrors.Failure(ExitCode.USAGE, "--in needs --out FILE for the results");
    }
    Path rejectsFile =
        rejects != null ? rejects : out.resolveSibling(out.getFileName() + ".rejects");
    return new BulkFiles(in, out, rejectsFile, Checkpoint.beside(out));
  }

  /** The delimiter asked for, or null for "detect". */
  Character delimiter() {
    if (delimiter == null) {
      return null;
    }
    switch (delimiter) {
      case ",":
        return ',';
      case ";":
        return ';';
      case "\t":
      case "\\t":
      case "tab":
      case "TAB":
        return '\t';
      default:
        throw new CliErrors.Failure(
            ExitCode.USAGE, "--delimiter takes ',' ';' or tab ('tab'), not '" + delimiter + "'");
    }
  }

  /** Whether the CSV files written (output, rejects) start with a byte order mark. */
  boolean bom(char delimiter) {
    return bom != null ? bom : delimiter == ';';
  }

  RowFormat format(BulkFiles files) {
    return format != null ? format : RowFormat.forFile(files.output());
  }
}
