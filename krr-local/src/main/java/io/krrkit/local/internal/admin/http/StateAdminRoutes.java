package io.krrkit.local.internal.admin.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.krrkit.local.internal.state.EmulatorState;

/**
 * Operator API for the emulator's state as a whole:
 *
 * <ul>
 *   <li>{@code POST /admin/reset}: back to the state of a new emulator (204), between tests.
 * </ul>
 */
public final class StateAdminRoutes {
  private final EmulatorState state;

  /** Serves {@code state}. */
  public StateAdminRoutes(EmulatorState state) {
    this.state = state;
  }

  /** Adds the routes. */
  public void register(RoutesConfig routes) {
    routes.post("/admin/reset", this::reset);
  }

  private void reset(Context ctx) {
    state.reset();
    ctx.status(204);
  }
}
