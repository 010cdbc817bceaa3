package io.krrkit.local.internal.krr.http;

import io.javalin.http.Context;
import io.krrkit.local.internal.http.Failure;
import io.krrkit.local.internal.http.Json;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a {@link LookupError} as {@link ErrorBody} with its challenge, and logs it once. */
final class ErrorResponder {
  private static final Logger log = LoggerFactory.getLogger(ErrorResponder.class);
  private static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final JsonWriter json;
  private final Clock clock;

  ErrorResponder(JsonWriter json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  void render(LookupError e, Context ctx) {
    // The description never holds identifiers or tokens, so it is safe to log.
    log.info("KRR {} refused with {} {}: {}", ctx.path(), e.status(), e.error(), e.getMessage());
    if (e.challenge() != null) {
      ctx.header("WWW-Authenticate", e.challenge());
    }
    ErrorBody body =
        new ErrorBody(e.status(), e.error(), e.getMessage(), UTC_MILLIS.format(clock.instant()));
    json.write(ctx, e.status(), body);
  }

  /** A failure that is no lookup refusal, in the same shape. */
  String render(Failure failure) {
    return Json.text(
        Json.krr(),
        new ErrorBody(
            failure.status(),
            failure.error(),
            failure.description() + " (trace_id: " + failure.traceId() + ")",
            UTC_MILLIS.format(clock.instant())));
  }
}
