package io.krrkit.local.internal.web.http;

import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.krrkit.local.internal.access.ScopeRegistry;
import io.krrkit.local.internal.client.ClientRegistry;
import io.krrkit.local.internal.client.KeyRing;
import io.krrkit.local.internal.client.OnBehalfOfRegistry;
import io.krrkit.local.internal.http.ServiceErrors;
import io.krrkit.local.internal.journal.JournalRing;
import io.krrkit.local.internal.krr.PersonDirectory;
import io.krrkit.local.internal.web.Organisations;
import io.krrkit.local.internal.web.SessionSecrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-service web page, "Min side" (like {@code sjolvbetjening.samarbeid.digdir.no}), served
 * at {@code /}: every route in one table below. Pages act on the same registries as the
 * self-service API, so the page and the API see one store. Each route is wrapped: the session is
 * read (or started), every POST must carry the session's CSRF token, pages behind log-in redirect
 * to it, and anything thrown becomes an error page.
 */
public final class WebRoutes {
  /** Name of the hidden CSRF field every state-changing form carries. */
  static final String CSRF_FIELD = "csrf";

  private static final Logger log = LoggerFactory.getLogger(WebRoutes.class);

  private final Site site;
  private final LoginPages login;
  private final IntegrationPages integrations;
  private final KeyPages keys;
  private final OnBehalfOfPages onBehalfOfPages;
  private final ScopePages scopePages;
  private final JournalPages journalPages;

  /**
   * Serves the pages on the given registries.
   *
   * @param baseUrl the emulator's public URL; session cookies are {@code Secure} when it is https
   */
  public WebRoutes(
      ClientRegistry clients,
      KeyRing keyRing,
      OnBehalfOfRegistry onBehalfOf,
      ScopeRegistry scopes,
      PersonDirectory persons,
      JournalRing journal,
      Organisations organisations,
      SessionSecrets secrets,
      Clock clock,
      String baseUrl) {
    SecureRandom random = new SecureRandom();
    this.site =
        new Site(
            new Messages(),
            new Templates(),
            organisations,
            new SessionCookie(secrets.loadOrCreate("session")),
            random,
            clock,
            baseUrl.startsWith("https:"));
    this.login = new LoginPages(site, persons, organisations);
    this.integrations = new IntegrationPages(clients, scopes, baseUrl + "/maskinporten/");
    this.keys = new KeyPages(clients, keyRing, clock);
    this.onBehalfOfPages = new OnBehalfOfPages(clients, onBehalfOf);
    this.scopePages = new ScopePages(scopes);
    this.journalPages = new JournalPages(journal, clients);
  }

  /** Registers the static files ({@code /static/…}) and the page routes. */
  public void register(JavalinConfig config) {
    RoutesConfig r = config.routes;
    r.get("/static/<path>", ctx -> StaticFiles.serve(ctx, ctx.pathParam("path")));
    r.get("/", open(login::home));
    r.get("/logg-inn", open(login::form));
    r.post("/logg-inn", open(login::signIn));
    r.post("/logg-ut", open(login::signOut));
    r.post("/organisasjoner", open(login::addOrganisation));
    r.post("/organisasjon", signedIn(login::switchOrganisation));
    r.get("/integrasjoner", signedIn(integrations::list));
    r.get("/integrasjoner/ny", signedIn(integrations::newForm));
    r.post("/integrasjoner", signedIn(integrations::create));
    r.get("/integrasjoner/{id}", signedIn(integrations::show));
    r.get("/integrasjoner/{id}/endre", signedIn(integrations::editForm));
    r.post("/integrasjoner/{id}/endre", signedIn(integrations::update));
    r.get("/integrasjoner/{id}/slett", signedIn(integrations::confirmDelete));
    r.post("/integrasjoner/{id}/slett", signedIn(integrations::delete));
    r.get("/integrasjoner/{id}/nokler", signedIn(keys::list));
    r.post("/integrasjoner/{id}/nokler", signedIn(keys::add));
    r.post("/integrasjoner/{id}/nokler/slett", signedIn(keys::delete));
    r.get("/integrasjoner/{id}/paa-vegne-av", signedIn(onBehalfOfPages::list));
    r.post("/integrasjoner/{id}/paa-vegne-av", signedIn(onBehalfOfPages::add));
    r.post("/integrasjoner/{id}/paa-vegne-av/slett", signedIn(onBehalfOfPages::delete));
    r.get("/scopes", signedIn(scopePages::list));
    r.get("/scopes/ny", signedIn(scopePages::newForm));
    r.post("/scopes", signedIn(scopePages::create));
    r.get("/scopes/scope", signedIn(scopePages::show));
    r.post("/scopes/scope", signedIn(scopePages::update));
    r.post("/scopes/scope/deaktiver", signedIn(scopePages::deactivate));
    r.post("/scopes/scope/aktiver", signedIn(scopePages::activate));
    r.post("/scopes/tilgang", signedIn(scopePages::grant));
    r.post("/scopes/tilgang/fjern", signedIn(scopePages::revoke));
    r.get("/foresporsler", signedIn(journalPages::list));
  }

  /** A page anyone may open. */
  private Handler open(PageHandler handler) {
    return ctx -> handle(ctx, handler, false);
  }

  /** A page behind log-in: visitors who are not logged in are sent to the log-in page. */
  private Handler signedIn(PageHandler handler) {
    return ctx -> handle(ctx, handler, true);
  }

  private void handle(Context ctx, PageHandler handler, boolean needsLogin) throws Exception {
    // The CSP and the other security headers come from RequestGuards, as for every page.
    ctx.header("Cache-Control", "no-store");
    WebContext web = site.open(ctx);
    if (ctx.method() == HandlerType.POST) {
      checkCsrf(web);
    }
    if (needsLogin && !web.session().signedIn()) {
      web.redirect("/logg-inn");
      return;
    }
    // Refusals and failures alike go to the one error path, which renders them with WebErrors.
    handler.handle(web);
  }

  /** How errors outside the services' prefixes (the pages, static files, unknown paths) look. */
  public ServiceErrors errors() {
    return new WebErrors(site);
  }

  private static void checkCsrf(WebContext web) {
    String sent = web.submittedCsrfToken();
    byte[] expected = web.session().csrfToken().getBytes(StandardCharsets.UTF_8);
    if (sent == null || !MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8))) {
      throw WebException.csrf();
    }
  }
}
