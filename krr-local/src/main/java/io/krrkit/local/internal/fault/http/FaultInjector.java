package io.krrkit.local.internal.fault.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.krrkit.local.FaultEndpoint;
import io.krrkit.local.internal.fault.FaultDecision;
import io.krrkit.local.internal.fault.FaultRules;
import io.krrkit.local.internal.fault.FaultStep;
import io.krrkit.local.internal.http.Failure;
import io.krrkit.local.internal.http.LogSafe;
import io.krrkit.local.internal.http.RequestNote;
import io.krrkit.local.internal.http.ServiceErrors;
import io.krrkit.local.internal.http.TraceId;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SelectableChannelEndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@link FaultRules} as a before-handler: a request to a faulted endpoint group waits
 * the rule's latency, then meets its step (an error in the service's own shape, a bare status, a
 * reset connection or no answer) instead of the real endpoint, or the real answer when the step
 * passes. The journal records faulted requests like any other, with the status answered (0 when the
 * connection was dropped) and the rule's id in {@code details.fault}.
 */
public final class FaultInjector {
  private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);

  private final FaultRules rules;
  private final Map<FaultEndpoint, ServiceErrors> shapes;

  /**
   * @param rules the rules in force
   * @param shapes the error shape of each endpoint group (Maskinporten's OAuth error for the token
   *     endpoint, KRR's for lookups, …)
   */
  public FaultInjector(FaultRules rules, Map<FaultEndpoint, ServiceErrors> shapes) {
    this.rules = rules;
    this.shapes = Map.copyOf(shapes);
    for (FaultEndpoint endpoint : FaultEndpoint.values()) {
      if (!this.shapes.containsKey(endpoint)) {
        throw new IllegalArgumentException("no error shape for " + endpoint);
      }
    }
  }

  /** Registers the before-handler; call after the request guards. */
  public void register(RoutesConfig routes) {
    routes.before(this::inject);
    // The fault answered (or dropped the connection) already; the error path has nothing to add.
    routes.exception(Injected.class, (e, ctx) -> {});
  }

  private void inject(Context ctx) throws InterruptedException {
    Optional<FaultEndpoint> endpoint = FaultEndpoint.of(ctx.path());
    if (endpoint.isEmpty()) {
      return;
    }
    Optional<FaultDecision> decided = rules.decide(endpoint.get());
    if (decided.isEmpty()) {
      return;
    }
    FaultDecision decision = decided.get();
    RequestNote.of(ctx).detail("fault", decision.ruleId());
    if (!decision.delay().isZero()) {
      rules.await(decision.ruleId(), decision.delay());
    }
    FaultStep step = decision.step();
    if (step.passes()) {
      return;
    }
    log.info(
        "{} {}: fault {} injected ({}) (trace_id: {})",
        ctx.method().name(),
        LogSafe.maskAll(ctx.path()),
        decision.ruleId(),
        step.wireValue(),
        TraceId.of(ctx));
    switch (step.kind()) {
      case STATUS -> answer(ctx, endpoint.get(), decision.ruleId(), step);
      case RESET -> reset(ctx);
      case NO_ANSWER -> {
        rules.await(decision.ruleId(), decision.hold());
        reset(ctx);
      }
      case PASS -> throw new IllegalStateException("a pass is no fault");
    }
    throw new Injected();
  }

  private void answer(Context ctx, FaultEndpoint endpoint, String ruleId, FaultStep step) {
    int status = step.status();
    ctx.header("Cache-Control", "no-store");
    if (step.retryAfter() >= 0) {
      ctx.header("Retry-After", Integer.toString(step.retryAfter()));
    }
    if (status < 400) {
      ctx.status(status).result("");
      return;
    }
    shapes
        .get(endpoint)
        .write(
            new Failure(
                status,
                error(status),
                "Fault injected by the operator (krr-local rule " + ruleId + ")",
                TraceId.of(ctx),
                0),
            ctx);
  }

  /** The OAuth-style error code of an injected error status. */
  static String error(int status) {
    return switch (status) {
      case 429 -> "too_many_requests";
      case 503 -> "temporarily_unavailable";
      default -> status >= 500 ? "server_error" : "invalid_request";
    };
  }

  /**
   * Drops the connection with a TCP reset (linger 0), so the client meets "connection reset". The
   * journal records status 0: nothing was answered.
   */
  private static void reset(Context ctx) {
    RequestNote.of(ctx).dropped();
    EndPoint endPoint =
        ServletContextRequest.getServletContextRequest(ctx.req())
            .getConnectionMetaData()
            .getConnection()
            .getEndPoint();
    if (endPoint instanceof SelectableChannelEndPoint channel
        && channel.getChannel() instanceof java.nio.channels.SocketChannel socket) {
      try {
        socket.setOption(StandardSocketOptions.SO_LINGER, 0);
      } catch (IOException e) {
        // Then the close below ends the connection without a reset: still no answer.
      }
    }
    endPoint.close();
  }

  /** The request was faulted; nothing more to answer. */
  private static final class Injected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Injected() {
      super(null, null, false, false);
    }
  }
}
