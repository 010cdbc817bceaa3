package io.krrkit.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as RFC 4180 has it, through Apache Commons CSV: quoted fields with {@code ""} for a quote,
 * delimiters and line breaks inside quotes, records ended by CRLF. Read leniently (spaces around
 * fields and text after a closing quote are forgiven; fields are trimmed), written minimally
 * quoted.
 */
final class CsvLine {
  /** How records end in files krr writes (RFC 4180; Excel and every CSV reader take it). */
  static final String RECORD_END = "\r\n";

  private CsvLine() {}

  /** The delimiter a line most likely uses: semicolon (Norwegian spreadsheets), tab or comma. */
  static char guessDelimiter(String line) {
    long semicolons = line.chars().filter(c -> c == ';').count();
    long tabs = line.chars().filter(c -> c == '\t').count();
    long commas = line.chars().filter(c -> c == ',').count();
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }

  /** The format krr reads CSV with. Empty lines are records of one empty field, to be counted. */
  static CSVFormat reading(char delimiter) {
    return CSVFormat.RFC4180
        .builder()
        .setDelimiter(delimiter)
        .setIgnoreEmptyLines(false)
        .setIgnoreSurroundingSpaces(true)
        .setTrailingData(true)
        .get();
  }

  /** The format krr writes CSV with. */
  static CSVFormat writing(char delimiter) {
    return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setRecordSeparator(RECORD_END).get();
  }

  /**
   * The fields of one line (the first record of {@code line}), trimmed. A quote that is never
   * closed takes the rest of the line as its field.
   */
  static List<String> split(String line, char delimiter) {
    try (CSVParser parser =
        CSVParser.parse(
            new StringReader(line), reading(delimiter).builder().setLenientEof(true).get())) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        return List.of("");
      }
      return fields(records.next());
    } catch (IOException | UncheckedIOException e) {
      return List.of(line.strip());
    }
  }

  /** A record's fields, trimmed. */
  static List<String> fields(CSVRecord record) {
    List<String> fields = new ArrayList<>(record.size());
    for (String value : record) {
      fields.add(value.strip());
    }
    return fields;
  }

  /** {@code values} as one CSV record ending in CRLF; null values are empty fields. */
  static String record(char delimiter, List<?> values) {
    StringBuilder out = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(out, writing(delimiter))) {
      printer.printRecord(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return out.toString();
  }
}
