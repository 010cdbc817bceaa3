package io.krrkit.local.internal.selfservice.http;

import io.javalin.http.Context;
import io.krrkit.local.internal.client.FieldError;
import io.krrkit.local.internal.http.Failure;
import io.krrkit.local.internal.http.Json;
import io.krrkit.local.internal.http.LogSafe;
import io.krrkit.local.internal.http.TraceId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every refused self-service request as the real error envelope and logs it once, with the
 * correlation id the caller sees, so a user can find the request in the log.
 */
final class ErrorResponder {
  private static final Logger log = LoggerFactory.getLogger(ErrorResponder.class);
  private static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final SelfServiceJson json;
  private final Clock clock;

  ErrorResponder(SelfServiceJson json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  void render(ApiError e, Context ctx) {
    String correlationId = TraceId.of(ctx);
    List<ErrorJson.Entry> entries =
        e.errors().stream().map(error -> entry(error, e.objectName())).toList();
    String joined = e.errors().stream().map(m -> ", " + m.message()).collect(Collectors.joining());
    ErrorJson body =
        new ErrorJson(
            e.status(), UTC_MILLIS.format(clock.instant()), correlationId, entries, joined, joined);
    log.info(
        "self-service {} {} refused with {} (correlation_id {}): {}",
        ctx.method(),
        LogSafe.mask(ctx.path()),
        e.status(),
        correlationId,
        LogSafe.mask(e.getMessage()));
    if (e.challenge() != null) {
      ctx.header("WWW-Authenticate", e.challenge());
    }
    json.write(ctx, e.status(), body);
  }

  private static ErrorJson.Entry entry(FieldError error, String about) {
    String field = error.field();
    // Key set problems concern the uploaded JWKS; other client problems the client.
    String objectName =
        about != null ? about : field != null && field.startsWith("keys") ? "Jwks" : "Client";
    return new ErrorJson.Entry(error.message(), error.isFieldError(), objectName, field);
  }

  /** A failure that is no self-service refusal, in the same envelope. */
  String render(Failure failure) {
    ErrorJson body =
        new ErrorJson(
            failure.status(),
            UTC_MILLIS.format(clock.instant()),
            failure.traceId(),
            List.of(new ErrorJson.Entry(failure.description(), false, "Request", null)),
            ", " + failure.description(),
            ", " + failure.description());
    return Json.text(Json.snakeCase(), body);
  }
}
