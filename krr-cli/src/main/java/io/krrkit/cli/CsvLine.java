package io.krrkit.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into fields (RFC 4180 quoting, {@code ""} for a quote inside quotes; fields
 * do not span lines). Fields are trimmed.
 */
final class CsvLine {
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

  static List<String> split(String line, char delimiter) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        fields.add(field.toString().strip());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString().strip());
    return fields;
  }

  /** {@code value} as one CSV field: quoted when it holds a delimiter, quote or line break. */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
