package io.krrkit.maskinporten;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Reads the small JSON objects Maskinporten answers with. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** The body as a JSON object, or empty when it is not one. */
  static Optional<JsonNode> object(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** A text member, or {@code null} when absent or not text. */
  static String text(JsonNode object, String name) {
    JsonNode value = object.get(name);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
