package io.krrkit.local.internal.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Liveness and readiness for scripts, orchestrators and container health checks:
 *
 * <ul>
 *   <li>{@code GET /health}: 200 {@code {"status":"UP"}} while the process serves HTTP;
 *   <li>{@code GET /ready}: 200 {@code {"status":"READY"}} when the store is reachable and takes
 *       writes (its migrations ran before the first route was served), else 503 {@code
 *       {"status":"NOT_READY","reason":…}} with {@code Retry-After}.
 * </ul>
 *
 * Both answer only once the emulator serves: routes are registered before Jetty starts.
 */
public final class HealthRoutes {
  private final BooleanSupplier storeReady;

  /** Readiness asks {@code storeReady} whether the store is reachable and takes writes. */
  public HealthRoutes(BooleanSupplier storeReady) {
    this.storeReady = storeReady;
  }

  /** Adds {@code /health} and {@code /ready}. */
  public void register(RoutesConfig routes) {
    routes.get("/health", ctx -> answer(ctx, 200, "UP", null));
    routes.get("/ready", this::ready);
  }

  private void ready(Context ctx) {
    if (storeReady.getAsBoolean()) {
      answer(ctx, 200, "READY", null);
    } else {
      ctx.header("Retry-After", "1");
      answer(ctx, 503, "NOT_READY", "the store is unreachable or refuses writes");
    }
  }

  private static void answer(Context ctx, int status, String state, String reason) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("status", state);
    if (reason != null) {
      body.put("reason", reason);
    }
    ctx.status(status)
        .header("Cache-Control", "no-store")
        .contentType("application/json")
        .result(Json.text(Json.plain(), body));
  }
}
