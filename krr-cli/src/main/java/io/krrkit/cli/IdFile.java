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
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The identity numbers of an input file, one {@link BulkInput} per data line, numbered by physical
 * line: one number per line, or one column of a CSV file. Forgives what spreadsheets and editors
 * leave behind: a byte order mark, Windows line endings, blank lines (skipped and counted),
 * surrounding spaces and quotes, a header row, a last line without a newline. Everything else
 * reaches KRR's checks and becomes a reject, so one bad line never stops a run.
 */
final class IdFile implements Iterator<BulkInput>, Closeable {
  private static final char BOM = '\uFEFF';

  private final BufferedReader reader;
  private final IdLayout layout;
  private final long skipThrough;
  private long lineNumber;
  private long blankLines;
  private BulkInput next;

  private IdFile(BufferedReader reader, IdLayout layout, long skipThrough) {
    this.reader = reader;
    this.layout = layout;
    this.skipThrough = skipThrough;
  }

  /**
   * Opens {@code file} read as {@code layout}, skipping lines up to {@code skipThrough} (already
   * done in an interrupted run).
   */
  static IdFile open(Path file, IdLayout layout, long skipThrough) throws IOException {
    return new IdFile(reader(file), layout, skipThrough);
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

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = read();
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
    reader.close();
  }

  private BulkInput read() {
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        String text = lineNumber == 1 ? withoutBom(line) : line;
        if (text.isBlank()) {
          blankLines++;
        } else if (lineNumber != layout.headerLine() && lineNumber > skipThrough) {
          return new BulkInput(lineNumber, layout.value(text));
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the input file: " + e.getMessage(), e);
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
