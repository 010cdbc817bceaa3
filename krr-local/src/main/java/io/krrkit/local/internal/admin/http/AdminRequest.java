package io.krrkit.local.internal.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.krrkit.local.internal.http.Json;
import io.krrkit.local.internal.http.RequestBody;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The fields of an operator request: a JSON object body, or query parameters (handy for {@code
 * DELETE}, which many tools send without a body). A body field wins over a query parameter.
 */
final class AdminRequest {
  private static final ObjectMapper JSON = Json.plain();

  private final UnaryOperator<String> query;
  private final JsonNode body;

  private AdminRequest(UnaryOperator<String> query, JsonNode body) {
    this.query = query;
    this.body = body;
  }

  /** Reads the request; throws {@link BadAdminRequest} when the body is not a JSON object. */
  static AdminRequest of(Context ctx) {
    return of(RequestBody.text(ctx), ctx::queryParam);
  }

  /**
   * Reads {@code text} (the body) with {@code query} (a query parameter by name, or {@code null}).
   *
   * @throws BadAdminRequest when the body is not a JSON object
   */
  static AdminRequest of(String text, UnaryOperator<String> query) {
    if (text.isBlank()) {
      return new AdminRequest(query, JSON.createObjectNode());
    }
    try {
      JsonNode body = JSON.readTree(text);
      if (body == null || !body.isObject()) {
        throw new BadAdminRequest("the body must be a JSON object");
      }
      return new AdminRequest(query, body);
    } catch (IOException e) {
      throw new BadAdminRequest("the body is not valid JSON");
    }
  }

  /** A text field, or {@code null} when absent. */
  String text(String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return query.apply(name);
    }
    if (!value.isTextual()) {
      throw new BadAdminRequest(name + " must be a string");
    }
    return value.asText();
  }

  /** A boolean field, or {@code null} when absent. */
  Boolean bool(String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      String given = query.apply(name);
      return given == null ? null : Boolean.valueOf(given);
    }
    if (!value.isBoolean()) {
      throw new BadAdminRequest(name + " must be true or false");
    }
    return value.asBoolean();
  }

  /** A whole-number field, or {@code null} when absent. */
  Integer integer(String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new BadAdminRequest(name + " must be a whole number");
    }
    return value.asInt();
  }

  /** An array of strings, or {@code null} when absent. */
  List<String> texts(String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw new BadAdminRequest(name + " must be an array of strings");
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new BadAdminRequest(name + " must be an array of strings");
      }
      texts.add(item.asText());
    }
    return texts;
  }

  /** A field of any JSON type as JSON text, or {@code null} when absent. */
  String jsonText(String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.toString();
  }

  /** An operator request that cannot be read; answered 400. */
  static final class BadAdminRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadAdminRequest(String message) {
      super(message, null, false, false);
    }
  }
}
