package io.krrkit.local.internal.web.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Personidentifikator;
import io.krrkit.local.internal.web.Organisations;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * What every page handler shares: texts, templates, the organisations, and the session cookie
 * (read, start, write). One per emulator; {@link #open} makes the {@link WebContext} of a request.
 */
final class Site {
  final Messages messages;
  final Templates templates;
  final Organisations organisations;
  private final SessionCookie cookie;
  private final SecureRandom random;
  private final Clock clock;
  private final boolean secureCookies;

  Site(
      Messages messages,
      Templates templates,
      Organisations organisations,
      SessionCookie cookie,
      SecureRandom random,
      Clock clock,
      boolean secureCookies) {
    this.messages = messages;
    this.templates = templates;
    this.organisations = organisations;
    this.cookie = cookie;
    this.random = random;
    this.clock = clock;
    this.secureCookies = secureCookies;
  }

  /**
   * The request with its session: the one in the cookie, or a fresh anonymous one (sent back at
   * once); {@code ?lang=en} switches its language.
   */
  WebContext open(Context ctx) {
    WebSession session = cookie.read(ctx.cookie(SessionCookie.NAME), clock.instant()).orElse(null);
    WebContext web = new WebContext(ctx, this, session == null ? anonymous(Language.NB) : session);
    if (session == null) {
      web.replaceSession(web.session());
    }
    Language.fromTag(ctx.queryParam("lang"))
        .filter(l -> l != web.session().language())
        .ifPresent(l -> web.replaceSession(web.session().in(l)));
    return web;
  }

  /** A new session with no one logged in and a fresh CSRF token. */
  WebSession anonymous(Language language) {
    return WebSession.anonymous(newToken(), language, clock.instant());
  }

  /** A new session for {@code person} acting for {@code org}, with a fresh CSRF token. */
  WebSession signedIn(Language language, Personidentifikator person, OrgNumber org) {
    return new WebSession(newToken(), language, person, org, clock.instant());
  }

  /** Sets the cookie of {@code session} on the response. */
  void write(Context ctx, WebSession session) {
    Cookie c = new Cookie(SessionCookie.NAME, cookie.write(session));
    c.setPath("/");
    c.setHttpOnly(true);
    c.setSecure(secureCookies);
    c.setSameSite(SameSite.LAX);
    c.setMaxAge((int) SessionCookie.LIFETIME.toSeconds());
    ctx.cookie(c);
  }

  private String newToken() {
    byte[] token = new byte[32];
    random.nextBytes(token);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }
}
