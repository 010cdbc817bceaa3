package io.krrkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.krr.KrrJson;
import io.krrkit.core.krr.Person;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How {@code krr lookup --out} writes rows: JSON Lines (KRR's person object with the input line
 * first) or CSV (fixed columns, empty where KRR returned nothing).
 */
enum RowFormat {
  jsonl {
    @Override
    byte[] header() {
      return new byte[0];
    }

    @Override
    byte[] row(long line, Person person) {
      String json = write(person);
      return ("{\"line\":" + line + "," + json.substring(1) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    }
  },
  csv {
    @Override
    byte[] header() {
      return (String.join(",", PersonCsv.COLUMNS) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    byte[] row(long line, Person person) {
      return (PersonCsv.row(line, person) + "\n").getBytes(StandardCharsets.UTF_8);
    }
  };

  private static final ObjectMapper JSON = KrrJson.newObjectMapper();

  /** Written once, at the start of a new output file. */
  abstract byte[] header();

  /** One output row for input line {@code line}. */
  abstract byte[] row(long line, Person person);

  /** The format a file name asks for: {@code .csv} is CSV, anything else JSON Lines. */
  static RowFormat forFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".csv") ? csv : jsonl;
  }

  private static String write(Person person) {
    try {
      return JSON.writeValueAsString(person);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a person as JSON: " + e.getOriginalMessage());
    }
  }
}
