package io.krrkit.local.internal.web.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.krrkit.core.OrgNumber;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One request to the web page, as its handler sees it: the session, the form, the texts in the
 * visitor's language, and the ways to answer (render a template, redirect).
 *
 * <pre>{@code
 * void confirmDelete(WebContext web) {
 *   RegisteredClient c = clients.get(web.org(), web.pathParam("id")); // another org's: 404 page
 *   web.render("integrations/delete.jte", web.text("integration.delete.title", c.clientName()),
 *       new DeleteView(IntegrationRow.of(c, 0)));
 * }
 * }</pre>
 */
final class WebContext {
  private static final String RENDERED = "krr.web.rendered";

  private final Context ctx;
  private final Site site;
  private WebSession session;

  WebContext(Context ctx, Site site, WebSession session) {
    this.ctx = ctx;
    this.site = site;
    this.session = session;
  }

  /** The visitor's session (anonymous before log-in). */
  WebSession session() {
    return session;
  }

  /** The organisation acted for; only on pages that need log-in. */
  OrgNumber org() {
    return session.organisation().orElseThrow(() -> new IllegalStateException("not signed in"));
  }

  /** Replaces the session (log-in, log-out, another organisation) and sends its cookie. */
  void replaceSession(WebSession replacement) {
    session = replacement;
    site.write(ctx, replacement);
  }

  /** The text of {@code key} in the visitor's language. */
  String text(String key, Object... args) {
    return site.messages.text(session.language(), key, args);
  }

  /** The submitted form fields (first value of each), without the CSRF token. */
  Form form() {
    Map<String, String> values = new HashMap<>();
    readable(ctx::formParamMap)
        .forEach(
            (name, list) -> {
              if (!WebRoutes.CSRF_FIELD.equals(name) && !list.isEmpty()) {
                values.put(name, list.get(0));
              }
            });
    return new Form(values);
  }

  /**
   * The first {@code max} bytes of the file uploaded in the multipart field {@code field}, or
   * {@code null} when no file was chosen.
   */
  byte[] upload(String field, int max) throws IOException {
    UploadedFile file = readable(() -> ctx.uploadedFile(field));
    if (file == null || file.size() == 0) {
      return null;
    }
    try (InputStream in = file.content()) {
      return in.readNBytes(max);
    }
  }

  /** The submitted CSRF token, or {@code null}. */
  String submittedCsrfToken() {
    return readable(() -> ctx.formParam(WebRoutes.CSRF_FIELD));
  }

  /**
   * What Jetty parsed from the body, or 400 when it cannot: a broken multipart body, a missing
   * boundary or an unknown charset fail inside Jetty with whatever it throws (BadMessageException,
   * IllegalStateException, UnsupportedCharsetException, a sneaky ServletException), and none of
   * that is the server's fault.
   */
  private static <T> T readable(Supplier<T> parsed) {
    try {
      return parsed.get();
    } catch (Exception e) { // ServletException comes undeclared through Javalin's Kotlin API
      throw WebException.badRequest();
    }
  }

  /** A query parameter, or {@code null}. */
  String query(String name) {
    return ctx.queryParam(name);
  }

  /** A path parameter of the route ({@code /integrasjoner/{id}}). */
  String pathParam(String name) {
    return ctx.pathParam(name);
  }

  /** Renders {@code template} with status 200. */
  void render(String template, String title, Object view) {
    render(200, template, title, view);
  }

  /**
   * Renders {@code template} (a path under {@code src/main/jte}) with {@code page} (the layout's
   * model, titled {@code title}) and {@code view} (the page's own model, may be {@code null}).
   */
  void render(int status, String template, String title, Object view) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", page(title));
    if (view != null) {
      params.put("view", view);
    }
    ctx.attribute(RENDERED, Boolean.TRUE);
    ctx.status(status).html(site.templates.render(template, params));
  }

  /** True when a page handler already rendered this request's answer. */
  static boolean rendered(Context ctx) {
    return Boolean.TRUE.equals(ctx.attribute(RENDERED));
  }

  /** Answers 303 See Other to {@code path} (after a form: the browser GETs it). */
  void redirect(String path) {
    ctx.redirect(path, HttpStatus.SEE_OTHER);
  }

  private Page page(String title) {
    boolean in = session.signedIn();
    String message = ctx.queryParam(Page.MESSAGE_PARAMETER);
    String flashKey = message == null ? null : "flash." + message;
    String flash =
        flashKey != null && site.messages.has(session.language(), flashKey) ? text(flashKey) : null;
    return new Page(
        site.messages,
        session,
        title,
        ctx.path(),
        ctx.queryString(),
        in ? site.organisations.get(org()) : null,
        in ? site.organisations.all() : List.of(),
        flash);
  }
}
