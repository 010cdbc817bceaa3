package io.krrkit.cli;

import java.util.List;

/**
 * How to read the data lines of an input file: the whole line, or field {@code column} (0-based) of
 * CSV records split on {@code delimiter}; which line is the header (0 for none); and the other
 * columns, copied beside each result (pass-through).
 *
 * @param delimiter the input's delimiter, also the output's ({@code ,} for one number per line
 *     unless {@code --delimiter} says otherwise)
 * @param columns the names of the first line's fields (the header's, or {@code column_N} without
 *     one); a single entry for one number per line
 * @param description where the numbers are, for the user: "column 2 ('fnr') of a ;-separated file"
 */
record IdLayout(
    int column, char delimiter, long headerLine, List<String> columns, String description) {
  static final int WHOLE_LINE = -1;

  IdLayout {
    columns = List.copyOf(columns);
  }

  /** True when the input is CSV records, not one number per line. */
  boolean csv() {
    return column != WHOLE_LINE;
  }

  /** The indexes of the columns copied beside each result: every one but the identity number's. */
  List<Integer> passThrough() {
    List<Integer> others = new java.util.ArrayList<>();
    for (int i = 0; csv() && i < columns.size(); i++) {
      if (i != column) {
        others.add(i);
      }
    }
    return others;
  }

  /** The names of {@link #passThrough()}'s columns. */
  List<String> passThroughNames() {
    return passThrough().stream().map(columns::get).toList();
  }

  /**
   * Decides from the file's first non-blank line and the user's options ({@code column} a 1-based
   * number or a header name, {@code header} null for "detect", {@code delimiter} null for "guess").
   *
   * @throws CliErrors.Failure when the options do not fit the file
   */
  static IdLayout choose(
      IdFile.FirstLine first, String column, Boolean header, Character delimiter) {
    if (first == null) {
      return new IdLayout(
          WHOLE_LINE, delimiter != null ? delimiter : ',', 0, List.of("value"), "an empty file");
    }
    String text = first.text().strip(); // a trailing tab is not a second column
    char d = delimiter != null ? delimiter : CsvLine.guessDelimiter(text);
    List<String> fields = CsvLine.split(text, d);
    if (column == null) {
      return wholeLine(first, fields, header, delimiter != null ? delimiter : ',');
    }
    if (column.matches("[0-9]+")) {
      // ASCII digits only (Character.isDigit takes other scripts'); a huge number is no column.
      if (column.length() > 9) {
        throw usage("--column " + column + " is larger than any file's column count");
      }
      return byIndex(first, fields, Integer.parseInt(column) - 1, header, d);
    }
    return byName(first, fields, column, header, d);
  }

  private static IdLayout wholeLine(
      IdFile.FirstLine first, List<String> fields, Boolean header, char d) {
    if (fields.size() > 1) {
      throw usage(
          "the input looks like CSV ("
              + fields.size()
              + " columns on line "
              + first.number()
              + "); say which column holds the identity numbers: --column NAME or --column"
              + " NUMBER");
    }
    boolean isHeader = header != null ? header : looksLikeHeader(first.text());
    return new IdLayout(
        WHOLE_LINE,
        d,
        isHeader ? first.number() : 0,
        List.of("value"),
        "one identity number per line");
  }

  private static IdLayout byIndex(
      IdFile.FirstLine first, List<String> fields, int index, Boolean header, char d) {
    if (index < 0) {
      throw usage("--column counts from 1");
    }
    String cell = index < fields.size() ? fields.get(index) : null;
    boolean isHeader = header != null ? header : looksLikeHeader(cell);
    String name = isHeader ? cell : null;
    return new IdLayout(
        index,
        d,
        isHeader ? first.number() : 0,
        names(fields, isHeader, index),
        describe(name, index, d));
  }

  private static IdLayout byName(
      IdFile.FirstLine first, List<String> fields, String name, Boolean header, char d) {
    if (Boolean.FALSE.equals(header)) {
      throw usage(
          "--column " + name + " names a header column, but --no-header says there is none");
    }
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).equalsIgnoreCase(name.strip())) {
        return new IdLayout(
            i, d, first.number(), names(fields, true, i), describe(fields.get(i), i, d));
      }
    }
    throw usage(
        "no column named '"
            + name
            + "' in the header on line "
            + first.number()
            + "; its columns are "
            + String.join(", ", fields.stream().map(f -> "'" + f + "'").toList())
            + ". Use a name from it, or a column number.");
  }

  /** The identity number of a line read whole. */
  static String value(String line) {
    return unquote(line.strip());
  }

  /**
   * The column names: the header's (an empty or repeated one numbered), or {@code column_N}; at
   * least up to {@code idColumn}.
   */
  private static List<String> names(List<String> fields, boolean isHeader, int idColumn) {
    List<String> names = new java.util.ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < Math.max(fields.size(), idColumn + 1); i++) {
      String name = isHeader && i < fields.size() ? fields.get(i) : "";
      if (name.isBlank() || !seen.add(name.toLowerCase(java.util.Locale.ROOT))) {
        name = "column_" + (i + 1);
        seen.add(name);
      }
      names.add(name);
    }
    return names;
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1).strip()
        : s;
  }

  /** True when {@code value} cannot be an identity number at all: it has no digit. */
  private static boolean looksLikeHeader(String value) {
    return value != null && !value.isBlank() && value.chars().noneMatch(Character::isDigit);
  }

  private static String describe(String name, int index, char d) {
    String col =
        name == null ? "column " + (index + 1) : "column " + (index + 1) + " ('" + name + "')";
    return col + " of a " + (d == '\t' ? "tab" : String.valueOf(d)) + "-separated file";
  }

  private static CliErrors.Failure usage(String message) {
    return new CliErrors.Failure(ExitCode.USAGE, message);
  }
}
