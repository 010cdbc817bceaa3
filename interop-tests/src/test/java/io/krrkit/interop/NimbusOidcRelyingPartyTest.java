package io.krrkit.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.krrkit.selfservice.RegisteredClient;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Nimbus OAuth 2.0 / OpenID Connect SDK as a citizen-facing web application's relying party
 * uses it against krr-local's ID-porten: discovery, the authorization code flow with PKCE (S256),
 * client authentication by {@code client_secret_basic}, {@code client_secret_post} and {@code
 * private_key_jwt}, a pushed authorization request (PAR), the ID token validated by the SDK's
 * {@link IDTokenValidator} against the published JWKS, userinfo and RP-initiated logout. The person
 * is chosen on ID-porten's log-in page by posting its form back, as a browser does.
 */
class NimbusOidcRelyingPartyTest {
  @RegisterExtension static final InteropFixture fixture = new InteropFixture();

  private static final String PERSON = "20914695016";
  private static final URI CALLBACK = URI.create("https://rp.example.no/callback");
  private static final URI LOGGED_OUT = URI.create("https://rp.example.no/logged-out");
  private static final Scope SCOPE = new Scope("openid", "profile");

  private static OIDCProviderMetadata op;

  @BeforeAll
  static void discover() throws Exception {
    op = OIDCProviderMetadata.resolve(new Issuer(fixture.idportenIssuer()));
  }

  @Test
  void discoveryNamesEveryEndpointTheFlowUses() {
    assertThat(op.getIssuer().getValue()).isEqualTo(fixture.idportenIssuer());
    assertThat(op.getAuthorizationEndpointURI()).isNotNull();
    assertThat(op.getPushedAuthorizationRequestEndpointURI()).isNotNull();
    assertThat(op.getEndSessionEndpointURI()).isNotNull();
    assertThat(op.getUserInfoEndpointURI()).isNotNull();
    assertThat(op.getCodeChallengeMethods()).contains(CodeChallengeMethod.S256);
    assertThat(op.getTokenEndpointAuthMethods().stream().map(Object::toString))
        .contains("client_secret_basic", "client_secret_post", "private_key_jwt");
  }

  @Test
  void codeFlowWithPkceAndClientSecretBasic() throws Exception {
    RegisteredClient client = register("client_secret_basic", null);
    ClientAuthentication auth =
        new ClientSecretBasic(new ClientID(client.clientId()), new Secret(client.clientSecret()));

    Login login = logIn(new IdportenBrowser(), authenticationRequest(client.clientId()));
    OIDCTokenResponse tokens = redeem(login, auth);

    IDTokenClaimsSet claims = validate(tokens, client.clientId(), login.nonce());
    assertThat(claims.getStringClaim("pid")).isEqualTo(PERSON);
    assertThat(claims.getStringClaim("acr")).isEqualTo("idporten-loa-substantial");

    RefreshToken refresh = tokens.getOIDCTokens().getRefreshToken();
    assertThat(refresh).as("the refresh_token grant is registered").isNotNull();
    var refreshed =
        OIDCTokenResponseParser.parse(
            new TokenRequest(op.getTokenEndpointURI(), auth, new RefreshTokenGrant(refresh))
                .toHTTPRequest()
                .send());
    assertThat(refreshed.indicatesSuccess()).as("refresh").isTrue();
  }

  @Test
  void codeFlowWithClientSecretPost() throws Exception {
    RegisteredClient client = register("client_secret_post", null);
    ClientAuthentication auth =
        new ClientSecretPost(new ClientID(client.clientId()), new Secret(client.clientSecret()));

    Login login = logIn(new IdportenBrowser(), authenticationRequest(client.clientId()));

    validate(redeem(login, auth), client.clientId(), login.nonce());
  }

  @Test
  void codeFlowWithPrivateKeyJwtThenUserinfo() throws Exception {
    RSAKey key = newKey();
    RegisteredClient client = register("private_key_jwt", key);

    Login login = logIn(new IdportenBrowser(), authenticationRequest(client.clientId()));
    OIDCTokenResponse tokens = redeem(login, privateKeyJwt(client, key));
    IDTokenClaimsSet claims = validate(tokens, client.clientId(), login.nonce());

    BearerAccessToken access = tokens.getOIDCTokens().getBearerAccessToken();
    UserInfoResponse userInfo =
        UserInfoResponse.parse(
            new UserInfoRequest(op.getUserInfoEndpointURI(), access).toHTTPRequest().send());
    assertThat(userInfo.indicatesSuccess()).as("userinfo").isTrue();
    UserInfo info = userInfo.toSuccessResponse().getUserInfo();
    assertThat(info.getSubject()).isEqualTo(claims.getSubject());
  }

  @Test
  void pushedAuthorizationRequestThenCodeFlow() throws Exception {
    RSAKey key = newKey();
    RegisteredClient client = register("private_key_jwt", key);
    Started full = authenticationRequest(client.clientId());

    PushedAuthorizationResponse pushed =
        PushedAuthorizationResponse.parse(
            new PushedAuthorizationRequest(
                    op.getPushedAuthorizationRequestEndpointURI(),
                    privateKeyJwt(client, key),
                    full.request())
                .toHTTPRequest()
                .send());
    assertThat(pushed.indicatesSuccess()).as("PAR").isTrue();
    URI requestUri = pushed.toSuccessResponse().getRequestURI();
    AuthorizationRequest byReference =
        new AuthorizationRequest.Builder(requestUri, new ClientID(client.clientId()))
            .endpointURI(op.getAuthorizationEndpointURI())
            .build();

    Login login = logIn(new IdportenBrowser(), byReference, full);
    validate(redeem(login, privateKeyJwt(client, key)), client.clientId(), login.nonce());
    IdportenBrowser.Page reused = new IdportenBrowser().get(byReference.toURI());

    assertThat(pushed.toSuccessResponse().getLifetime()).isEqualTo(120);
    assertThat(byReference.toURI().getRawQuery()).doesNotContain("code_challenge");
    assertThat(reused.status()).as("a request_uri is used once").isEqualTo(400);
    assertThat(reused.body()).contains("request_uri");
  }

  @Test
  void wrongClientSecretIsParsedAsInvalidClient() throws Exception {
    RegisteredClient client = register("client_secret_basic", null);
    Login login = logIn(new IdportenBrowser(), authenticationRequest(client.clientId()));

    TokenErrorResponse error =
        OIDCTokenResponseParser.parse(
                tokenRequest(
                        login,
                        new ClientSecretBasic(
                            new ClientID(client.clientId()), new Secret("not-the-secret")))
                    .toHTTPRequest()
                    .send())
            .toErrorResponse();

    assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_client");
    assertThat(error.getErrorObject().getHTTPStatusCode()).isEqualTo(401);
    assertThat(error.getErrorObject().getDescription()).doesNotContain(client.clientSecret());
    // a refused authentication does not spend the code
    redeem(
        login,
        new ClientSecretBasic(new ClientID(client.clientId()), new Secret(client.clientSecret())));
  }

  @Test
  void rpInitiatedLogoutReturnsToTheRegisteredUriWithStateAndEndsTheSession() throws Exception {
    RegisteredClient client = register("client_secret_basic", null);
    IdportenBrowser browser = new IdportenBrowser();
    Login login = logIn(browser, authenticationRequest(client.clientId()));
    OIDCTokenResponse tokens =
        redeem(
            login,
            new ClientSecretBasic(
                new ClientID(client.clientId()), new Secret(client.clientSecret())));
    JWT idToken = tokens.getOIDCTokens().getIDToken();
    URI again = authenticationRequest(client.clientId()).request().toURI();
    State state = new State();

    IdportenBrowser.Page stillIn = browser.get(again);
    IdportenBrowser.Page unregistered =
        browser.get(
            new LogoutRequest(
                    op.getEndSessionEndpointURI(),
                    idToken,
                    URI.create("https://evil.example.com/"),
                    state)
                .toURI());
    IdportenBrowser.Page page =
        browser.get(
            new LogoutRequest(op.getEndSessionEndpointURI(), idToken, LOGGED_OUT, state).toURI());
    IdportenBrowser.Page afterwards = browser.get(again);

    assertThat(stillIn.status()).as("single sign-on answers at once").isEqualTo(302);
    assertThat(unregistered.status()).isEqualTo(400);
    assertThat(unregistered.body()).contains("post_logout_redirect_uri is not registered");
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains(LOGGED_OUT + "?state=" + state.getValue());
    assertThat(afterwards.status()).as("logged out: the log-in page again").isEqualTo(200);
  }

  // --- the relying party's side ---

  private static RegisteredClient register(String method, RSAKey key) {
    return fixture.registerIdportenClient(method, CALLBACK.toString(), LOGGED_OUT.toString(), key);
  }

  private static Started authenticationRequest(String clientId) {
    CodeVerifier verifier = new CodeVerifier();
    return new Started(
        new AuthenticationRequest.Builder(
                ResponseType.CODE, SCOPE, new ClientID(clientId), CALLBACK)
            .endpointURI(op.getAuthorizationEndpointURI())
            .state(new State())
            .nonce(new Nonce())
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build(),
        verifier);
  }

  private static ClientAuthentication privateKeyJwt(RegisteredClient client, RSAKey key)
      throws Exception {
    // ID-porten takes its issuer as the assertion's audience.
    return new PrivateKeyJWT(
        new ClientID(client.clientId()),
        URI.create(fixture.idportenIssuer()),
        JWSAlgorithm.RS256,
        key.toRSAPrivateKey(),
        key.getKeyID(),
        null);
  }

  private static OIDCTokenResponse redeem(Login login, ClientAuthentication auth) throws Exception {
    var response = OIDCTokenResponseParser.parse(tokenRequest(login, auth).toHTTPRequest().send());
    if (!response.indicatesSuccess()) {
      throw new AssertionError(
          "token request refused: " + response.toErrorResponse().getErrorObject().toJSONObject());
    }
    return (OIDCTokenResponse) response.toSuccessResponse();
  }

  private static TokenRequest tokenRequest(Login login, ClientAuthentication auth) {
    return new TokenRequest(
        op.getTokenEndpointURI(),
        auth,
        new AuthorizationCodeGrant(login.code(), CALLBACK, login.verifier()));
  }

  private static IDTokenClaimsSet validate(OIDCTokenResponse tokens, String clientId, Nonce nonce)
      throws Exception {
    IDTokenValidator validator =
        new IDTokenValidator(
            op.getIssuer(), new ClientID(clientId), JWSAlgorithm.RS256, op.getJWKSetURI().toURL());
    return validator.validate(tokens.getOIDCTokens().getIDToken(), nonce);
  }

  private static RSAKey newKey() throws Exception {
    return new RSAKeyGenerator(2048)
        .keyID(UUID.randomUUID().toString())
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.RS256)
        .generate();
  }

  /** An authentication request and the PKCE verifier the relying party keeps for it. */
  private record Started(AuthenticationRequest request, CodeVerifier verifier) {}

  /** The code of a log-in, with what the relying party kept for the token request. */
  private record Login(AuthorizationCode code, CodeVerifier verifier, Nonce nonce) {}

  /** The person logs in at the page of {@code request}; the SDK parses the redirect. */
  private static Login logIn(IdportenBrowser browser, Started started) {
    return logIn(browser, started.request(), started);
  }

  /** Opens {@code request}'s URL, logs the person in, and reads the code off the redirect. */
  private static Login logIn(
      IdportenBrowser browser, AuthorizationRequest request, Started started) {
    AuthenticationRequest original = started.request();
    URI redirect = browser.logIn(request.toURI(), PERSON);
    AuthorizationResponse response;
    try {
      response = AuthorizationResponse.parse(redirect);
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new AssertionError("not an authorization response: " + redirect, e);
    }
    assertThat(response.indicatesSuccess()).as(redirect.toString()).isTrue();
    assertThat(response.getState()).isEqualTo(original.getState());
    return new Login(
        response.toSuccessResponse().getAuthorizationCode(),
        started.verifier(),
        original.getNonce());
  }
}
