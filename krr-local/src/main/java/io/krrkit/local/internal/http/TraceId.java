package io.krrkit.local.internal.http;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The trace id of a request: 32 hex digits, made on first use and kept for the request, so the
 * answer and the one log line of an error carry the same id (Maskinporten's {@code trace_id}, the
 * self-service API's {@code correlation_id}).
 */
public final class TraceId {
  private static final String ATTRIBUTE = "krr-local.trace-id";
  private static final SecureRandom RANDOM = new SecureRandom();

  private TraceId() {}

  /** The trace id of the request in {@code ctx}. */
  public static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    if (id == null) {
      id = fresh();
      ctx.attribute(ATTRIBUTE, id);
    }
    return id;
  }

  /** The trace id of the request in {@code ctx} if it was given one, else {@code null}. */
  public static String ifAny(Context ctx) {
    return ctx.attribute(ATTRIBUTE);
  }

  /** A new trace id, for errors answered before any request context exists. */
  public static String fresh() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
