package io.krrkit.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import io.krrkit.core.Scope;
import io.krrkit.junit.TestClient;
import io.krrkit.junit.TestKeys;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Nimbus OAuth 2.0 SDK (com.nimbusds:oauth2-oidc-sdk), as a generic OAuth client uses it
 * against krr-local's Maskinporten: RFC 8414 metadata, an RFC 7523 {@link JWTBearerGrant}, and
 * every kind of refusal parsed by {@link TokenErrorResponse} into its status, {@code error} and
 * {@code error_uri}.
 */
class NimbusOAuthSdkTest {
  @RegisterExtension static final InteropFixture fixture = new InteropFixture();
  private static final String READ = Scope.KRR_KONTAKTINFORMASJON_READ.value();
  private static AuthorizationServerMetadata metadata;

  @BeforeAll
  static void resolveMetadata() throws Exception {
    metadata = AuthorizationServerMetadata.resolve(new Issuer(fixture.maskinportenIssuer()));
  }

  @Test
  void metadataResolvesAtTheIssuerAndNamesMaskinportensEndpoints() {
    assertThat(metadata.getIssuer().getValue()).isEqualTo(fixture.maskinportenIssuer());
    assertThat(metadata.getTokenEndpointURI()).isEqualTo(URI.create(fixture.tokenEndpoint()));
    assertThat(metadata.getJWKSetURI()).isEqualTo(URI.create(fixture.maskinportenIssuer() + "jwk"));
    assertThat(metadata.getGrantTypes()).containsExactly(GrantType.JWT_BEARER);
    assertThat(metadata.getTokenEndpointAuthMethods())
        .containsExactly(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
    assertThat(metadata.getAuthorizationDetailsTypes().stream().map(Object::toString))
        .containsExactly("urn:altinn:systemuser", "urn:altinn:consent");
  }

  @Test
  void jwtBearerGrantGetsAToken() throws Exception {
    TestClient client = fixture.registerKrrClient();

    TokenResponse response = send(new JWTBearerGrant(sign(client.key(), claims(client).build())));

    assertThat(response.indicatesSuccess()).isTrue();
    AccessTokenResponse ok = response.toSuccessResponse();
    assertThat(ok.getTokens().getAccessToken().getScope().toStringList()).containsExactly(READ);
    assertThat(ok.getTokens().getAccessToken().getLifetime()).isPositive();
    assertThat(
            fixture
                .krr()
                .controls()
                .verifyAccessToken("Bearer " + ok.getTokens().getAccessToken().getValue())
                .clientId())
        .isEqualTo(client.clientId());
  }

  @Test
  void reusedGrantIsInvalidGrantMp012() throws Exception {
    TestClient client = fixture.registerKrrClient();
    JWTBearerGrant grant = new JWTBearerGrant(sign(client.key(), claims(client).build()));
    assertThat(send(grant).indicatesSuccess()).isTrue();

    assertError(send(grant), 400, "invalid_grant", "MP-012");
  }

  @Test
  void clientCredentialsIsUnsupportedGrantTypeWithoutErrorUri() throws Exception {
    TokenResponse response =
        send(
            new TokenRequest(
                metadata.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID("x"), new Secret("s")),
                new ClientCredentialsGrant()));

    ErrorObject error = response.toErrorResponse().getErrorObject();
    assertThat(error.getHTTPStatusCode()).isEqualTo(400);
    assertThat(error.getCode()).isEqualTo("unsupported_grant_type");
    assertThat(error.getURI()).isNull();
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        refusal("no scope", 400, "invalid_request", "MP-011", (c, b) -> b.claim("scope", null)),
        refusal(
            "unknown client",
            400,
            "invalid_grant",
            "MP-100",
            (c, b) -> b.issuer(UUID.randomUUID().toString())),
        refusal(
            "wrong aud",
            400,
            "invalid_grant",
            "MP-110",
            (c, b) -> b.audience("https://example.no/")),
        refusal(
            "expired",
            400,
            "invalid_grant",
            "MP-130",
            (c, b) ->
                b.issueTime(Date.from(Instant.now().minusSeconds(600)))
                    .expirationTime(Date.from(Instant.now().minusSeconds(480)))),
        refusal(
            "scope not held",
            400,
            "invalid_scope",
            "MP-200",
            (c, b) -> b.claim("scope", "krr:global/hentendring.read")),
        refusal(
            "consumer_org without delegation",
            403,
            "forbidden",
            "MP-251",
            (c, b) -> b.claim("consumer_org", "310000035")));
  }

  private interface Tweak {
    JWTClaimsSet.Builder apply(TestClient client, JWTClaimsSet.Builder claims);
  }

  private static Arguments refusal(String name, int status, String code, String mp, Tweak tweak) {
    return Arguments.of(name, status, code, mp, tweak);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void everyRefusalParsesAsTokenErrorResponse(
      String name, int status, String code, String mp, Tweak tweak) throws Exception {
    TestClient client = fixture.registerKrrClient();

    TokenResponse response =
        send(new JWTBearerGrant(sign(client.key(), tweak.apply(client, claims(client)).build())));

    assertError(response, status, code, mp);
  }

  @Test
  void grantSignedWithAnUnregisteredKeyIsMp100() throws Exception {
    TestClient client = fixture.registerKrrClient();
    RSAKey other = new RSAKey.Builder(TestKeys.rsa("other")).keyID("unregistered").build();

    assertError(
        send(new JWTBearerGrant(sign(other, claims(client).build()))),
        400,
        "invalid_grant",
        "MP-100");
  }

  @Test
  void grantWithoutKidOrX5cIsMp123() throws Exception {
    TestClient client = fixture.registerKrrClient();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims(client).build());
    jwt.sign(new RSASSASigner(client.key()));

    assertError(send(new JWTBearerGrant(jwt)), 400, "invalid_grant", "MP-123");
  }

  private static void assertError(TokenResponse response, int status, String code, String mp) {
    assertThat(response.indicatesSuccess()).isFalse();
    TokenErrorResponse error = response.toErrorResponse();
    assertThat(error.getErrorObject().getHTTPStatusCode()).isEqualTo(status);
    assertThat(error.getErrorObject().getCode()).isEqualTo(code);
    assertThat(error.getErrorObject().getURI())
        .isEqualTo(URI.create(fixture.maskinportenIssuer() + "errors/" + mp));
    assertThat(error.getErrorObject().getDescription()).contains("trace_id");
  }

  private static JWTClaimsSet.Builder claims(TestClient client) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(client.clientId())
        .audience(fixture.maskinportenIssuer())
        .claim("scope", READ)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(60)))
        .jwtID(UUID.randomUUID().toString());
  }

  private static SignedJWT sign(RSAKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt;
  }

  private static TokenResponse send(AuthorizationGrant grant) throws Exception {
    return send(new TokenRequest(metadata.getTokenEndpointURI(), grant));
  }

  private static TokenResponse send(TokenRequest request) throws Exception {
    return TokenResponse.parse(request.toHTTPRequest().send());
  }
}
