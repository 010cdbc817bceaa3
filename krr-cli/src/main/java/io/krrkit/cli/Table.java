package io.krrkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Human output of the self-service commands: rows under a header in aligned columns (as {@code
 * kubectl get} prints them), or one object as aligned {@code name: value} lines. Absent values show
 * as {@code -}.
 */
final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  private Table(List<String> header) {
    this.header = header;
  }

  /** A table with these column names. */
  static Table of(String... header) {
    return new Table(List.of(header));
  }

  /** Adds a row; one value per column, {@code null} printed as {@code -}. */
  Table row(Object... values) {
    List<String> row = new ArrayList<>();
    for (Object v : values) {
      row.add(text(v));
    }
    rows.add(row);
    return this;
  }

  /** Prints the header and rows, each column as wide as its widest cell. */
  void print(PrintWriter out) {
    int[] widths = new int[header.size()];
    for (List<String> line : allLines()) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    for (List<String> line : allLines()) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        s.append(i == widths.length - 1 ? line.get(i) : pad(line.get(i), widths[i] + 2));
      }
      out.println(s.toString().stripTrailing());
    }
  }

  /** Prints {@code fields} as {@code name: value} lines with the values aligned. */
  static void fields(PrintWriter out, Map<String, ?> fields) {
    int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
    fields.forEach((name, value) -> out.println(pad(name + ":", width) + text(value)));
  }

  private List<List<String>> allLines() {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }

  private static String text(Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? "-" : String.join(" ", list.stream().map(Table::text).toList());
    }
    String s = value.toString();
    return s.isEmpty() ? "-" : s;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
