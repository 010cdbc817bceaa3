package io.krrkit.local.internal.idporten.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.krrkit.core.Personidentifikator;
import io.krrkit.local.internal.client.ClientRepository;
import io.krrkit.local.internal.client.RegisteredClient;
import io.krrkit.local.internal.http.Json;
import io.krrkit.local.internal.http.RequestBody;
import io.krrkit.local.internal.http.RequestNote;
import io.krrkit.local.internal.http.ServiceErrors;
import io.krrkit.local.internal.idporten.AuthorizationRequest;
import io.krrkit.local.internal.idporten.AuthorizeRefusal;
import io.krrkit.local.internal.idporten.IdportenService;
import io.krrkit.local.internal.idporten.LoginPage;
import io.krrkit.local.internal.idporten.OidcException;
import io.krrkit.local.internal.idporten.TokenMinter;
import io.krrkit.local.internal.idporten.TokenResponse;
import io.krrkit.local.internal.idporten.UserToken;
import io.krrkit.local.internal.idporten.UserTokenVerifier;
import io.krrkit.local.internal.krr.PersonDirectory;
import io.krrkit.local.internal.maskinporten.InvalidTokenException;
import io.krrkit.local.internal.signing.SigningKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ID-porten routes in one table; handlers parse, call {@link IdportenService}, render. */
public final class IdportenRoutes {
  /** Path of the issuer under the emulator's base URL. */
  public static final String PREFIX = "/idporten";

  /** The SSO session cookie (path {@value #PREFIX}), like ID-porten's own session cookie. */
  static final String SESSION_COOKIE = "KRR_IDPORTEN_SSO";

  private static final Logger log = LoggerFactory.getLogger(IdportenRoutes.class);

  private final String issuer;
  private final IdportenService service;
  private final SigningKeys key;
  private final UserTokenVerifier verifier;
  private final ClientRepository clients;
  private final PersonDirectory persons;
  private final LoginPage loginPage = new LoginPage(PREFIX + "/authorize");
  private final ObjectMapper json = Json.plain();
  private static final List<String> SECRET_OR_KEY =
      List.of("client_secret_basic", "client_secret_post", "private_key_jwt");
  private static final List<String> AUTH_METHODS =
      List.of("client_secret_basic", "client_secret_post", "private_key_jwt", "none");

  public IdportenRoutes(
      String issuer,
      IdportenService service,
      SigningKeys key,
      UserTokenVerifier verifier,
      ClientRepository clients,
      PersonDirectory persons) {
    this.issuer = issuer;
    this.service = service;
    this.key = key;
    this.verifier = verifier;
    this.clients = clients;
    this.persons = persons;
  }

  public void register(RoutesConfig routes) {
    routes.get(PREFIX + "/.well-known/openid-configuration", this::metadata);
    routes.get(PREFIX + "/jwk", this::jwks);
    routes.get(PREFIX + "/authorize", this::loginPage);
    routes.post(PREFIX + "/authorize", this::login);
    routes.post(PREFIX + "/token", this::token);
    routes.get(PREFIX + "/userinfo", this::userinfo);
    routes.post(PREFIX + "/par", this::par);
    routes.get(PREFIX + "/logout", ctx -> logout(ctx, single(ctx.queryParamMap())));
    routes.post(PREFIX + "/logout", ctx -> logout(ctx, form(ctx, true)));
    routes.post(PREFIX + "/revoke", this::revoke);
    routes.post(PREFIX + "/tokeninfo", this::introspect);
  }

  private void metadata(Context ctx) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", issuer);
    doc.put("authorization_endpoint", issuer + "/authorize");
    doc.put("token_endpoint", issuer + "/token");
    doc.put("userinfo_endpoint", issuer + "/userinfo");
    doc.put("end_session_endpoint", issuer + "/logout");
    doc.put("pushed_authorization_request_endpoint", issuer + "/par");
    doc.put("revocation_endpoint", issuer + "/revoke");
    doc.put("introspection_endpoint", issuer + "/tokeninfo");
    doc.put("jwks_uri", issuer + "/jwk");
    doc.put("response_types_supported", List.of("code"));
    doc.put("response_modes_supported", List.of("query"));
    doc.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
    doc.put("subject_types_supported", List.of("pairwise"));
    doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
    doc.put("code_challenge_methods_supported", List.of("S256"));
    doc.put("token_endpoint_auth_methods_supported", AUTH_METHODS);
    doc.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
    doc.put("scopes_supported", List.of("openid", "profile"));
    doc.put("acr_values_supported", List.of("idporten-loa-substantial", "idporten-loa-high"));
    doc.put("ui_locales_supported", List.of("nb", "nn", "en", "se"));
    doc.put("prompt_values_supported", List.of("login"));
    doc.put(
        "claims_supported",
        List.of(
            "iss",
            "aud",
            "sub",
            "pid",
            "acr",
            "amr",
            "auth_time",
            "locale",
            "nonce",
            "sid",
            "iat",
            "exp",
            "jti"));
    doc.put("authorization_response_iss_parameter_supported", true);
    doc.put("request_uri_parameter_supported", true);
    doc.put("require_pushed_authorization_requests", false);
    doc.put("frontchannel_logout_supported", true);
    doc.put("frontchannel_logout_session_supported", true);
    doc.put("revocation_endpoint_auth_methods_supported", AUTH_METHODS);
    doc.put("introspection_endpoint_auth_methods_supported", SECRET_OR_KEY);
    writeJson(ctx, 200, doc);
  }

  private void jwks(Context ctx) {
    ctx.contentType(ContentType.APPLICATION_JSON).result(key.jwks().toString(true));
  }

  private void loginPage(Context ctx) {
    Map<String, String> params = single(ctx.queryParamMap());
    RequestNote.of(ctx).client(params.get("client_id"));
    AuthorizationRequest request = service.authorize(params);
    var sso = service.singleSignOn(request, ctx.cookie(SESSION_COOKIE));
    if (sso.isPresent()) {
      ctx.header("Cache-Control", "no-store").redirect(sso.get(), HttpStatus.FOUND);
      return;
    }
    String query = params.get("q");
    ctx.header("Cache-Control", "no-store")
        .html(
            loginPage.render(
                request,
                clientName(request.clientId()),
                query,
                persons.active(query, LoginPage.LISTED)));
  }

  private void login(Context ctx) {
    Map<String, String> form;
    try {
      form = single(RequestBody.form(ctx));
    } catch (RequestBody.Unreadable e) {
      throw new AuthorizeRefusal(e.getMessage() + "; go back and try again");
    }
    RequestNote.of(ctx).client(form.get("client_id"));
    AuthorizationRequest request = service.authorize(form);
    String pid = form.get("pid");
    if (pid == null || !Personidentifikator.isValid(pid)) {
      throw new AuthorizeRefusal(
          "choose a test person, or type an 11-digit identity number with valid control digits;"
              + " go back and try again");
    }
    IdportenService.LoggedIn done =
        service.login(request, Personidentifikator.of(pid), ctx.cookie(SESSION_COOKIE));
    setSessionCookie(ctx, done.newCookie(), -1);
    ctx.redirect(done.location(), HttpStatus.FOUND);
  }

  private void setSessionCookie(Context ctx, String value, int maxAge) {
    boolean https = issuer.startsWith("https:");
    // SameSite=None lets a client's cross-site POST to /logout carry it; browsers take None only
    // with Secure, so plain http (tests, localhost) falls back to Lax.
    StringBuilder cookie =
        new StringBuilder(SESSION_COOKIE + "=" + value + "; Path=" + PREFIX + "; HttpOnly");
    cookie.append(https ? "; Secure; SameSite=None" : "; SameSite=Lax");
    if (maxAge >= 0) {
      cookie.append("; Max-Age=").append(maxAge);
    }
    ctx.header("Set-Cookie", cookie.toString());
  }

  private void par(Context ctx) {
    IdportenService.Pushed pushed = service.par(form(ctx, false), ctx.header("Authorization"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("request_uri", pushed.requestUri());
    body.put("expires_in", pushed.expiresIn());
    writeJson(ctx, 201, body);
  }

  private void logout(Context ctx, Map<String, String> params) {
    IdportenService.LoggedOut done = service.logout(params, ctx.cookie(SESSION_COOKIE));
    setSessionCookie(ctx, "", 0);
    ctx.header("Cache-Control", "no-store")
        .html(LoginPage.loggedOut(done.frontchannelUris(), done.redirect()));
  }

  private void revoke(Context ctx) {
    service.revoke(form(ctx, false), ctx.header("Authorization"));
    ctx.status(200).header("Cache-Control", "no-store");
  }

  private void introspect(Context ctx) {
    writeJson(ctx, 200, service.introspect(form(ctx, false), ctx.header("Authorization")));
  }

  /** The form body; unreadable is invalid_request, or an error page where a browser is. */
  private static Map<String, String> form(Context ctx, boolean browser) {
    try {
      return single(RequestBody.form(ctx));
    } catch (RequestBody.Unreadable e) {
      if (browser) {
        throw new AuthorizeRefusal(e.getMessage() + "; go back and try again");
      }
      throw OidcException.invalidRequest(e.getMessage());
    }
  }

  private void token(Context ctx) {
    Map<String, String> form;
    try {
      form = single(RequestBody.form(ctx));
    } catch (RequestBody.Unreadable e) {
      throw OidcException.invalidRequest(e.getMessage());
    }
    // A public client or client_secret_post names itself here; Basic is read by the journal.
    RequestNote.of(ctx).client(form.get("client_id")).detail("grant_type", form.get("grant_type"));
    TokenResponse token = service.token(form, ctx.header("Authorization"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", token.accessToken());
    body.put("token_type", "Bearer");
    body.put("expires_in", token.expiresIn());
    if (token.idToken() != null) {
      body.put("id_token", token.idToken());
    }
    if (token.refreshToken() != null) {
      body.put("refresh_token", token.refreshToken());
    }
    body.put("scope", token.scope());
    ctx.header("Pragma", "no-cache");
    writeJson(ctx, 200, body);
  }

  private void userinfo(Context ctx) {
    UserToken token;
    try {
      token = verifier.verify(ctx.header("Authorization"));
    } catch (InvalidTokenException e) {
      throw OidcException.invalidToken(e.getMessage());
    }
    RequestNote.of(ctx).client(token.clientId());
    if (!service.active(token.jti())) {
      throw OidcException.invalidToken("the token was revoked; log in again");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sub", TokenMinter.pairwiseSubject(token.clientId(), token.pid().value()));
    body.put("pid", token.pid().value());
    body.put("locale", "nb");
    writeJson(ctx, 200, body);
  }

  private String clientName(String clientId) {
    return clients
        .findById(clientId)
        .map(RegisteredClient::clientName)
        .filter(n -> n != null && !n.isBlank())
        .orElse(clientId);
  }

  private void writeJson(Context ctx, int status, Map<String, Object> body) {
    try {
      ctx.status(status)
          .header("Cache-Control", "no-store")
          .contentType(ContentType.APPLICATION_JSON)
          .result(json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings did not serialise", e);
    }
  }

  /** One value per parameter; a repeated one is refused (RFC 6749 §3.1), an empty one is absent. */
  private static Map<String, String> single(Map<String, List<String>> params) {
    Map<String, String> single = new LinkedHashMap<>();
    params.forEach(
        (name, values) -> {
          if (values.size() > 1) {
            throw OidcException.invalidRequest(name + " is repeated; send it once");
          }
          if (!values.isEmpty() && !values.get(0).isEmpty()) {
            single.put(name, values.get(0));
          }
        });
    return single;
  }

  /** How errors under {@code /idporten/} are answered. */
  public ServiceErrors errors() {
    return new IdportenErrors(json);
  }
}
