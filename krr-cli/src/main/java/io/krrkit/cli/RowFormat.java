package io.krrkit.cli;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How {@code krr lookup --out} writes rows: JSON Lines (KRR's person object with the input line
 * first) or CSV (fixed columns, empty where KRR returned nothing); {@link BulkRows} writes them.
 */
enum RowFormat {
  jsonl,
  csv;

  /** The format a file name asks for: {@code .csv} is CSV, anything else JSON Lines. */
  static RowFormat forFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".csv") ? csv : jsonl;
  }
}
