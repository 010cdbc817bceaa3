package io.krrkit.local.internal.http;

import io.javalin.http.Context;

/**
 * The browser security headers of every answer: a Content-Security-Policy without inline script
 * that no page may frame, {@code X-Frame-Options}, {@code nosniff} and a Referrer-Policy; answers
 * of the operator and self-service APIs (keys, certificates, secrets) are never cached.
 */
final class SecurityHeaders {
  private static final String BASE =
      "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none';"
          + " object-src 'none'";

  /** Pages whose forms post only to this server. */
  static final String PAGES = BASE + "; form-action 'self'";

  /**
   * ID-porten's log-in page: its form posts here and is answered with a redirect to the client's
   * {@code redirect_uri}, which browsers check against {@code form-action} too.
   */
  static final String IDPORTEN = BASE;

  /**
   * ID-porten's logout page frames each client's {@code frontchannel_logout_uri}, wherever it is.
   */
  static final String IDPORTEN_LOGOUT = BASE + "; frame-src http: https:";

  /** Swagger UI sets style attributes from its script; its script is still only ours and its. */
  static final String SWAGGER_UI = BASE + "; style-src 'self' 'unsafe-inline'; form-action 'self'";

  private SecurityHeaders() {}

  static void write(Context ctx, String path) {
    ctx.header("Content-Security-Policy", policy(path));
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    // same-origin, not no-referrer: under no-referrer Chromium sends "Origin: null" on form posts.
    ctx.header("Referrer-Policy", "same-origin");
    if (path.startsWith("/admin") || path.startsWith("/selvbetjening/api/")) {
      ctx.header("Cache-Control", "no-store");
    }
  }

  private static String policy(String path) {
    if (path.equals("/idporten/logout")) {
      return IDPORTEN_LOGOUT;
    }
    if (path.startsWith("/idporten/")) {
      return IDPORTEN;
    }
    if (path.startsWith("/selvbetjening/swagger-ui")) {
      return SWAGGER_UI;
    }
    return PAGES;
  }
}
