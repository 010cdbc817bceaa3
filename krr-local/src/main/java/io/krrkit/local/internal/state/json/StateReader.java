package io.krrkit.local.internal.state.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.krrkit.core.OrgNumber;
import io.krrkit.local.internal.http.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads state files: each a JSON array of objects, every object remembered with the line it starts
 * on, so that a problem found later names its file and line. Syntax errors are reported by line and
 * column, never by quoting the text (it may hold an identity number or a key).
 */
final class StateReader {
  private final ObjectMapper mapper;
  private final Problems problems = new Problems();

  StateReader(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The objects of file {@code name}; problems are kept for {@link #throwIfAny}. */
  List<Item> items(String name, byte[] content) {
    Map<JsonNode, Integer> lines = new IdentityHashMap<>();
    JsonNode root;
    try (JsonParser parser = mapper.createParser(content)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(name, 0, "is empty; write [] for none");
        return List.of();
      }
      root = read(parser, lines);
      if (parser.nextToken() != null) {
        problems.add(
            name,
            parser.currentTokenLocation().getLineNr(),
            "holds more after its JSON array; one array per file");
        return List.of();
      }
    } catch (StreamConstraintsException e) {
      problems.add(
          name,
          line(e),
          "breaks the JSON limits (nesting of "
              + Json.MAX_DEPTH
              + " levels, strings of "
              + Json.MAX_STRING_LENGTH
              + " characters, numbers of "
              + Json.MAX_NUMBER_LENGTH
              + " digits)");
      return List.of();
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      problems.add(name, line(e), "is not valid JSON here (column " + column + ")");
      return List.of();
    } catch (IOException e) {
      problems.add(name, 0, "cannot be read");
      return List.of();
    }
    if (!root.isArray()) {
      problems.add(name, 1, "must be a JSON array of objects, e.g. [{...}, {...}]; [] for none");
      return List.of();
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode node = root.get(i);
      int line = lines.getOrDefault(node, lines.getOrDefault(root, 1));
      if (!node.isObject()) {
        problems.add(name, line, "item " + i + " must be a JSON object");
      } else {
        items.add(new Item(name, line, node, lines));
      }
    }
    return items;
  }

  void throwIfAny() {
    problems.throwIfAny();
  }

  private static int line(JsonProcessingException e) {
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }

  /** The value at the parser's current token, objects and arrays with their start lines. */
  private static JsonNode read(JsonParser p, Map<JsonNode, Integer> lines) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        lines.put(object, p.currentTokenLocation().getLineNr());
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String field = p.currentName();
          p.nextToken();
          object.set(field, read(p, lines));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        lines.put(array, p.currentTokenLocation().getLineNr());
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(p, lines));
        }
        return array;
      }
      case VALUE_STRING -> {
        return nodes.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> nodes.numberNode(p.getIntValue());
          case LONG -> nodes.numberNode(p.getLongValue());
          default -> nodes.numberNode(p.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return nodes.numberNode(p.getDecimalValue());
      }
      case VALUE_TRUE -> {
        return nodes.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return nodes.booleanNode(false);
      }
      case VALUE_NULL -> {
        return nodes.nullNode();
      }
      default -> throw new JsonParseFailure(p);
    }
  }

  /** A token that starts no value (cannot happen after a well-formed start). */
  private static final class JsonParseFailure extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    JsonParseFailure(JsonParser p) {
      super("unexpected token", p.currentTokenLocation());
    }
  }

  /**
   * One object of a state file, with the line it starts on.
   *
   * @param file the file's name
   * @param line its first line
   * @param node the object (or, nested, any value)
   */
  record Item(String file, int line, JsonNode node, Map<JsonNode, Integer> lines) {
    /** Records a problem at this item's line. */
    void problem(Problems problems, String message) {
      problems.add(file, line, message);
    }

    /** Reads this item's fields, recording type problems at its line. */
    Fields fields(Problems problems) {
      return new Fields(this, problems);
    }
  }

  /** Typed access to an item's fields; a field of the wrong type is a problem, never a value. */
  static final class Fields {
    private final Item item;
    private final Problems problems;
    private boolean failed;

    private Fields(Item item, Problems problems) {
      this.item = item;
      this.problems = problems;
    }

    /** True when a field read so far had the wrong type. */
    boolean failed() {
      return failed;
    }

    private JsonNode field(String name) {
      JsonNode value = item.node().get(name);
      return value == null || value.isNull() ? null : value;
    }

    private void wrong(String message) {
      failed = true;
      item.problem(problems, message);
    }

    String text(String name) {
      JsonNode value = field(name);
      if (value != null && !value.isTextual()) {
        wrong(name + " must be a string");
        return null;
      }
      return value == null ? null : value.asText();
    }

    /** Any JSON value as JSON text, or null when absent. */
    String jsonText(String name) {
      JsonNode value = field(name);
      return value == null ? null : value.toString();
    }

    Boolean bool(String name) {
      JsonNode value = field(name);
      if (value != null && !value.isBoolean()) {
        wrong(name + " must be true or false");
        return null;
      }
      return value == null ? null : value.asBoolean();
    }

    /** An ISO-8601 timestamp with offset ({@code 2024-06-10T21:00:01.000+02:00}), or null. */
    Instant instant(String name) {
      String text = text(name);
      if (text == null) {
        return null;
      }
      try {
        OffsetDateTime time = OffsetDateTime.parse(text);
        if (time.getYear() >= 1 && time.getYear() <= 9999) {
          return time.toInstant();
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
      wrong(
          name
              + " must be an ISO-8601 timestamp with offset in the years 1 to 9999, e.g."
              + " 2024-06-10T21:00:01.000+02:00");
      return null;
    }

    /** An organisation number, or null when absent and not {@code required}. */
    OrgNumber org(String name, boolean required) {
      String text = text(name);
      if (text == null && !required) {
        return null;
      }
      if (text == null || !OrgNumber.isValid(text)) {
        wrong(name + " must be a 9-digit organisation number");
        return null;
      }
      return OrgNumber.of(text);
    }

    /** The elements of an array field, each with its line, or null when absent. */
    List<Item> array(String name) {
      JsonNode value = field(name);
      if (value == null) {
        return null;
      }
      if (!value.isArray()) {
        wrong(name + " must be a JSON array");
        return null;
      }
      List<Item> elements = new ArrayList<>();
      for (JsonNode element : value) {
        int line = item.lines().getOrDefault(element, item.line());
        elements.add(new Item(item.file(), line, element, item.lines()));
      }
      return elements;
    }

    /** The item as {@code type} (unknown fields ignored), or null with the field named. */
    <T> T as(ObjectMapper mapper, Class<T> type) {
      if (!item.node().isObject()) {
        wrong("must be a JSON object");
        return null;
      }
      try {
        return mapper.treeToValue(item.node(), type);
      } catch (JsonMappingException e) {
        String path =
            e.getPath().stream()
                .map(
                    r ->
                        r.getFieldName() != null
                            ? "." + r.getFieldName()
                            : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        wrong(
            (path.isEmpty() ? "the object" : path.substring(path.startsWith(".") ? 1 : 0))
                + " has the wrong JSON type");
        return null;
      } catch (JsonProcessingException e) {
        wrong("the object cannot be read");
        return null;
      }
    }
  }
}
