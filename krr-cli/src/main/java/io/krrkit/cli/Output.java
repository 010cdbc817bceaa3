package io.krrkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.krrkit.core.krr.KrrJson;
import java.io.PrintWriter;

/** Writes command results: human-readable by default, JSON with {@code --json}. */
final class Output {
  private static final ObjectMapper JSON =
      KrrJson.newObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Output() {}

  /** Prints {@code value} as indented JSON (KRR timestamps as the register writes them). */
  static void json(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage());
    }
  }
}
