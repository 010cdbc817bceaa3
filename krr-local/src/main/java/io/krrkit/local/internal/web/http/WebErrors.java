package io.krrkit.local.internal.web.http;

import io.javalin.http.Context;
import io.krrkit.local.internal.client.ClientRegistryException;
import io.krrkit.local.internal.http.ErrorResponse;
import io.krrkit.local.internal.http.Failure;
import io.krrkit.local.internal.http.GuardRefusal;
import io.krrkit.local.internal.http.ServiceErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web page's errors, for every path no service owns (the pages, {@code /static/}, unknown
 * paths): the error page in the page's layout and the visitor's language; before routing, when no
 * session can be read, a bare page in Norwegian.
 */
final class WebErrors implements ServiceErrors {
  private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

  private final Site site;

  WebErrors(Site site) {
    this.site = site;
  }

  @Override
  public String prefix() {
    return "/";
  }

  @Override
  public boolean refusal(Exception e, Context ctx) {
    if (e instanceof WebException refused) {
      log.info("web page {} refused: {} {}", ctx.method(), refused.status(), refused.messageKey());
      page(ctx, refused.status(), refused.messageKey());
      return true;
    }
    if (e instanceof GuardRefusal refused) {
      log.info("web page {} refused: {}", ctx.method(), refused.getMessage());
      WebContext web = site.open(ctx);
      String heading = web.text("error.badRequest.heading");
      web.render(403, "error.jte", heading, new ErrorView(403, heading, refused.getMessage()));
      return true;
    }
    if (e instanceof ClientRegistryException refused) {
      boolean notFound = refused.reason() == ClientRegistryException.Reason.NOT_FOUND;
      log.info("web page {} refused: {}", ctx.method(), refused.reason());
      page(ctx, notFound ? 404 : 400, notFound ? "error.notFound" : "error.badRequest");
      return true;
    }
    return false;
  }

  @Override
  public void write(Failure failure, Context ctx) {
    page(ctx, failure.status(), messageKey(failure.status()));
  }

  @Override
  public ErrorResponse render(Failure failure) {
    String heading =
        switch (failure.status()) {
          case 404 -> "Fant ikke siden";
          case 503 -> "Tjenesten er midlertidig utilgjengelig";
          case 500 -> "Noe gikk galt";
          default -> "Forespørselen kunne ikke behandles";
        };
    return ErrorResponse.html(
        "<!doctype html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>"
            + heading
            + "</title></head><body><main><h1>"
            + heading
            + "</h1><p>"
            + failure.status()
            + " (trace_id: "
            + failure.traceId()
            + ")</p><p><a href=\"/\">Til forsiden</a></p></main></body></html>");
  }

  private void page(Context ctx, int status, String key) {
    WebContext web = site.open(ctx);
    String heading = web.text(key + ".heading");
    web.render(status, "error.jte", heading, new ErrorView(status, heading, web.text(key)));
  }

  private static String messageKey(int status) {
    return switch (status) {
      case 404 -> "error.notFound";
      case 503 -> "error.unavailable";
      case 500 -> "error.internal";
      default -> "error.badRequest";
    };
  }
}
