package io.krrkit.local.internal.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.krrkit.local.FaultEndpoint;
import io.krrkit.local.internal.fault.FaultRule;
import io.krrkit.local.internal.fault.FaultRules;
import io.krrkit.local.internal.fault.FaultSpec;
import io.krrkit.local.internal.fault.FaultStep;
import io.krrkit.local.internal.http.Json;
import io.krrkit.local.internal.http.RequestBody;
import io.krrkit.local.internal.http.RequestNote;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operator API for fault and latency injection (docs/testing.md#fault-injection):
 *
 * <ul>
 *   <li>{@code POST /admin/faults} with a rule: adds it after the rules in force (201, the rule
 *       with its {@code id});
 *   <li>{@code GET /admin/faults}: the rules in force with how often each applied; {@code GET
 *       /admin/faults/{id}}: one;
 *   <li>{@code DELETE /admin/faults/{id}}: removes one (204, 404 when unknown); {@code DELETE
 *       /admin/faults}: removes all (204), as {@code POST /admin/reset} does.
 * </ul>
 *
 * A rule that cannot apply is 400 {@code invalid_request} naming the field; nothing is added.
 */
public final class FaultAdminRoutes {
  private static final List<String> FIELDS =
      List.of(
          "endpoint",
          "status",
          "retry_after",
          "connection",
          "sequence",
          "latency",
          "jitter",
          "hold",
          "times",
          "probability",
          "seed",
          "from",
          "until");

  private final FaultRules rules;

  /** Serves {@code rules}. */
  public FaultAdminRoutes(FaultRules rules) {
    this.rules = rules;
  }

  /** Adds the routes under {@code /admin/faults}. */
  public void register(RoutesConfig routes) {
    routes.post("/admin/faults", this::add);
    routes.get("/admin/faults", this::list);
    routes.delete("/admin/faults", this::clear);
    routes.get("/admin/faults/{id}", this::show);
    routes.delete("/admin/faults/{id}", this::remove);
  }

  private void add(Context ctx) {
    FaultSpec spec = read(RequestBody.text(ctx));
    FaultRule rule;
    try {
      rule = rules.add(spec);
    } catch (IllegalArgumentException e) {
      throw new AdminRequestException(e.getMessage());
    }
    ctx.status(201).json(json(rule));
  }

  private void list(Context ctx) {
    List<Map<String, Object>> list = rules.list().stream().map(FaultAdminRoutes::json).toList();
    ctx.json(Map.of("rules", list));
  }

  private void show(Context ctx) {
    String id = ctx.pathParam("id");
    rules
        .find(id)
        .ifPresentOrElse(rule -> ctx.json(json(rule)), () -> AdminErrors.notFound(ctx, noRule(id)));
  }

  private void remove(Context ctx) {
    String id = ctx.pathParam("id");
    if (rules.remove(id)) {
      ctx.status(204);
    } else {
      AdminErrors.notFound(ctx, noRule(id));
    }
  }

  /** The refusal for an unknown rule id: the id as given, personal data in it masked. */
  private static String noRule(String id) {
    return "no fault rule " + RequestNote.clipped(id);
  }

  private void clear(Context ctx) {
    rules.clear();
    ctx.status(204);
  }

  /**
   * Reads a rule from the body.
   *
   * @throws AdminRequestException naming the field that is wrong
   */
  static FaultSpec read(String text) {
    JsonNode body;
    try {
      body = text.isBlank() ? null : Json.plain().readTree(text);
    } catch (IOException e) {
      throw new AdminRequestException("the body is not valid JSON");
    }
    if (body == null || !body.isObject()) {
      throw new AdminRequestException("the body must be a JSON object (a fault rule)");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new AdminRequestException(
            "unknown field " + name + "; a fault rule takes " + String.join(", ", FIELDS));
      }
    }
    try {
      return spec(body);
    } catch (IllegalArgumentException e) {
      throw new AdminRequestException(e.getMessage());
    }
  }

  private static FaultSpec spec(JsonNode body) {
    String endpointName = text(body, "endpoint");
    FaultEndpoint endpoint =
        endpointName == null
            ? null
            : FaultEndpoint.fromWireName(endpointName)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "endpoint "
                                + endpointName
                                + " is unknown; one of "
                                + FaultEndpoint.wireNames()));
    Integer retryAfter = integer(body, "retry_after");
    Integer status = integer(body, "status");
    String connection = text(body, "connection");
    JsonNode sequence = body.get("sequence");
    boolean isSequence = sequence != null && !sequence.isNull();
    if (isSequence && (status != null || connection != null)) {
      throw new IllegalArgumentException("sequence does not go with status or connection");
    }
    if (status != null && connection != null) {
      throw new IllegalArgumentException("status and connection exclude each other");
    }
    List<FaultStep> steps = new ArrayList<>();
    if (isSequence) {
      if (!sequence.isArray()) {
        throw new IllegalArgumentException(
            "sequence must be an array of statuses, \"reset\", \"no_answer\" or \"pass\"");
      }
      for (int i = 0; i < sequence.size(); i++) {
        steps.add(step(sequence.get(i), "sequence[" + i + "]", retryAfter));
      }
    } else if (status != null) {
      steps.add(new FaultStep(FaultStep.Kind.STATUS, status, retryAfter));
    } else {
      if (retryAfter != null) {
        throw new IllegalArgumentException("retry_after goes only with a status from 300");
      }
      steps.add(connection == null ? FaultStep.pass() : connection(connection, "connection"));
    }
    if (retryAfter != null && steps.stream().noneMatch(FaultStep::takesRetryAfter)) {
      throw new IllegalArgumentException("retry_after goes only with a status from 300");
    }
    Long seed = null;
    JsonNode seedNode = body.get("seed");
    if (seedNode != null && !seedNode.isNull()) {
      if (!seedNode.isIntegralNumber() || !seedNode.canConvertToLong()) {
        throw new IllegalArgumentException("seed must be a whole number");
      }
      seed = seedNode.asLong();
    }
    Double probability = null;
    JsonNode p = body.get("probability");
    if (p != null && !p.isNull()) {
      if (!p.isNumber()) {
        throw new IllegalArgumentException("probability must be a number from 0 to 1");
      }
      probability = p.asDouble();
    }
    return new FaultSpec(
        endpoint,
        steps,
        isSequence,
        duration(body, "latency"),
        duration(body, "jitter"),
        duration(body, "hold"),
        integer(body, "times"),
        probability,
        seed,
        instant(body, "from"),
        instant(body, "until"));
  }

  private static FaultStep step(JsonNode item, String field, Integer retryAfter) {
    if (item.isIntegralNumber() && item.canConvertToInt()) {
      int status = item.asInt();
      if (status < 200 || status > 599) {
        throw new IllegalArgumentException(
            field + " must be a status from 200 to 599 (a 1xx is no final answer)");
      }
      return new FaultStep(
          FaultStep.Kind.STATUS, status, FaultStep.takesRetryAfter(status) ? retryAfter : null);
    }
    if (item.isTextual() && item.asText().equals("pass")) {
      return FaultStep.pass();
    }
    if (item.isTextual()) {
      return connection(item.asText(), field);
    }
    throw new IllegalArgumentException(
        field + " must be a status (200–599), \"reset\", \"no_answer\" or \"pass\"");
  }

  private static FaultStep connection(String value, String field) {
    return switch (value) {
      case "reset" -> FaultStep.reset();
      case "no_answer" -> FaultStep.noAnswer();
      default ->
          throw new IllegalArgumentException(
              field
                  + " must be "
                  + (field.equals("connection") ? "" : "a status (200–599), \"pass\", ")
                  + "\"reset\" or \"no_answer\", was "
                  + value);
    };
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return value.asText();
  }

  private static Integer integer(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new IllegalArgumentException(field + " must be a whole number");
    }
    return value.asInt();
  }

  private static Duration duration(JsonNode body, String field) {
    String value = text(body, field);
    if (value == null) {
      return null;
    }
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + " must be an ISO-8601 duration such as PT0.5S, was " + value);
    }
  }

  private static Instant instant(JsonNode body, String field) {
    String value = text(body, field);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + " must be an ISO-8601 instant such as 2026-01-01T12:00:00Z, was " + value);
    }
  }

  /** A rule in the operator API's JSON. */
  static Map<String, Object> json(FaultRule rule) {
    FaultSpec spec = rule.spec();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", rule.id());
    json.put("endpoint", spec.endpoint().wireName());
    FaultStep first = spec.steps().get(0);
    if (spec.sequence()) {
      json.put("sequence", spec.steps().stream().map(FaultStep::wireValue).toList());
    } else if (first.kind() == FaultStep.Kind.STATUS) {
      json.put("status", first.status());
    } else if (first.kind() != FaultStep.Kind.PASS) {
      json.put("connection", first.wireValue());
    }
    spec.steps().stream()
        .map(FaultStep::retryAfterSeconds)
        .filter(s -> s != null)
        .findFirst()
        .ifPresent(s -> json.put("retry_after", s));
    putIfSet(json, "latency", spec.latency());
    putIfSet(json, "jitter", spec.jitter());
    if (spec.steps().stream().anyMatch(s -> s.kind() == FaultStep.Kind.NO_ANSWER)) {
      json.put("hold", spec.holdOrDefault().toString());
    }
    putIfSet(json, "times", spec.times());
    putIfSet(json, "probability", spec.probability());
    putIfSet(json, "seed", spec.seed());
    putIfSet(json, "from", spec.from());
    putIfSet(json, "until", spec.until());
    json.put("applied", rule.applied());
    json.put("remaining", rule.remaining() < 0 ? null : rule.remaining());
    json.put("exhausted", rule.exhausted());
    return json;
  }

  private static void putIfSet(Map<String, Object> json, String field, Object value) {
    if (value != null) {
      json.put(field, value instanceof Number || value instanceof Boolean ? value : "" + value);
    }
  }
}
