package io.krrkit.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
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
import io.krrkit.core.IntegrationType;
import io.krrkit.selfservice.ApplicationType;
import io.krrkit.selfservice.ClientRequest;
import io.krrkit.selfservice.RegisteredClient;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
  private static final Scope SCOPE =
      new Scope("openid", "profile", "krr:user/kontaktinformasjon.read");
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

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

    Login login = new Browser().logIn(authenticationRequest(client.clientId()));
    OIDCTokenResponse tokens = redeem(login, auth);

    IDTokenClaimsSet claims = validate(tokens, client.clientId(), login.nonce());
    assertThat(claims.getStringClaim("pid")).isEqualTo(PERSON);
    assertThat(claims.getStringClaim("acr")).isEqualTo("idporten-loa-substantial");
  }

  @Test
  void codeFlowWithClientSecretPost() throws Exception {
    RegisteredClient client = register("client_secret_post", null);
    ClientAuthentication auth =
        new ClientSecretPost(new ClientID(client.clientId()), new Secret(client.clientSecret()));

    Login login = new Browser().logIn(authenticationRequest(client.clientId()));

    validate(redeem(login, auth), client.clientId(), login.nonce());
  }

  @Test
  void codeFlowWithPrivateKeyJwtThenUserinfo() throws Exception {
    RSAKey key = newKey();
    RegisteredClient client = register("private_key_jwt", key);

    Login login = new Browser().logIn(authenticationRequest(client.clientId()));
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

    Login login = new Browser().logIn(byReference, full);
    validate(redeem(login, privateKeyJwt(client, key)), client.clientId(), login.nonce());
  }

  @Test
  void wrongClientSecretIsParsedAsInvalidClient() throws Exception {
    RegisteredClient client = register("client_secret_basic", null);
    Login login = new Browser().logIn(authenticationRequest(client.clientId()));

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
  }

  @Test
  void rpInitiatedLogoutReturnsToTheRegisteredUriWithState() throws Exception {
    RegisteredClient client = register("client_secret_basic", null);
    Browser browser = new Browser();
    Login login = browser.logIn(authenticationRequest(client.clientId()));
    OIDCTokenResponse tokens =
        redeem(
            login,
            new ClientSecretBasic(
                new ClientID(client.clientId()), new Secret(client.clientSecret())));
    State state = new State();

    URI logout =
        new LogoutRequest(
                op.getEndSessionEndpointURI(),
                tokens.getOIDCTokens().getIDToken(),
                LOGGED_OUT,
                state)
            .toURI();
    HttpResponse<String> page = browser.get(logout);

    String back = LOGGED_OUT + "?state=" + state.getValue();
    assertThat(page.statusCode() == 200 ? page.body() : location(page)).contains(back);
  }

  // --- the relying party's side ---

  private static RegisteredClient register(String method, RSAKey key) {
    ClientRequest.Builder request =
        ClientRequest.builder(IntegrationType.API_KLIENT)
            .clientName("Nimbus RP " + method)
            .applicationType(ApplicationType.WEB)
            .tokenEndpointAuthMethod(method)
            .grantTypes(List.of("authorization_code"))
            .redirectUris(List.of(CALLBACK.toString()))
            .postLogoutRedirectUris(List.of(LOGGED_OUT.toString()))
            .scopes(
                SCOPE.toStringList().stream()
                    .map(io.krrkit.core.Scope::of)
                    .collect(Collectors.toList()));
    RegisteredClient client = fixture.selfService().createClient(request.build());
    if (key != null) {
      fixture.selfService().uploadKey(client.clientId(), key.toPublicJWK());
    }
    return client;
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

  private static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  /** An authentication request and the PKCE verifier the relying party keeps for it. */
  private record Started(AuthenticationRequest request, CodeVerifier verifier) {}

  /** The code of a log-in, with what the relying party kept for the token request. */
  private record Login(AuthorizationCode code, CodeVerifier verifier, Nonce nonce) {}

  /** A browser: follows nothing by itself, keeps ID-porten's cookies. */
  private static final class Browser {
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Login logIn(Started started) throws Exception {
      return logIn(started.request(), started);
    }

    /** Opens {@code request}'s URL, picks the person, and reads the code off the redirect. */
    Login logIn(AuthorizationRequest request, Started started) throws Exception {
      AuthenticationRequest original = started.request();
      HttpResponse<String> page = get(request.toURI());
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      Map<String, String> form = hiddenFields(page.body());
      form.put("pid", PERSON);
      HttpResponse<String> redirect =
          http.send(
              HttpRequest.newBuilder(op.getAuthorizationEndpointURI())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(redirect.statusCode()).as(redirect.body()).isBetween(300, 399);
      AuthorizationResponse response = AuthorizationResponse.parse(URI.create(location(redirect)));
      assertThat(response.indicatesSuccess()).as(location(redirect)).isTrue();
      assertThat(response.getState()).isEqualTo(original.getState());
      return new Login(
          response.toSuccessResponse().getAuthorizationCode(),
          started.verifier(),
          original.getNonce());
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  /** The hidden fields of the log-in page's person form, as a browser posts them back. */
  private static Map<String, String> hiddenFields(String page) {
    int start = page.indexOf("<form id=\"persons\"");
    assertThat(start).as("the log-in page has its person form").isNotNegative();
    String form = page.substring(start, page.indexOf("</form>", start));
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = HIDDEN.matcher(form);
    while (m.find()) {
      fields.put(unescape(m.group(1)), unescape(m.group(2)));
    }
    return fields;
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
