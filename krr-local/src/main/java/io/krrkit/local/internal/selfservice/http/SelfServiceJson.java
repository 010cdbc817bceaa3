package io.krrkit.local.internal.selfservice.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.krrkit.local.internal.http.Json;
import io.krrkit.local.internal.http.RequestBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON of the self-service API: snake_case names, unknown fields ignored (clients send back what
 * they read, {@code created} and all), timestamps like {@code 2021-09-15T10:20:43.354+02:00}. Turns
 * every unreadable body into an {@link ApiError} that never quotes the input.
 */
final class SelfServiceJson {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
          .withZone(ZoneId.of("Europe/Oslo"));

  private final ObjectMapper mapper = Json.snakeCase();

  /** A self-service timestamp in Norwegian time with milliseconds, or null. */
  static String timestamp(Instant instant) {
    return instant == null ? null : TIMESTAMP.format(instant);
  }

  /** Reads the request body as {@code type}. */
  <T> T read(Context ctx, Class<T> type) {
    return read(body(ctx), type);
  }

  /**
   * Reads {@code body} as {@code type}, a JSON object.
   *
   * @throws ApiError 400 naming what is wrong, never quoting the body
   */
  <T> T read(byte[] body, Class<T> type) {
    if (new String(body, StandardCharsets.UTF_8).isBlank()) {
      throw ApiError.of(400, "The request body is empty; send a JSON object");
    }
    T value;
    try {
      value = mapper.readValue(body, type);
    } catch (IOException e) {
      throw unreadable(e);
    }
    if (value == null) {
      // The body was the JSON literal null.
      throw ApiError.of(400, "The request body must be a JSON object");
    }
    return value;
  }

  /** Reads the request body as a JSON tree. */
  JsonNode readTree(Context ctx) {
    return readTree(body(ctx));
  }

  /**
   * Reads {@code body} as a JSON tree.
   *
   * @throws ApiError 400 when it is empty or not JSON
   */
  JsonNode readTree(byte[] body) {
    try {
      JsonNode tree = mapper.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        throw ApiError.of(400, "The request body is empty; send a JSON document");
      }
      return tree;
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** The members of a JSON object as plain Java values (maps, lists, strings, numbers). */
  @SuppressWarnings("unchecked")
  Map<String, Object> members(JsonNode object) {
    return mapper.convertValue(object, Map.class);
  }

  /** Answers {@code status} with {@code body} as JSON. */
  void write(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write a self-service answer", e);
    }
  }

  private static byte[] body(Context ctx) {
    String mediaType = RequestBody.mediaType(ctx);
    if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
      throw ApiError.of(415, "Content-Type must be application/json");
    }
    try {
      return ctx.bodyAsBytes();
    } catch (HttpResponseException e) {
      if (e.getStatus() == 413) {
        throw ApiError.of(413, "The request body is too large");
      }
      throw e;
    }
  }

  private static ApiError unreadable(IOException e) {
    if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      String field = path(m.getPath());
      return ApiError.field(field, field + " " + expected(m.getTargetType()));
    }
    if (e instanceof MismatchedInputException) {
      return ApiError.of(400, "The request body must be a JSON object");
    }
    if (e instanceof JsonProcessingException j && j.getLocation() != null) {
      return ApiError.of(
          400,
          "The request body is not valid JSON (line "
              + j.getLocation().getLineNr()
              + ", column "
              + j.getLocation().getColumnNr()
              + ")");
    }
    return ApiError.of(400, "The request body is not valid JSON");
  }

  /** {@code scopes[0]}, {@code keys[1].kid}: the field as the error envelope names it. */
  private static String path(List<JsonMappingException.Reference> references) {
    String path =
        references.stream()
            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining());
    return path.startsWith(".") ? path.substring(1) : path;
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong JSON type";
    }
    if (List.class.isAssignableFrom(type)) {
      return "must be a JSON array";
    }
    if (type == Integer.class || type == int.class) {
      return "must be a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    return type == String.class ? "must be a string" : "has the wrong JSON type";
  }
}
