package io.krrkit.local.internal.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The checks every request passes before its route, as Javalin before-handlers: browser security
 * headers on every answer; the operator API ({@code /admin}) only with the operator token, or
 * without one only from loopback; and on {@code /admin} and the web page's form posts, an {@code
 * Origin} and {@code Host} that are this server's own, against cross-site requests and DNS
 * rebinding. Refusals on {@code /admin} answer the operator API's JSON error shape.
 */
public final class RequestGuards {
  /** Paths of the services beside the web page (the rest, {@code /} and below, is the page). */
  private static final List<String> SERVICE_PATHS =
      List.of("/selvbetjening/", "/maskinporten/", "/kontaktregisteret/", "/idporten/", "/static/");

  private static final int MIN_TOKEN_LENGTH = 16;

  private final byte[] operatorTokenHash;
  private final AllowedHosts hosts;

  /**
   * @param operatorToken the token every {@code /admin} call must send as {@code Authorization:
   *     Bearer}, or {@code null}: then only loopback callers reach the operator API
   * @param publicUrl the emulator's public URL, or {@code null}
   * @param boundHost the interface the server binds
   * @param allowedHosts host names browsers may use besides loopback, the public URL's and the
   *     bound one
   */
  public RequestGuards(
      String operatorToken, String publicUrl, String boundHost, List<String> allowedHosts) {
    this.operatorTokenHash = operatorToken == null ? null : sha256(operatorToken);
    this.hosts = new AllowedHosts(publicUrl, boundHost, allowedHosts);
  }

  /**
   * Refuses to serve an unauthenticated operator API beyond loopback: with {@code adminApi} on, a
   * {@code host} that is not a loopback interface needs an operator token.
   *
   * @throws IllegalArgumentException when the operator API would be open to every host
   */
  public static void checkExposure(String host, boolean adminApi, String operatorToken) {
    if (adminApi && operatorToken == null && !isLoopbackInterface(host)) {
      throw new IllegalArgumentException(
          "the operator API (--admin) on host "
              + host
              + " would be open to every machine that reaches it; set an operator token"
              + " (--operator-token or KRR_LOCAL_OPERATOR_TOKEN) or bind 127.0.0.1");
    }
  }

  /**
   * Checks an operator token's shape.
   *
   * @throws IllegalArgumentException when it is too short to guess or holds white space
   */
  public static String checkToken(String token) {
    if (token.length() < MIN_TOKEN_LENGTH || token.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "the operator token must be at least "
              + MIN_TOKEN_LENGTH
              + " characters without white space (e.g. openssl rand -hex 32)");
    }
    return token;
  }

  /** Registers the guards; call before the routes are added. */
  public void register(RoutesConfig routes) {
    routes.before(this::guard);
  }

  private void guard(Context ctx) {
    String path = ctx.path();
    SecurityHeaders.write(ctx, path);
    if (path.equals("/admin") || path.startsWith("/admin/")) {
      guardOperatorApi(ctx);
    } else if (isWebPage(path) && !isSafe(ctx.method())) {
      guardWebForm(ctx);
    }
  }

  private void guardOperatorApi(Context ctx) {
    if (operatorTokenHash != null) {
      if (!hasOperatorToken(ctx)) {
        refuse(
            ctx,
            401,
            "the operator API needs the operator token: send Authorization: Bearer <token> (the"
                + " token krr serve got with --operator-token or KRR_LOCAL_OPERATOR_TOKEN)");
      } else if (foreignOrigin(ctx) != null) {
        // A page that rebinds a name cannot know the token, so the Host needs no check here.
        refuse(ctx, 403, foreignOrigin(ctx));
      }
      return;
    }
    String refusal = crossSite(ctx);
    if (refusal != null) {
      refuse(ctx, 403, refusal);
    } else if (!fromLoopback(ctx)) {
      refuse(
          ctx,
          403,
          "the operator API answers only loopback callers unless krr serve has an operator token"
              + " (--operator-token or KRR_LOCAL_OPERATOR_TOKEN)");
    }
  }

  private static void refuse(Context ctx, int status, String description) {
    throw new GuardRefusal(status, description);
  }

  private void guardWebForm(Context ctx) {
    String refusal = crossSite(ctx);
    if (refusal != null) {
      throw new GuardRefusal(403, refusal);
    }
  }

  /** Why the request looks cross-site or rebound, or {@code null} when it is this site's own. */
  private String crossSite(Context ctx) {
    String host = ctx.header("Host");
    if (host != null && !hosts.allowsHostHeader(host)) {
      return "the Host header names a host this server does not answer for (DNS rebinding?);"
          + " allowed: "
          + String.join(", ", hosts.names().stream().sorted().toList())
          + "; add a name with --allowed-host or KRR_LOCAL_ALLOWED_HOSTS";
    }
    return foreignOrigin(ctx);
  }

  /** Why the request's {@code Origin} is not this site's, or {@code null} when it is. */
  private String foreignOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin != null && !hosts.allowsOrigin(origin, ctx.header("Host"))) {
      return "cross-site request refused: the Origin is not this server's own";
    }
    if ("cross-site".equals(ctx.header("Sec-Fetch-Site"))) {
      return "cross-site request refused (Sec-Fetch-Site: cross-site)";
    }
    return null;
  }

  private boolean hasOperatorToken(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(operatorTokenHash, sha256(authorization.substring(7).trim()));
  }

  private static boolean fromLoopback(Context ctx) {
    try {
      return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean isLoopbackInterface(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean isWebPage(String path) {
    return SERVICE_PATHS.stream().noneMatch(path::startsWith);
  }

  private static boolean isSafe(HandlerType method) {
    return method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
