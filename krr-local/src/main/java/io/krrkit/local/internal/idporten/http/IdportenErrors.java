package io.krrkit.local.internal.idporten.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.krrkit.local.internal.http.ErrorResponse;
import io.krrkit.local.internal.http.Failure;
import io.krrkit.local.internal.http.Json;
import io.krrkit.local.internal.http.ServiceErrors;
import io.krrkit.local.internal.idporten.AuthorizeRedirect;
import io.krrkit.local.internal.idporten.AuthorizeRefusal;
import io.krrkit.local.internal.idporten.LoginPage;
import io.krrkit.local.internal.idporten.OidcException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ID-porten's errors under {@code /idporten/}: OpenID Connect's {@code {error, error_description}}
 * from the token, userinfo and metadata endpoints; at {@code authorize}, where a person's browser
 * is, an error page (or, once the redirect URI is trusted, a redirect carrying the error).
 */
final class IdportenErrors implements ServiceErrors {
  private static final Logger log = LoggerFactory.getLogger(IdportenErrors.class);

  private final ObjectMapper json;

  IdportenErrors(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public String prefix() {
    return IdportenRoutes.PREFIX + "/";
  }

  @Override
  public boolean refusal(Exception e, Context ctx) {
    if (e instanceof OidcException refused) {
      log.info("ID-porten {} refused: {} {}", ctx.path(), refused.error(), refused.getMessage());
      if (refused.status() == 401) {
        String authorization = ctx.header("Authorization");
        boolean basic =
            authorization != null && authorization.regionMatches(true, 0, "basic ", 0, 6);
        ctx.header(
            "WWW-Authenticate",
            basic ? "Basic realm=\"idporten\"" : "Bearer error=\"" + refused.error() + "\"");
      }
      ctx.status(refused.status())
          .header("Cache-Control", "no-store")
          .contentType("application/json")
          .result(body(refused.error(), refused.getMessage()));
      return true;
    }
    if (e instanceof AuthorizeRefusal refused) {
      log.info("ID-porten {} refused: {}", ctx.path(), refused.getMessage());
      ctx.status(400)
          .header("Cache-Control", "no-store")
          .html(LoginPage.error(refused.getMessage()));
      return true;
    }
    if (e instanceof AuthorizeRedirect redirect) {
      log.info("ID-porten {} refused, redirecting: {}", ctx.path(), redirect.getMessage());
      ctx.redirect(redirect.location(), HttpStatus.FOUND);
      return true;
    }
    return false;
  }

  @Override
  public ErrorResponse render(Failure failure) {
    return ErrorResponse.json(
        body(failure.error(), failure.description() + " (trace_id: " + failure.traceId() + ")"));
  }

  @Override
  public void write(Failure failure, Context ctx) {
    if (ctx.path().endsWith("/authorize")) {
      ctx.status(failure.status())
          .html(LoginPage.error(failure.description() + " (trace_id: " + failure.traceId() + ")"));
    } else {
      ServiceErrors.super.write(failure, ctx);
    }
  }

  private String body(String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    return Json.text(json, body);
  }
}
