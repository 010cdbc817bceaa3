package io.krrkit.local.internal.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.krrkit.local.internal.store.StoreException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error path of the emulator. Every error of every route comes here: Javalin's exceptions
 * (a service's own refusals, unknown paths, 405, 413, unreadable bodies, store failures, anything
 * unexpected), {@link Error}s, and the errors Jetty answers before any route runs (431 headers too
 * large, a bad request line, an idle time-out). The service that owns the path (by prefix, see
 * {@link ServiceErrors}) renders it in its own shape. Each error is logged once, with its trace id;
 * no answer carries a stack trace or a class name.
 *
 * <ul>
 *   <li>a service's refusal: rendered and logged by that service;
 *   <li>an HTTP-level error (404, 405, 408, 413, 415, 431, …): that status, logged at INFO;
 *   <li>the store unavailable ({@link StoreException#unavailable()}): 503 with {@code Retry-After},
 *       logged at WARN;
 *   <li>anything else: 500, logged at ERROR with the stack trace (messages masked, database
 *       messages left out).
 * </ul>
 */
public final class ErrorPath {
  /** Seconds a client is told to wait when the store is unavailable. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private static final Logger log = LoggerFactory.getLogger(ErrorPath.class);

  private final List<ServiceErrors> services;

  /**
   * Routes errors to {@code services} by their prefixes, longest first; one of them must own {@code
   * /}.
   */
  public ErrorPath(List<ServiceErrors> services) {
    this.services =
        services.stream()
            .sorted(Comparator.comparingInt((ServiceErrors s) -> s.prefix().length()).reversed())
            .toList();
    if (this.services.stream().noneMatch(s -> s.prefix().equals("/"))) {
      throw new IllegalArgumentException("no service owns /");
    }
  }

  /** Installs the error path on the server {@code config} builds. */
  public void register(JavalinConfig config) {
    config.routes.exception(Exception.class, this::handle);
    // Replaces Javalin's own rendering of 404, 405, 413 and the other HTTP errors.
    config.routes.exception(HttpResponseException.class, this::handle);
    config.router.javaLangErrorHandler(this::fatal);
    config.http.prefer405over404 = true;
    config.jetty.modifyServer(server -> server.setErrorHandler(new BeforeRouting()));
  }

  private void handle(Exception e, Context ctx) {
    ServiceErrors service = serviceFor(ctx.path());
    try {
      if (service.refusal(e, ctx)) {
        return;
      }
    } catch (RuntimeException renderingFailed) {
      e = renderingFailed;
    }
    Failure failure = classify(e, TraceId.of(ctx));
    logOnce(ctx.method().name(), ctx.path(), failure, e);
    ctx.header("Cache-Control", "no-store");
    if (failure.retryAfterSeconds() > 0) {
      ctx.header("Retry-After", Integer.toString(failure.retryAfterSeconds()));
    }
    try {
      service.write(failure, ctx);
    } catch (RuntimeException writeFailed) {
      writeBare(failure, service, ctx);
    }
  }

  /** A {@link Error} (a stack overflow, out of memory): a 500 in the shape, nothing else. */
  private void fatal(HttpServletResponse res, Error error) {
    Failure failure = internal(TraceId.fresh());
    log.error(
        "unexpected {} (trace_id: {})\n{}",
        error.getClass().getName(),
        failure.traceId(),
        LogSafe.stackTrace(error));
    try {
      ErrorResponse body = services.get(services.size() - 1).render(failure);
      res.setStatus(500);
      res.setContentType(body.contentType());
      res.getWriter().write(body.body());
    } catch (IOException | RuntimeException ignored) {
      // The connection is going away; the log line is what is left.
    }
  }

  private static void writeBare(Failure failure, ServiceErrors service, Context ctx) {
    ErrorResponse body = service.render(failure);
    ctx.status(failure.status()).contentType(body.contentType()).result(body.body());
  }

  private ServiceErrors serviceFor(String path) {
    String p = path == null ? "/" : path;
    for (ServiceErrors service : services) {
      String prefix = service.prefix();
      if (p.startsWith(prefix) || (p + "/").equals(prefix)) {
        return service;
      }
    }
    return services.get(services.size() - 1);
  }

  /** What to answer for {@code e}, which no service claimed as its refusal. */
  static Failure classify(Exception e, String traceId) {
    if (e instanceof HttpResponseException h) {
      return httpFailure(h.getStatus(), traceId);
    }
    if (e instanceof BadMessageException b) {
      // Jetty's refusal while a route reads the body, e.g. 408 when it trickles below the rate.
      return httpFailure(b.getCode(), traceId);
    }
    if (e instanceof StoreException s && s.unavailable()) {
      return new Failure(
          503,
          "temporarily_unavailable",
          "The emulator's store is unavailable; try again shortly",
          traceId,
          RETRY_AFTER_SECONDS);
    }
    return internal(traceId);
  }

  private static Failure internal(String traceId) {
    return new Failure(
        500,
        "server_error",
        "The emulator failed unexpectedly; its log has the details under this trace id",
        traceId,
        0);
  }

  /** The failure for an HTTP-level error with {@code status}. */
  static Failure httpFailure(int status, String traceId) {
    return switch (status) {
      case 404 -> new Failure(404, "not_found", "There is no such resource", traceId, 0);
      case 405 ->
          new Failure(
              405, "method_not_allowed", "The resource does not take this method", traceId, 0);
      case 408 ->
          new Failure(408, "invalid_request", "The request was not sent in time", traceId, 0);
      case 413 -> new Failure(413, "invalid_request", "The request body is too large", traceId, 0);
      case 414 -> new Failure(414, "invalid_request", "The request URI is too long", traceId, 0);
      case 415 ->
          new Failure(
              415, "invalid_request", "The request's content type is not supported", traceId, 0);
      case 431 ->
          new Failure(431, "invalid_request", "The request's headers are too large", traceId, 0);
      case 503 ->
          new Failure(
              503, "temporarily_unavailable", "The emulator is busy", traceId, RETRY_AFTER_SECONDS);
      default -> {
        if (status >= 500 && status <= 599) {
          yield internal(traceId);
        }
        yield new Failure(
            status >= 400 && status <= 499 ? status : 400,
            "invalid_request",
            "The request could not be read",
            traceId,
            0);
      }
    };
  }

  private static void logOnce(String method, String path, Failure failure, Throwable cause) {
    String where = method + " " + LogSafe.mask(path);
    if (failure.status() == 500) {
      log.error(
          "{} failed: unexpected {} (trace_id: {})\n{}",
          where,
          cause.getClass().getName(),
          failure.traceId(),
          LogSafe.stackTrace(cause));
    } else if (failure.status() == 503) {
      log.warn(
          "{} answered 503: the store is unavailable ({}) (trace_id: {})",
          where,
          LogSafe.mask(cause.getMessage()),
          failure.traceId());
    } else {
      log.info(
          "{} answered {} {} (trace_id: {})",
          where,
          failure.status(),
          failure.error(),
          failure.traceId());
    }
  }

  /** Jetty's errors before any route ran, rendered by the service that owns the path. */
  private final class BeforeRouting extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status = response.getStatus() >= 400 ? response.getStatus() : 400;
      String path = request.getHttpURI() == null ? "/" : request.getHttpURI().getPath();
      Failure failure = httpFailure(status, TraceId.fresh());
      logOnce(request.getMethod(), Objects.requireNonNullElse(path, "/"), failure, null);
      ErrorResponse body = serviceFor(path).render(failure);
      response.setStatus(failure.status());
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, body.contentType());
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      if (failure.retryAfterSeconds() > 0) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, failure.retryAfterSeconds());
      }
      body.headers().forEach((name, value) -> response.getHeaders().put(name, value));
      response.write(true, ByteBuffer.wrap(body.body().getBytes(StandardCharsets.UTF_8)), callback);
      return true;
    }
  }
}
