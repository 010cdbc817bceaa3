package io.krrkit.local.internal.admin.http;

import io.javalin.http.Context;
import java.util.Map;

/** The operator API's error body: {@code {"error","error_description"}}, as OAuth2 writes them. */
public final class AdminErrors {
  private AdminErrors() {}

  /** Answers 400 {@code invalid_request} with {@code description}. */
  public static void badRequest(Context ctx, String description) {
    ctx.status(400).json(Map.of("error", "invalid_request", "error_description", description));
  }

  /** Answers 404 {@code not_found} with {@code description}. */
  public static void notFound(Context ctx, String description) {
    ctx.status(404).json(Map.of("error", "not_found", "error_description", description));
  }

  /** Answers 401 {@code unauthorized} with {@code description}. */
  public static void unauthorized(Context ctx, String description) {
    ctx.status(401).json(Map.of("error", "unauthorized", "error_description", description));
  }

  /** Answers 403 {@code forbidden} with {@code description}. */
  public static void forbidden(Context ctx, String description) {
    ctx.status(403).json(Map.of("error", "forbidden", "error_description", description));
  }
}
