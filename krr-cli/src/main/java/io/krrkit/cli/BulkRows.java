package io.krrkit.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.krrkit.core.Masking;
import io.krrkit.core.krr.KrrJson;
import io.krrkit.core.krr.Person;
import io.krrkit.krr.BulkRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bytes of {@code krr lookup --in} output and rejects files: CSV with the input's delimiter
 * (and a UTF-8 byte order mark for Excel where asked), or JSON Lines; the input's other columns
 * (pass-through) beside each result, after {@code line} in CSV and as {@code "input"} in JSON.
 *
 * @param passThrough the pass-through column names, in input order; empty for none
 */
record BulkRows(RowFormat format, char delimiter, boolean bom, List<String> passThrough) {
  private static final ObjectWriter ROW_WRITER = KrrJson.newObjectMapper().writerFor(JsonRow.class);
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final List<String> REJECT_COLUMNS = List.of("line", "value", "rule", "reason");

  BulkRows {
    passThrough = List.copyOf(passThrough);
  }

  /** Written once, at the start of a new output file. */
  byte[] header() {
    if (format == RowFormat.jsonl) {
      return new byte[0];
    }
    List<String> names = new ArrayList<>();
    names.add("line");
    names.addAll(csvNames(PersonCsv.COLUMNS));
    names.addAll(PersonCsv.COLUMNS.subList(1, PersonCsv.COLUMNS.size()));
    return withBom(CsvLine.record(delimiter, names));
  }

  /** One output row for input line {@code line}. */
  byte[] row(long line, Person person, List<String> input) {
    if (format == RowFormat.jsonl) {
      Map<String, String> in = null;
      if (!passThrough.isEmpty()) {
        in = new LinkedHashMap<>();
        for (int i = 0; i < passThrough.size(); i++) {
          in.put(passThrough.get(i), i < input.size() ? input.get(i) : "");
        }
      }
      return jsonLine(new JsonRow(line, in, person));
    }
    List<String> values = new ArrayList<>();
    values.add(Long.toString(line));
    values.addAll(padded(input));
    values.addAll(PersonCsv.values(person));
    return CsvLine.record(delimiter, values).getBytes(StandardCharsets.UTF_8);
  }

  /** Written once, at the start of a new rejects file (always CSV). */
  byte[] rejectsHeader() {
    List<String> names = new ArrayList<>(REJECT_COLUMNS);
    names.addAll(csvNames(REJECT_COLUMNS));
    return withBom(CsvLine.record(delimiter, names));
  }

  /** One rejects row: the value masked unless {@code unmasked}, and why. */
  byte[] reject(BulkRow.Rejected r, String reason, boolean unmasked, List<String> input) {
    String value = r.value() == null ? "" : unmasked ? r.value() : Masking.identifier(r.value());
    List<String> values =
        new ArrayList<>(List.of(Long.toString(r.line()), value, r.rule(), reason));
    values.addAll(padded(input));
    return CsvLine.record(delimiter, values).getBytes(StandardCharsets.UTF_8);
  }

  private List<String> padded(List<String> input) {
    List<String> values = new ArrayList<>(passThrough.size());
    for (int i = 0; i < passThrough.size(); i++) {
      values.add(i < input.size() ? input.get(i) : "");
    }
    return values;
  }

  /** The pass-through names, one that is also a result column prefixed {@code input_}. */
  private List<String> csvNames(List<String> taken) {
    Set<String> results =
        taken.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    return passThrough.stream()
        .map(n -> results.contains(n.toLowerCase(Locale.ROOT)) ? "input_" + n : n)
        .toList();
  }

  private byte[] withBom(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (!bom) {
      return bytes;
    }
    byte[] all = new byte[UTF8_BOM.length + bytes.length];
    System.arraycopy(UTF8_BOM, 0, all, 0, UTF8_BOM.length);
    System.arraycopy(bytes, 0, all, UTF8_BOM.length, bytes.length);
    return all;
  }

  /**
   * A JSON Lines row: {@code line}, the pass-through columns as {@code input} (left out when none),
   * then the person's own fields, written in one pass.
   */
  private record JsonRow(
      @JsonProperty("line") long line,
      @JsonProperty("input") Map<String, String> input,
      @JsonUnwrapped Person person) {}

  private static byte[] jsonLine(JsonRow row) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try {
      ROW_WRITER.writeValue(bytes, row);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a row as JSON: " + e.getMessage());
    }
    bytes.write('\n');
    return bytes.toByteArray();
  }
}
