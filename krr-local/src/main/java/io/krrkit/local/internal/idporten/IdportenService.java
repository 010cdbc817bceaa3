package io.krrkit.local.internal.idporten;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.client.RedirectUriRules;
import io.krrkit.local.internal.client.RegisteredClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * ID-porten's authorization code flow (spec.md#id-porten-subset): checks authorization requests,
 * issues a code when a test person is chosen, and redeems codes and refresh tokens for tokens. Pure
 * domain: no HTTP, no JSON; the clock is injected.
 */
public final class IdportenService {
  static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
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
  private final OpaqueValues values = new OpaqueValues();

  public IdportenService(
      String issuer,
      Clock clock,
      ClientAuthenticator clients,
      AuthorizationCodeRepository codes,
      RefreshTokenRepository refreshTokens,
      TokenMinter minter) {
    this.issuer = issuer;
    this.clock = clock;
    this.clients = clients;
    this.codes = codes;
    this.refreshTokens = refreshTokens;
    this.minter = minter;
  }

  /**
   * Checks an authorization request. An unknown client or unregistered {@code redirect_uri} throws
   * {@link AuthorizeRefusal} (an error page); anything else wrong throws {@link AuthorizeRedirect}.
   */
  public AuthorizationRequest authorize(Map<String, String> params) {
    RegisteredClient client = loginClient(params.get("client_id"));
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
      checkShape(client, params);
      return new AuthorizationRequest(
          client.clientId(),
          redirectUri,
          scopes(client, params.get("scope")),
          state,
          params.get("nonce"),
          pkce(client, params));
    } catch (OidcException e) {
      String location =
          Redirects.withQuery(
              redirectUri,
              mapOf("error", e.error(), "error_description", e.getMessage(), "state", state));
      throw new AuthorizeRedirect(location, e.getMessage());
    }
  }

  /**
   * The person {@code pid} logged in for {@code request}: stores a code and answers the redirect
   * location {@code redirect_uri?code=…&state=…&iss=…}.
   */
  public String login(AuthorizationRequest request, Personidentifikator pid) {
    Instant now = clock.instant();
    String code = values.next();
    codes.insert(
        new AuthorizationCode(
            OpaqueValues.storeKey(code),
            new Grant(request.clientId(), pid, request.scopes(), now),
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
    AuthorizationCode stored =
        codes
            .find(hash)
            .orElseThrow(() -> OidcException.invalidGrant("the code is not known here"));
    if (!codes.markUsed(hash)) {
      throw OidcException.invalidGrant("the code was used before; log in again for a new code");
    }
    if (!stored.expires().isAfter(now)) {
      throw OidcException.invalidGrant("the code has expired; redeem codes within 60 s");
    }
    if (!stored.grant().clientId().equals(caller.client().clientId())) {
      throw OidcException.invalidGrant("the code was issued to another client");
    }
    if (!stored.redirectUri().equals(form.get("redirect_uri"))) {
      throw OidcException.invalidGrant(
          "redirect_uri must be the one sent in the authorization request");
    }
    checkVerifier(stored, form.get("code_verifier"));
    return respond(caller, stored.grant(), stored.nonce(), now);
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
    return new TokenResponse(
        minter.accessToken(client, grant, lifetime, now),
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
