package io.krrkit.local.internal.admin.http;

import io.javalin.http.Context;
import io.krrkit.local.internal.access.AccessException;
import io.krrkit.local.internal.altinn.AltinnException;
import io.krrkit.local.internal.http.ErrorResponse;
import io.krrkit.local.internal.http.Failure;
import io.krrkit.local.internal.http.GuardRefusal;
import io.krrkit.local.internal.http.Json;
import io.krrkit.local.internal.http.ServiceErrors;
import io.krrkit.local.internal.state.StateImportException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator API's errors under {@code /admin/}: {@code {"error","error_description"}}, as OAuth2
 * writes them, for its refusals and everything else.
 */
public final class AdminErrors implements ServiceErrors {
  private final boolean enabled;

  /** Errors of an operator API that is served ({@code enabled}) or off. */
  public AdminErrors(boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public String prefix() {
    return "/admin/";
  }

  @Override
  public boolean refusal(Exception e, Context ctx) {
    if (e instanceof AdminRequestException
        || e instanceof AdminRequest.BadAdminRequest
        || e instanceof StateImportException) {
      badRequest(ctx, e.getMessage());
      return true;
    }
    if (e instanceof GuardRefusal refused) {
      if (refused.status() == 401) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"krr-local operator API\"");
        write(ctx, 401, "unauthorized", refused.getMessage());
      } else {
        write(ctx, 403, "forbidden", refused.getMessage());
      }
      return true;
    }
    if (e instanceof AltinnException refused) {
      switch (refused.reason()) {
        case NOT_FOUND -> notFound(ctx, refused.getMessage());
        case CONFLICT -> write(ctx, 409, "conflict", refused.getMessage());
        default -> badRequest(ctx, refused.getMessage());
      }
      return true;
    }
    if (e instanceof AccessException refused) {
      if (refused.reason() == AccessException.Reason.NOT_FOUND) {
        notFound(ctx, refused.getMessage());
      } else {
        badRequest(ctx, refused.getMessage());
      }
      return true;
    }
    return false;
  }

  @Override
  public ErrorResponse render(Failure failure) {
    String description =
        !enabled && failure.status() == 404
            ? "The operator API is off; start the emulator with it (krr serve --admin)"
            : failure.description();
    return ErrorResponse.json(
        body(failure.error(), description + " (trace_id: " + failure.traceId() + ")"));
  }

  /** Answers 400 {@code invalid_request} with {@code description}. */
  public static void badRequest(Context ctx, String description) {
    write(ctx, 400, "invalid_request", description);
  }

  /** Answers 404 {@code not_found} with {@code description}. */
  public static void notFound(Context ctx, String description) {
    write(ctx, 404, "not_found", description);
  }

  /** Answers 409 {@code conflict} with {@code description}: the request meets work under way. */
  public static void conflict(Context ctx, String description) {
    write(ctx, 409, "conflict", description);
  }

  private static void write(Context ctx, int status, String error, String description) {
    ctx.status(status).contentType("application/json").result(body(error, description));
  }

  private static String body(String error, String description) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    return Json.text(Json.plain(), body);
  }
}
