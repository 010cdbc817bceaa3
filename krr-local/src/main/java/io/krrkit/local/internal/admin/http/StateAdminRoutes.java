package io.krrkit.local.internal.admin.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.krrkit.local.internal.http.Json;
import io.krrkit.local.internal.http.RequestBody;
import io.krrkit.local.internal.state.EmulatorState;
import io.krrkit.local.internal.state.ImportMode;
import io.krrkit.local.internal.state.StateFiles;
import io.krrkit.local.internal.state.json.StateArchive;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Operator API for the emulator's state as a whole (docs/testing.md#state-seed-export-import):
 *
 * <ul>
 *   <li>{@code POST /admin/reset}: back to the state of a new emulator (204), between tests;
 *   <li>{@code GET /admin/state}: the whole state as a zip archive of JSON files, one per kind;
 *       {@code ?include_signing_keys=true} adds the emulator's private signing keys;
 *   <li>{@code POST /admin/state} (a zip archive of those files): imports them in one transaction,
 *       {@code ?mode=replace} (default: reset first) or {@code ?mode=merge}; refused whole, 400
 *       naming each problem's file and line, when anything in them is wrong.
 * </ul>
 */
public final class StateAdminRoutes {
  private static final String ZIP = "application/zip";

  private final EmulatorState state;
  private final StateArchive archive;

  /** Serves {@code state}, exported and imported through {@code archive}. */
  public StateAdminRoutes(EmulatorState state, StateArchive archive) {
    this.state = state;
    this.archive = archive;
  }

  /** Adds the routes. */
  public void register(RoutesConfig routes) {
    routes.post("/admin/reset", this::reset);
    routes.get("/admin/state", this::export);
    routes.post("/admin/state", this::load);
  }

  private void reset(Context ctx) {
    state.reset();
    ctx.status(204);
  }

  private void export(Context ctx) {
    boolean signingKeys = flag(ctx, "include_signing_keys");
    byte[] zip = archive.export(signingKeys).zip();
    ctx.contentType(ZIP)
        .header("Content-Disposition", "attachment; filename=\"krr-local-state.zip\"")
        .header("Cache-Control", "no-store")
        .result(zip);
  }

  private void load(Context ctx) {
    ImportMode mode = mode(ctx.queryParam("mode"));
    String type = RequestBody.mediaType(ctx);
    if (!type.equals(ZIP) && !type.equals("application/octet-stream")) {
      throw new AdminRequestException(
          "send the state files as a zip archive (Content-Type: application/zip), as GET"
              + " /admin/state gives them; 'krr admin import DIR' makes one from a directory");
    }
    StateFiles files = StateFiles.unzip(new ByteArrayInputStream(ctx.bodyAsBytes()));
    Map<String, Integer> counts = archive.load(files, mode);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("mode", mode.name().toLowerCase(Locale.ROOT));
    answer.put("imported", counts);
    ctx.contentType("application/json").result(Json.text(Json.plain(), answer));
  }

  private static ImportMode mode(String given) {
    if (given == null || given.equals("replace")) {
      return ImportMode.REPLACE;
    }
    if (given.equals("merge")) {
      return ImportMode.MERGE;
    }
    throw new AdminRequestException("mode must be replace (the default) or merge");
  }

  private static boolean flag(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw new AdminRequestException(name + " must be true or false");
  }
}
