package io.krrkit.local.internal.journal.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.krrkit.local.RecordedRequest;
import io.krrkit.local.internal.http.LogSafe;
import io.krrkit.local.internal.http.RequestNote;
import io.krrkit.local.internal.http.TraceId;
import io.krrkit.local.internal.journal.JournalRing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Records every request to the emulated services in the {@link JournalRing}, as a before- and an
 * after-handler: Maskinporten, KRR, the self-service API, ID-porten and the web page's form posts,
 * not the operator API, {@code /health}, {@code /ready} or static files. What a route noted ({@link
 * RequestNote}) gives the client, scopes and details; a client named in HTTP Basic authentication
 * is taken from the header. Nothing secret is read: no body, no query, no token.
 */
public final class JournalRecorder {
  private static final String STARTED = "krr-local.journal.started";
  private static final String TIME = "krr-local.journal.time";

  private final JournalRing ring;
  private final Clock clock;

  /** Records into {@code ring}, timed on {@code clock} (the emulator's). */
  public JournalRecorder(JournalRing ring, Clock clock) {
    this.ring = ring;
    this.clock = clock;
  }

  /** Registers the handlers; call before any other before-handler, so refusals are timed too. */
  public void register(RoutesConfig routes) {
    routes.before(this::start);
    routes.after(this::record);
  }

  private void start(Context ctx) {
    if (recorded(ctx) != null) {
      ctx.attribute(TIME, clock.instant());
      // A duration, not a time of day: the emulator's clock may be frozen or moved.
      ctx.attribute(STARTED, System.nanoTime());
    }
  }

  private void record(Context ctx) {
    String service = recorded(ctx);
    if (service == null) {
      return;
    }
    String path = ctx.path();
    Long started = ctx.attribute(STARTED);
    Instant time = ctx.attribute(TIME);
    Duration duration =
        started == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
    RequestNote note = RequestNote.ifAny(ctx);
    String clientId = note == null ? null : note.clientId();
    if (clientId == null) {
      clientId = basicAuthUser(ctx.header("Authorization"));
    }
    String client = clientId;
    ring.add(
        sequence ->
            new RecordedRequest(
                sequence,
                time == null ? clock.instant() : time,
                service,
                ctx.method().name(),
                LogSafe.maskAll(path),
                note != null && note.wasDropped() ? 0 : ctx.statusCode(),
                duration,
                client,
                note == null ? null : note.scope(),
                TraceId.ifAny(ctx),
                note == null ? Map.of() : note.details()));
  }

  /**
   * The service of a request that is recorded, or {@code null}. Of the web page only its form posts
   * are: page views would bury the services' calls (the journal page's own among them).
   */
  private static String recorded(Context ctx) {
    String service = serviceOf(ctx.path());
    if ("web".equals(service)) {
      HandlerType method = ctx.method();
      if (method == HandlerType.GET
          || method == HandlerType.HEAD
          || method == HandlerType.OPTIONS) {
        return null;
      }
    }
    return service;
  }

  /** The service a path belongs to, or {@code null} when it is not recorded. */
  static String serviceOf(String path) {
    if (path.startsWith("/maskinporten/")
        || path.equals("/.well-known/oauth-authorization-server/maskinporten")) {
      return "maskinporten";
    }
    if (path.startsWith("/kontaktregisteret/")) {
      return "kontaktregisteret";
    }
    if (path.startsWith("/selvbetjening/")) {
      return "selvbetjening";
    }
    if (path.startsWith("/idporten/") || path.equals("/idporten")) {
      return "idporten";
    }
    if (path.equals("/admin")
        || path.startsWith("/admin/")
        || path.startsWith("/static/")
        || path.equals("/health")
        || path.equals("/ready")
        || path.equals("/favicon.ico")) {
      return null;
    }
    return "web";
  }

  /** The user of HTTP Basic authentication (a client id), never its password. */
  private static String basicAuthUser(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? null : RequestNote.clipped(decoded.substring(0, colon));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
