package io.krrkit.local.internal.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.krrkit.local.OffsetClock;
import io.krrkit.local.internal.http.Json;
import io.krrkit.local.internal.http.RequestBody;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Operator API for the emulator's clock: {@code GET /admin/clock} shows the time and offset, {@code
 * PUT /admin/clock {"offset":"P30D"}} sets the offset (ISO-8601 duration, may be negative), so key
 * expiry, the 120 s grant window and the 18-month rule can be tested without waiting.
 */
public final class ClockAdminRoutes {
  private static final ObjectMapper JSON = Json.plain();
  private final OffsetClock clock;

  /** Serves {@code clock}. */
  public ClockAdminRoutes(OffsetClock clock) {
    this.clock = clock;
  }

  /** Adds the routes under {@code /admin/clock}. */
  public void register(RoutesConfig routes) {
    routes.get("/admin/clock", this::show);
    routes.put("/admin/clock", this::set);
  }

  private void show(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("now", clock.instant().toString());
    body.put("offset", clock.offset().toString());
    ctx.json(body);
  }

  /** Largest offset either way: far enough for any test, near enough for every clock read. */
  static final Duration MAX_OFFSET = Duration.ofDays(36_500);

  private void set(Context ctx) {
    Duration offset;
    try {
      JsonNode body = JSON.readTree(RequestBody.text(ctx));
      offset = Duration.parse(body.path("offset").asText(""));
    } catch (java.io.IOException | DateTimeParseException e) {
      AdminErrors.badRequest(ctx, "body must be {\"offset\": \"<ISO-8601 duration, e.g. P30D>\"}");
      return;
    }
    if (offset.abs().compareTo(MAX_OFFSET) > 0) {
      // Found by fuzzing: P999999999999D overflowed every later clock read (a 500 on all routes).
      AdminErrors.badRequest(ctx, "offset must be within 100 years (P36500D) either way");
      return;
    }
    clock.setOffset(offset);
    show(ctx);
  }
}
