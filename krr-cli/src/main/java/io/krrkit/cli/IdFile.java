package io.krrkit.cli;

import io.krrkit.krr.BulkInput;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The identity numbers of an input file, one {@link BulkInput} per data line, numbered by physical
 * line (a CSV record spanning lines by its first): one number per line, or one column of CSV
 * records (RFC 4180, read by {@link CsvLine}). Forgives what spreadsheets and editors leave behind:
 * a byte order mark, Windows line endings, blank lines (skipped and counted), surrounding spaces
 * and quotes, a header row, a last line without a newline. Everything else reaches KRR's checks and
 * becomes a reject, so one bad line never stops a run; only CSV that cannot be parsed (a quote
 * never closed) stops it, before anything is looked up.
 *
 * <p>Opened with {@code keepColumns}, it keeps each CSV data line's other columns ({@link
 * IdLayout#passThrough()}) until {@link #passThrough} takes them: as many as are read ahead.
 */
final class IdFile implements Iterator<BulkInput>, Closeable {
  private static final char BOM = '\uFEFF';

  private final Path file;
  private final BufferedReader reader;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final IdLayout layout;
  private final long skipThrough;
  private final Map<Long, List<String>> kept;
  private long lineNumber;
  private long blankLines;
  private BulkInput next;

  private IdFile(Path file, IdLayout layout, long skipThrough, boolean keepColumns)
      throws IOException {
    this.file = file;
    this.layout = layout;
    this.skipThrough = skipThrough;
    this.kept = keepColumns && layout.csv() ? new HashMap<>() : null;
    BufferedReader r = reader(file);
    skipBom(r);
    this.reader = r;
    this.parser = layout.csv() ? CSVParser.parse(r, CsvLine.reading(layout.delimiter())) : null;
    this.records = parser == null ? null : parser.iterator();
  }

  /**
   * Opens {@code file} read as {@code layout}, skipping lines up to {@code skipThrough} (already
   * done in an interrupted run).
   */
  static IdFile open(Path file, IdLayout layout, long skipThrough) throws IOException {
    return new IdFile(file, layout, skipThrough, false);
  }

  /** As {@link #open}, keeping each line's other columns for {@link #passThrough}. */
  static IdFile openKeepingColumns(Path file, IdLayout layout, long skipThrough)
      throws IOException {
    return new IdFile(file, layout, skipThrough, true);
  }

  /** The first non-blank line and its number, BOM removed, or null for an empty file. */
  static FirstLine firstLine(Path file) throws IOException {
    try (BufferedReader r = reader(file)) {
      long n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        String text = n == 1 ? withoutBom(line) : line;
        if (!text.isBlank()) {
          return new FirstLine(n, text);
        }
      }
      return null;
    }
  }

  /** A file's first non-blank line. */
  record FirstLine(long number, String text) {}

  /** Blank lines skipped so far. */
  long blankLines() {
    return blankLines;
  }

  /**
   * The pass-through columns of data line {@code line}, forgotten once taken; empty when not kept.
   */
  List<String> passThrough(long line) {
    List<String> values = kept == null ? null : kept.remove(line);
    return values == null ? List.of() : values;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = layout.csv() ? readRecord() : readLine();
    }
    return next != null;
  }

  @Override
  public BulkInput next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    BulkInput current = next;
    next = null;
    return current;
  }

  @Override
  public void close() throws IOException {
    if (parser != null) {
      parser.close();
    }
    reader.close();
  }

  private BulkInput readLine() {
    try {
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        lineNumber++;
        if (text.isBlank()) {
          blankLines++;
        } else if (lineNumber != layout.headerLine() && lineNumber > skipThrough) {
          return new BulkInput(lineNumber, IdLayout.value(text));
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the input file: " + e.getMessage(), e);
    }
  }

  private BulkInput readRecord() {
    try {
      while (true) {
        long start = parser.getCurrentLineNumber() + 1;
        if (!records.hasNext()) {
          return null;
        }
        CSVRecord record = records.next();
        if (record.size() == 1 && record.get(0).isBlank()) {
          blankLines++;
        } else if (start != layout.headerLine() && start > skipThrough) {
          List<String> fields = CsvLine.fields(record);
          int c = layout.column();
          if (kept != null) {
            kept.put(start, columns(fields));
          }
          return new BulkInput(start, c < fields.size() ? fields.get(c) : null);
        }
      }
    } catch (UncheckedIOException e) {
      // Commons CSV's messages give the line and position, never the data.
      throw new CliErrors.Failure(
          ExitCode.USAGE,
          "cannot read "
              + file
              + " as CSV: "
              + e.getCause().getMessage()
              + ". A field that starts with a quote (\") must end with one; a quote inside it is"
              + " written twice (\"\").");
    }
  }

  private List<String> columns(List<String> fields) {
    List<Integer> indexes = layout.passThrough();
    List<String> values = new ArrayList<>(indexes.size());
    for (int i : indexes) {
      values.add(i < fields.size() ? fields.get(i) : "");
    }
    return values;
  }

  private static void skipBom(BufferedReader r) throws IOException {
    r.mark(1);
    if (r.read() != BOM) {
      r.reset();
    }
  }

  private static String withoutBom(String line) {
    return !line.isEmpty() && line.charAt(0) == BOM ? line.substring(1) : line;
  }

  /** UTF-8 with undecodable bytes replaced, so they reach KRR's checks as a reject. */
  private static BufferedReader reader(Path file) throws IOException {
    return new BufferedReader(
        new InputStreamReader(
            Files.newInputStream(file),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)),
        1 << 16);
  }
}
