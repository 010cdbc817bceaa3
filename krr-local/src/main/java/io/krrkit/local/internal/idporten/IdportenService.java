package io.krrkit.local.internal.idporten;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.client.RedirectUriRules;
import io.krrkit.local.internal.client.RegisteredClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * ID-porten's authorization code flow (spec.md#id-porten-subset): checks authorization requests,
 * issues a code when a test person is chosen, and redeems codes and refresh tokens for tokens. Pure
 * domain: no HTTP, no JSON; the clock is injected.
 */
public final class IdportenService {
  static final Duration CODE_LIFETIME = Duration.ofSeconds(60);

  /** Lifetime of a pushed request's {@code request_uri} (Digdir's sample answer: 120 s). */
  static final Duration PUSHED_REQUEST_LIFETIME = Duration.ofSeconds(120);

  static final String REQUEST_URI_PREFIX = "urn:idporten:";
  static final List<String> UI_LOCALES = List.of("nb", "nn", "en", "se");
  static final Scope INTROSPECTION = Scope.of("idporten:token.introspection");
  private static final Set<String> CLIENT_AUTH_PARAMS =
      Set.of("client_assertion", "client_assertion_type", "client_secret");
  static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(120);
  static final Duration DEFAULT_REFRESH_TOKEN_LIFETIME = Duration.ofHours(1);

  /** Scopes every login client may ask for, registered or not. */
  static final Set<Scope> OPENID_SCOPES = Set.of(Scope.of("openid"), Scope.of("profile"));

  private final String issuer;
  private final Clock clock;
  private final ClientAuthenticator clients;
  private final AuthorizationCodeRepository codes;
  private final RefreshTokenRepository refreshTokens;
  private final TokenMinter minter;
  private final IssuedTokenRepository issued;
  private final PushedRequestRepository pushed;
  private final SsoSessionRepository sessions;
  private final OpaqueValues values = new OpaqueValues();

  /** The stores of one ID-porten; every node on one store answers alike. */
  public record Stores(
      AuthorizationCodeRepository codes,
      RefreshTokenRepository refreshTokens,
      IssuedTokenRepository issued,
      PushedRequestRepository pushed,
      SsoSessionRepository sessions) {}

  public IdportenService(
      String issuer, Clock clock, ClientAuthenticator clients, Stores stores, TokenMinter minter) {
    this.issuer = issuer;
    this.clock = clock;
    this.clients = clients;
    this.codes = stores.codes();
    this.refreshTokens = stores.refreshTokens();
    this.issued = stores.issued();
    this.pushed = stores.pushed();
    this.sessions = stores.sessions();
    this.minter = minter;
  }

  /**
   * Checks an authorization request. An unknown client or unregistered {@code redirect_uri} throws
   * {@link AuthorizeRefusal} (an error page); anything else wrong throws {@link AuthorizeRedirect}.
   */
  public AuthorizationRequest authorize(Map<String, String> given) {
    RegisteredClient client = loginClient(given.get("client_id"));
    Map<String, String> params = resolvePushed(client, given);
    String redirectUri = params.get("redirect_uri");
    if (redirectUri != null && !RedirectUriRules.allows(redirectUri, client.applicationType())) {
      // Even when registered (before the rule existed): never send a browser there.
      throw new AuthorizeRefusal(
          "redirect_uri is not a URI ID-porten redirects to: use https (http in test), or a"
              + " custom scheme for application_type native; never javascript:, data: or a"
              + " fragment");
    }
    if (redirectUri == null || !RedirectUris.registered(client.redirectUris(), redirectUri)) {
      throw new AuthorizeRefusal(
          "redirect_uri is not registered on the client; register it exactly (scheme, host, port"
              + " and path) in redirect_uris");
    }
    String state = params.get("state");
    try {
      return check(client, params);
    } catch (OidcException e) {
      String location =
          Redirects.withQuery(
              redirectUri,
              mapOf("error", e.error(), "error_description", e.getMessage(), "state", state));
      throw new AuthorizeRedirect(location, e.getMessage());
    }
  }

  /** The checks of an authorization request after client and redirect URI, as OAuth2 errors. */
  private AuthorizationRequest check(RegisteredClient client, Map<String, String> params) {
    checkShape(client, params);
    String prompt = params.get("prompt");
    if (prompt != null && !"login".equals(prompt)) {
      throw OidcException.invalidRequest("prompt supports only login at ID-porten");
    }
    return new AuthorizationRequest(
        client.clientId(),
        params.get("redirect_uri"),
        scopes(client, params.get("scope")),
        params.get("state"),
        params.get("nonce"),
        pkce(client, params),
        Acr.requested(params.get("acr_values")),
        uiLocale(params.get("ui_locales")),
        "login".equals(prompt));
  }

  /** The first of {@code ui_locales} ID-porten speaks (nb, nn, en, se); nb when none is. */
  static String uiLocale(String uiLocales) {
    if (uiLocales != null) {
      for (String asked : uiLocales.trim().split(" +")) {
        String language = asked.toLowerCase(java.util.Locale.ROOT).split("-")[0];
        if ("no".equals(language) || "nob".equals(language)) {
          language = "nb";
        }
        if (UI_LOCALES.contains(language)) {
          return language;
        }
      }
    }
    return "nb";
  }

  /**
   * The parameters of the authorization request: those given, or with {@code request_uri} the
   * request the client pushed (single use, unexpired, the client's own; nothing else but {@code
   * client_id} may be sent beside it). A bad {@code request_uri} is an error page: where to
   * redirect is not known.
   */
  private Map<String, String> resolvePushed(RegisteredClient client, Map<String, String> given) {
    String requestUri = given.get("request_uri");
    if (requestUri == null) {
      return given;
    }
    for (String name : given.keySet()) {
      if (!Set.of("request_uri", "client_id").contains(name)) {
        throw new AuthorizeRefusal(
            "invalid_request: with request_uri send only client_id; " + name + " was pushed");
      }
    }
    String hash = OpaqueValues.storeKey(requestUri);
    PushedRequest stored =
        pushed
            .find(hash)
            .filter(p -> p.clientId().equals(client.clientId()))
            .orElseThrow(
                () ->
                    new AuthorizeRefusal(
                        "invalid_request_uri: the request_uri is not known for this client_id;"
                            + " push the request to /par again"));
    if (!stored.expires().isAfter(clock.instant())) {
      throw new AuthorizeRefusal(
          "invalid_request_uri: the request_uri has expired (they live "
              + PUSHED_REQUEST_LIFETIME.toSeconds()
              + " s); push the request again");
    }
    if (!pushed.markUsed(hash)) {
      throw new AuthorizeRefusal(
          "invalid_request_uri: the request_uri was used before; push the request again");
    }
    Map<String, String> params = new LinkedHashMap<>(stored.parameters());
    params.put("client_id", client.clientId());
    return params;
  }

  /** A pushed authorization request accepted: the {@code request_uri} to send the browser with. */
  public record Pushed(String requestUri, long expiresIn) {}

  /**
   * Answers {@code POST /par} (RFC 9126): authenticates the client as the token endpoint does,
   * checks the request as {@code /authorize} would (errors as JSON here) and stores it.
   */
  public Pushed par(Map<String, String> form, String authorizationHeader) {
    Instant now = clock.instant();
    ClientAuthenticator.Authenticated caller = clients.authenticate(form, authorizationHeader, now);
    RegisteredClient client = caller.client();
    if (form.containsKey("client_id") && !client.clientId().equals(form.get("client_id"))) {
      throw OidcException.invalidRequest("client_id differs from the authenticated client");
    }
    if (form.containsKey("request_uri")) {
      throw OidcException.invalidRequest("request_uri cannot be pushed (RFC 9126 §2.1)");
    }
    String redirectUri = form.get("redirect_uri");
    if (redirectUri == null
        || !RedirectUriRules.allows(redirectUri, client.applicationType())
        || !RedirectUris.registered(client.redirectUris(), redirectUri)) {
      throw OidcException.invalidRequest(
          "redirect_uri is not registered on the client; register it exactly in redirect_uris");
    }
    Map<String, String> params = new LinkedHashMap<>();
    form.forEach(
        (name, value) -> {
          if (!CLIENT_AUTH_PARAMS.contains(name)) {
            params.put(name, value);
          }
        });
    params.put("client_id", client.clientId());
    check(client, params);
    String requestUri = REQUEST_URI_PREFIX + values.next();
    pushed.insert(
        new PushedRequest(
            OpaqueValues.storeKey(requestUri),
            client.clientId(),
            params,
            now.plus(PUSHED_REQUEST_LIFETIME)));
    return new Pushed(requestUri, PUSHED_REQUEST_LIFETIME.toSeconds());
  }

  /**
   * A log-in answered: where to send the browser, and the SSO cookie to set (null: keep the one it
   * has).
   */
  public record LoggedIn(String location, String newCookie) {}

  /**
   * The browser's live SSO session already satisfies {@code request} (same level or higher, no
   * {@code prompt=login}, the client allows SSO): a code at once, without the log-in page.
   */
  public Optional<String> singleSignOn(AuthorizationRequest request, String cookie) {
    if (request.forceLogin() || cookie == null) {
      return Optional.empty();
    }
    RegisteredClient client = clients.client(request.clientId());
    if (client.ssoDisabled()) {
      return Optional.empty();
    }
    return sessions
        .findLive(OpaqueValues.storeKey(cookie))
        .filter(s -> Acr.satisfies(s.acr(), request.acr()))
        .map(s -> issueCode(request, s));
  }

  /**
   * The person {@code pid} logged in for {@code request}: starts an SSO session (ending the
   * browser's old one), stores a code and answers the redirect location {@code
   * redirect_uri?code=…&state=…&iss=…}.
   */
  public LoggedIn login(AuthorizationRequest request, Personidentifikator pid, String cookie) {
    Instant now = clock.instant();
    if (cookie != null) {
      sessions.findLive(OpaqueValues.storeKey(cookie)).ifPresent(old -> endSession(old.sid()));
    }
    String newCookie = values.next();
    SsoSession session =
        new SsoSession(
            UUID.randomUUID().toString(),
            OpaqueValues.storeKey(newCookie),
            pid,
            request.acr(),
            now);
    sessions.insert(session);
    return new LoggedIn(issueCode(request, session), newCookie);
  }

  /** As {@link #login(AuthorizationRequest, Personidentifikator, String)}, without a browser. */
  public String login(AuthorizationRequest request, Personidentifikator pid) {
    return login(request, pid, null).location();
  }

  private String issueCode(AuthorizationRequest request, SsoSession session) {
    Instant now = clock.instant();
    sessions.join(session.sid(), request.clientId(), now);
    String code = values.next();
    codes.insert(
        new AuthorizationCode(
            OpaqueValues.storeKey(code),
            new Grant(
                request.clientId(),
                session.pid(),
                request.scopes(),
                session.authTime(),
                session.acr(),
                session.sid(),
                null),
            request.redirectUri(),
            request.nonce(),
            request.codeChallenge(),
            now.plus(CODE_LIFETIME),
            false));
    return Redirects.withQuery(
        request.redirectUri(), mapOf("code", code, "state", request.state(), "iss", issuer));
  }

  /** Answers {@code POST /token}: {@code authorization_code} and {@code refresh_token} grants. */
  public TokenResponse token(Map<String, String> form, String authorizationHeader) {
    String grantType = form.get("grant_type");
    if (grantType == null) {
      throw OidcException.invalidRequest("grant_type is missing");
    }
    Instant now = clock.instant();
    ClientAuthenticator.Authenticated caller = clients.authenticate(form, authorizationHeader, now);
    return switch (grantType) {
      case "authorization_code" -> redeemCode(caller, form, now);
      case "refresh_token" -> refresh(caller, form, now);
      default ->
          throw OidcException.unsupportedGrantType(
              "grant_type must be authorization_code or refresh_token");
    };
  }

  private TokenResponse redeemCode(
      ClientAuthenticator.Authenticated caller, Map<String, String> form, Instant now) {
    String code = required(form, "code");
    String hash = OpaqueValues.storeKey(code);
    // Another client's code is "not known" to this one: neither spent nor confirmed to exist.
    AuthorizationCode stored =
        codes
            .find(hash)
            .filter(c -> c.grant().clientId().equals(caller.client().clientId()))
            .orElseThrow(() -> OidcException.invalidGrant("the code is not known here"));
    if (stored.used()) {
      spentTwice(hash);
    }
    if (!stored.expires().isAfter(now)) {
      throw OidcException.invalidGrant("the code has expired; redeem codes within 60 s");
    }
    if (!stored.redirectUri().equals(form.get("redirect_uri"))) {
      throw OidcException.invalidGrant(
          "redirect_uri must be the one sent in the authorization request");
    }
    checkVerifier(stored, form.get("code_verifier"));
    // Spent only once every check passed, atomically: of racing redemptions one wins.
    if (!codes.markUsed(hash)) {
      spentTwice(hash);
    }
    return respond(caller, stored.grant().from(hash), stored.nonce(), now);
  }

  /** RFC 6749 §4.1.2: a code redeemed twice is refused and the tokens it gave are revoked. */
  private void spentTwice(String codeHash) {
    issued.revokeOrigin(codeHash);
    refreshTokens.revokeOrigin(codeHash);
    throw OidcException.invalidGrant(
        "the code was used before; the tokens it gave are revoked. Log in again for a new code");
  }

  private static void checkVerifier(AuthorizationCode stored, String verifier) {
    if (stored.codeChallenge() == null) {
      return;
    }
    if (verifier == null) {
      throw OidcException.invalidGrant("code_verifier is missing (PKCE)");
    }
    if (!Pkce.isVerifier(verifier) || !Pkce.matches(verifier, stored.codeChallenge())) {
      throw OidcException.invalidGrant(
          "code_verifier does not match the code_challenge (PKCE S256: the challenge is"
              + " BASE64URL(SHA256(verifier)) without padding)");
    }
  }

  private TokenResponse refresh(
      ClientAuthenticator.Authenticated caller, Map<String, String> form, Instant now) {
    if (ClientAuthenticator.NONE.equals(caller.method())) {
      throw OidcException.invalidClient(
          "the refresh_token grant needs client authentication; public clients log in again");
    }
    String hash = OpaqueValues.storeKey(required(form, "refresh_token"));
    RefreshToken stored =
        refreshTokens
            .find(hash)
            .filter(t -> t.grant().clientId().equals(caller.client().clientId()))
            .orElseThrow(() -> OidcException.invalidGrant("the refresh_token is not known here"));
    if (stored.revoked()) {
      throw OidcException.invalidGrant("the refresh_token was revoked; log in again");
    }
    if (!stored.expires().isAfter(now)) {
      throw OidcException.invalidGrant("the refresh_token has expired; log in again");
    }
    boolean oneTime = !"REUSE".equals(caller.client().refreshTokenUsage());
    if (oneTime && !refreshTokens.markUsed(hash)) {
      throw OidcException.invalidGrant(
          "the refresh_token was used before (refresh_token_usage ONETIME); use the newest one");
    }
    Grant grant = stored.grant();
    return respond(caller, grant, null, now);
  }

  private TokenResponse respond(
      ClientAuthenticator.Authenticated caller, Grant grant, String nonce, Instant now) {
    RegisteredClient client = caller.client();
    Duration lifetime = seconds(client.accessTokenLifetime(), DEFAULT_ACCESS_TOKEN_LIFETIME);
    String idToken =
        grant.scopes().contains(Scope.of("openid"))
            ? minter.idToken(client, grant, nonce, now)
            : null;
    String jti = UUID.randomUUID().toString();
    String accessToken = minter.accessToken(client, grant, lifetime, now, jti);
    issued.insert(new IssuedToken(jti, grant, now.plus(lifetime), false));
    return new TokenResponse(
        accessToken,
        lifetime.toSeconds(),
        idToken,
        issueRefreshToken(caller, grant, now),
        Scope.join(grant.scopes().stream().sorted().toList()));
  }

  private String issueRefreshToken(
      ClientAuthenticator.Authenticated caller, Grant grant, Instant now) {
    RegisteredClient client = caller.client();
    if (ClientAuthenticator.NONE.equals(caller.method())
        || !client.grantTypes().contains("refresh_token")) {
      return null;
    }
    String token = values.next();
    Duration life = seconds(client.refreshTokenLifetime(), DEFAULT_REFRESH_TOKEN_LIFETIME);
    refreshTokens.insert(
        new RefreshToken(OpaqueValues.storeKey(token), grant, now.plus(life), false));
    return token;
  }

  /**
   * Answers {@code POST /revoke} (RFC 7009): the client authenticates as at the token endpoint
   * (public clients with {@code client_id}); a valid access or refresh token of its own revokes
   * every token of the underlying grant (this client, this person), not the SSO session. An unknown
   * or invalid token is answered like a revoked one (RFC 7009 §2.2); another client's is refused.
   */
  public void revoke(Map<String, String> form, String authorizationHeader) {
    Instant now = clock.instant();
    ClientAuthenticator.Authenticated caller = clients.authenticate(form, authorizationHeader, now);
    String token = required(form, "token");
    String hint = form.get("token_type_hint");
    if (hint != null && !Set.of("access_token", "refresh_token").contains(hint)) {
      throw OidcException.unsupportedTokenType(
          "token_type_hint must be access_token or refresh_token");
    }
    Optional<Grant> grant =
        refreshTokens
            .find(OpaqueValues.storeKey(token))
            .map(RefreshToken::grant)
            .or(
                () ->
                    minter
                        .verifyOwn(token)
                        .filter(TokenMinter.Verified::accessToken)
                        .flatMap(v -> issuedGrant(v.claims())));
    if (grant.isEmpty()) {
      return;
    }
    if (!grant.get().clientId().equals(caller.client().clientId())) {
      throw OidcException.invalidGrant("the token was issued to another client");
    }
    issued.revokeGrant(grant.get().clientId(), grant.get().pid().value());
    refreshTokens.revokeGrant(grant.get().clientId(), grant.get().pid().value());
  }

  private Optional<Grant> issuedGrant(com.nimbusds.jwt.JWTClaimsSet claims) {
    return Optional.ofNullable(claims.getJWTID()).flatMap(issued::find).map(IssuedToken::grant);
  }

  /**
   * Answers {@code POST /tokeninfo} (RFC 7662): the caller authenticates with its registered method
   * ({@code none} cannot) and must be registered with {@code idporten:token.introspection}. An
   * access token this ID-porten issued, unexpired and unrevoked, is {@code active} with its claims;
   * anything else is {@code {"active": false}}.
   */
  public Map<String, Object> introspect(Map<String, String> form, String authorizationHeader) {
    Instant now = clock.instant();
    ClientAuthenticator.Authenticated caller = clients.authenticate(form, authorizationHeader, now);
    if (ClientAuthenticator.NONE.equals(caller.method())) {
      throw OidcException.invalidClient(
          "token introspection needs client authentication; public clients cannot introspect");
    }
    if (!caller.client().scopes().contains(INTROSPECTION)) {
      throw OidcException.notRegisteredFor(
          "the client is not registered with the scope " + INTROSPECTION.value());
    }
    String token = required(form, "token");
    Map<String, Object> answer = new LinkedHashMap<>();
    Optional<com.nimbusds.jwt.JWTClaimsSet> claims =
        minter
            .verifyOwn(token)
            .filter(TokenMinter.Verified::accessToken)
            .map(TokenMinter.Verified::claims);
    Optional<IssuedToken> record =
        claims
            .flatMap(c -> Optional.ofNullable(c.getJWTID()))
            .flatMap(issued::find)
            .filter(t -> !t.revoked() && t.expires().isAfter(now));
    if (record.isEmpty()) {
      answer.put("active", false);
      return answer;
    }
    answer.put("active", true);
    answer.put("token_type", "Bearer");
    long exp = claims.get().getExpirationTime().toInstant().getEpochSecond();
    answer.put("expires_in", Math.max(0, exp - now.getEpochSecond()));
    claims.get().getClaims().forEach((name, value) -> answer.putIfAbsent(name, claimValue(value)));
    answer.put("exp", exp);
    answer.put("iat", claims.get().getIssueTime().toInstant().getEpochSecond());
    answer.remove("aud");
    clients
        .find(record.get().grant().clientId())
        .ifPresent(c -> answer.put("client_orgno", c.orgNumber().value()));
    return answer;
  }

  private static Object claimValue(Object value) {
    return value instanceof java.util.Date d ? d.toInstant().getEpochSecond() : value;
  }

  /** Whether the access token with {@code jti} was issued here and is not revoked. */
  public boolean active(String jti) {
    return jti != null && issued.find(jti).filter(t -> !t.revoked()).isPresent();
  }

  /**
   * A logout accepted: the front-channel logout URIs to frame (each with {@code iss} and {@code
   * sid}) and where to send the browser afterwards ({@code null}: stay on the logged-out page).
   */
  public record LoggedOut(List<String> frontchannelUris, String redirect) {}

  /**
   * Answers {@code /logout} (OpenID Connect RP-Initiated Logout): checks {@code id_token_hint}
   * (this issuer's signature; expiry does not matter), {@code client_id} and {@code
   * post_logout_redirect_uri} (registered on the client, and needs the hint or client_id), ends the
   * browser's SSO session, revokes its authentication-only tokens, and lists the clients to notify.
   *
   * @throws AuthorizeRefusal an error page: no session in this browser, a bad hint or redirect
   */
  public LoggedOut logout(Map<String, String> params, String cookie) {
    String hint = params.get("id_token_hint");
    String clientId = params.get("client_id");
    String redirect = params.get("post_logout_redirect_uri");
    String state = params.get("state");
    String hintSid = null;
    if (hint != null) {
      com.nimbusds.jwt.JWTClaimsSet claims =
          minter
              .verifyOwn(hint)
              .filter(v -> !v.accessToken())
              .map(TokenMinter.Verified::claims)
              .orElseThrow(
                  () -> new AuthorizeRefusal("id_token_hint is not an ID token from " + issuer));
      String audience = claims.getAudience().isEmpty() ? null : claims.getAudience().get(0);
      if (clientId != null && !clientId.equals(audience)) {
        throw new AuthorizeRefusal("client_id differs from the audience of id_token_hint");
      }
      clientId = audience;
      hintSid = (String) claims.getClaim("sid");
    }
    if (state != null && !state.matches("[\\x20-\\x7E]+")) {
      throw new AuthorizeRefusal("state may hold only printable ASCII (0x20-0x7E)");
    }
    String location = null;
    if (redirect != null) {
      if (clientId == null) {
        throw new AuthorizeRefusal(
            "post_logout_redirect_uri needs id_token_hint or client_id beside it");
      }
      RegisteredClient client =
          clients
              .find(clientId)
              .orElseThrow(() -> new AuthorizeRefusal("no active client with this client_id"));
      if (!client.postLogoutRedirectUris().contains(redirect)) {
        throw new AuthorizeRefusal(
            "post_logout_redirect_uri is not registered on the client; register it exactly in"
                + " post_logout_redirect_uris");
      }
      location = Redirects.withQuery(redirect, mapOf("state", state));
    }
    SsoSession session =
        (cookie == null
                ? Optional.<SsoSession>empty()
                : sessions.findLive(OpaqueValues.storeKey(cookie)))
            .orElseThrow(
                () ->
                    new AuthorizeRefusal(
                        "there is no ID-porten session in this browser (no or an ended session"
                            + " cookie); you are logged out"));
    if (hintSid != null && !hintSid.equals(session.sid())) {
      throw new AuthorizeRefusal("id_token_hint belongs to another session than this browser's");
    }
    List<String> frontchannel = new java.util.ArrayList<>();
    for (String member : sessions.clients(session.sid())) {
      clients
          .find(member)
          .map(RegisteredClient::frontchannelLogoutUri)
          .filter(uri -> uri != null && !uri.isBlank())
          .ifPresent(
              uri ->
                  frontchannel.add(
                      Redirects.withQuery(uri, mapOf("iss", issuer, "sid", session.sid()))));
    }
    endSession(session.sid());
    return new LoggedOut(frontchannel, location);
  }

  /** Ends session {@code sid} and revokes its authentication-only tokens (Digdir's step 2). */
  private void endSession(String sid) {
    if (sessions.end(sid)) {
      issued.revokeAuthenticationOnly(sid);
      refreshTokens.revokeAuthenticationOnly(sid);
    }
  }

  private RegisteredClient loginClient(String clientId) {
    if (clientId == null) {
      throw new AuthorizeRefusal("client_id is missing");
    }
    try {
      return clients.client(clientId);
    } catch (OidcException e) {
      throw new AuthorizeRefusal(e.getMessage());
    }
  }

  private static Set<Scope> scopes(RegisteredClient client, String scope) {
    Set<Scope> asked;
    try {
      asked = Scope.parseList(scope);
    } catch (IllegalArgumentException e) {
      throw OidcException.invalidScope("a scope is malformed");
    }
    if (asked.isEmpty()) {
      throw OidcException.invalidScope("scope is missing; ask for openid and the API's scopes");
    }
    for (Scope s : asked) {
      if (!OPENID_SCOPES.contains(s) && !client.scopes().contains(s)) {
        throw OidcException.invalidScope(s.value() + " is not registered on the client");
      }
    }
    return asked;
  }

  private static void checkShape(RegisteredClient client, Map<String, String> params) {
    if (!"code".equals(params.get("response_type"))) {
      throw OidcException.unsupportedResponseType("response_type must be code");
    }
    if (params.get("state") == null
        && ClientAuthenticator.NONE.equals(client.tokenEndpointAuthMethod())) {
      throw OidcException.invalidRequest("state is required for public clients");
    }
  }

  private static String pkce(RegisteredClient client, Map<String, String> params) {
    String challenge = params.get("code_challenge");
    boolean pkceOff = "none".equals(client.codeChallengeMethod());
    if (challenge == null && pkceOff) {
      return null;
    }
    if (challenge == null) {
      throw OidcException.invalidRequest(
          "code_challenge is missing: ID-porten requires PKCE with code_challenge_method S256");
    }
    if (!"S256".equals(params.get("code_challenge_method"))) {
      throw OidcException.invalidRequest("code_challenge_method must be S256");
    }
    if (!Pkce.isChallenge(challenge)) {
      throw OidcException.invalidRequest(
          "code_challenge must be 43 base64url characters (SHA-256, no padding)");
    }
    return challenge;
  }

  private static String required(Map<String, String> form, String name) {
    String value = form.get(name);
    if (value == null) {
      throw OidcException.invalidRequest(name + " is missing");
    }
    return value;
  }

  private static Duration seconds(int configured, Duration fallback) {
    return configured > 0 ? Duration.ofSeconds(configured) : fallback;
  }

  private static Map<String, String> mapOf(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
