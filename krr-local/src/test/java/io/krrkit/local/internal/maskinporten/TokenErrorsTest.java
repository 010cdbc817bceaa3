package io.krrkit.local.internal.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One test per error row of spec.md#token-errors that applies to clients with registered keys. */
class TokenErrorsTest {
  private static final Scope READ = Scope.KRR_KONTAKTINFORMASJON_READ;
  private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private static LocalFixture fx;
  private static TestClient client;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
    client = fx.registerClient(READ);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  // --- request shape: unsupported_grant_type, MP-011 ---

  @Test
  void rejectsUnsupportedGrantType() {
    Answer answer =
        fx.postForm(
            fx.issuer() + "token",
            "grant_type=client_credentials&assertion=" + LocalFixture.encode(fx.grant(client)));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    assertThat(answer.json().has("error_uri")).isFalse();
    assertThat(answer.json().get("error_description").asText())
        .matches(".+ \\(trace_id: [0-9a-f]{32}\\)");
  }

  @Test
  void checksTheGrantTypeBeforeTheAssertion() {
    Answer answer =
        fx.postForm(
            fx.issuer() + "token", "grant_type=client_credentials&client_id=" + client.clientId());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    assertThat(answer.json().get("error_description").asText())
        .startsWith("Unsupported grant type, use urn:ietf:params:oauth:grant-type:jwt-bearer");
  }

  @Test
  void rejectsMissingAssertion() {
    Answer answer =
        fx.postForm(fx.issuer() + "token", "grant_type=" + LocalFixture.encode(JWT_BEARER));

    assertError(
        answer,
        400,
        "invalid_request",
        "MP-011",
        "Invalid assertion. Invalid parameter value, assertion is missing");
  }

  @Test
  void rejectsMissingGrantType() {
    Answer answer =
        fx.postForm(fx.issuer() + "token", "assertion=" + LocalFixture.encode(fx.grant(client)));

    assertError(
        answer,
        400,
        "invalid_request",
        "MP-011",
        "Invalid assertion. Invalid parameter value, grant_type is missing");
  }

  @Test
  void rejectsRepeatedAssertion() {
    String grant = LocalFixture.encode(fx.grant(client));
    Answer answer =
        fx.postForm(
            fx.issuer() + "token",
            "grant_type="
                + LocalFixture.encode(JWT_BEARER)
                + "&assertion="
                + grant
                + "&assertion="
                + grant);

    assertError(
        answer,
        400,
        "invalid_request",
        "MP-011",
        "Invalid assertion. Invalid parameter value, assertion is repeated");
  }

  @Test
  void rejectsAssertionThatIsNotAJwt() {
    assertError(
        fx.token("not-a-jwt"),
        400,
        "invalid_request",
        "MP-011",
        "Invalid assertion. Invalid parameter value");
    assertError(
        fx.token("a.b.c"),
        400,
        "invalid_request",
        "MP-011",
        "Invalid assertion. Invalid parameter value");
  }

  @Test
  void rejectsBrokenPercentEncoding() {
    Answer answer = fx.postForm(fx.issuer() + "token", "grant_type=%zz&assertion=x");

    assertError(
        answer,
        400,
        "invalid_request",
        "MP-011",
        "Invalid assertion. Invalid parameter value, the form body");
  }

  @Test
  void rejectsABodyThatIsNotAForm() {
    Answer answer =
        fx.send(
            HttpRequest.newBuilder(URI.create(fx.issuer() + "token"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"grant_type\":\"" + JWT_BEARER + "\"}")));

    assertError(
        answer,
        400,
        "invalid_request",
        "MP-011",
        "Invalid assertion. Invalid parameter value, Content-Type");
  }

  @Test
  void rejectsAnOversizedBody() {
    // Over the 64 KB cap, and over the emulator's general 1 MB request limit.
    for (int kilobytes : new int[] {100, 2048}) {
      Answer answer = fx.token("x".repeat(kilobytes * 1024));

      assertError(
          answer,
          400,
          "invalid_request",
          "MP-011",
          "Invalid assertion. Invalid parameter value, the request body is larger");
    }
  }

  @Test
  void rejectsMissingRequiredClaims() {
    for (String claim : List.of("iss", "iat", "exp", "jti", "scope")) {
      JWTClaimsSet.Builder claims = fx.claims(client).claim(claim, null);

      Answer answer = fx.token(fx.sign(fx.header(client), claims, client.privateKey()));

      assertError(
          answer,
          400,
          "invalid_request",
          "MP-011",
          "Invalid assertion. Invalid parameter value, claim " + claim + " is missing");
    }
  }

  @Test
  void rejectsResourceThatIsNeitherStringNorArray() {
    Answer answer =
        fx.token(
            fx.sign(
                fx.header(client), fx.claims(client).claim("resource", 42), client.privateKey()));

    assertError(
        answer,
        400,
        "invalid_request",
        "MP-011",
        "Invalid assertion. Invalid parameter value, resource must be a string or an array of"
            + " strings");
  }

  @Test
  void rejectsSubjectOtherThanTheClient() {
    Answer answer =
        fx.token(
            fx.sign(
                fx.header(client), fx.claims(client).subject("someone-else"), client.privateKey()));

    assertError(
        answer,
        400,
        "invalid_request",
        "MP-011",
        "Invalid assertion. Invalid parameter value, sub, when sent, must be the client id");
  }

  // --- client authentication: MP-100, MP-110, MP-120, MP-121, MP-123, MP-124 ---

  @Test
  void rejectsUnknownClient() {
    Answer answer =
        fx.token(
            fx.sign(
                fx.header(client),
                fx.claims(client).issuer("no-such-client"),
                client.privateKey()));

    assertError(
        answer, 400, "invalid_grant", "MP-100", "Invalid assertion. Client authentication failed.");
  }

  @Test
  void rejectsInactiveClient() {
    TestClient inactive = fx.client().scopes(READ).inactive().register();

    assertError(
        fx.token(fx.grant(inactive)),
        400,
        "invalid_grant",
        "MP-100",
        "Invalid assertion. Client authentication failed., the client is not active");
  }

  @Test
  void rejectsUnknownKid() {
    Answer answer =
        fx.token(
            fx.sign(
                fx.header(client).keyID("unknown-kid"), fx.claims(client), client.privateKey()));

    assertError(
        answer,
        400,
        "invalid_grant",
        "MP-100",
        "Invalid assertion. Client authentication failed. Unknown key identifier (kid) for client.");
  }

  @Test
  void rejectsKidOfAnotherClient() {
    TestClient other = fx.registerClient(READ);

    Answer answer = fx.token(fx.sign(fx.header(other), fx.claims(client), other.privateKey()));

    assertError(
        answer,
        400,
        "invalid_grant",
        "MP-100",
        "Invalid assertion. Client authentication failed. Unknown key identifier (kid) for client.");
  }

  @Test
  void rejectsGrantWithoutKidFromClientWithKeys() {
    Answer answer =
        fx.token(
            fx.sign(
                new JWSHeader.Builder(JWSAlgorithm.RS256), fx.claims(client), client.privateKey()));

    assertError(
        answer,
        400,
        "invalid_grant",
        "MP-123",
        "Invalid JWT. The client requires pre-registered jwk and no key identifier (kid) provided");
  }

  @Test
  void rejectsX5cThatIsNotAnArray() throws Exception {
    String header = "{\"alg\":\"RS256\",\"x5c\":\"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\"}";

    Answer answer = fx.token(signRaw(header, fx.claims(client).build(), client.privateKey()));

    assertError(answer, 400, "invalid_grant", "MP-123", "Invalid JWT header x5c");
  }

  @Test
  void rejectsX5cThatIsNotACertificate() throws Exception {
    TestClient keyless = fx.client().scopes(READ).withoutKey().register();
    RSAKey someKey = new RSAKeyGenerator(2048).generate();
    JWSHeader.Builder header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .x509CertChain(List.of(new Base64("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A")));

    Answer answer = fx.token(fx.sign(header, fx.claims(keyless), someKey));

    assertError(
        answer,
        400,
        "invalid_grant",
        "MP-120",
        "Invalid assertion. Client authentication failed. The JWT is signed with an invalid certificate.");
  }

  @Test
  void rejectsWrongAudience() {
    Answer wrong =
        fx.token(
            fx.sign(
                fx.header(client),
                fx.claims(client).audience("https://test.maskinporten.no/"),
                client.privateKey()));
    Answer noSlash =
        fx.token(
            fx.sign(
                fx.header(client),
                fx.claims(client).audience(fx.issuer().replaceAll("/$", "")),
                client.privateKey()));
    Answer twoValues =
        fx.token(
            fx.sign(
                fx.header(client),
                fx.claims(client).audience(List.of(fx.issuer(), "https://other/")),
                client.privateKey()));

    for (Answer answer : List.of(wrong, noSlash, twoValues)) {
      assertError(
          answer,
          400,
          "invalid_grant",
          "MP-110",
          "Invalid assertion. Client authentication failed. Invalid JWT claim aud");
    }
  }

  @Test
  void rejectsExpiredKey() {
    TestClient expired = fx.client().scopes(READ).keyLife(Duration.ofSeconds(-1)).register();

    assertError(
        fx.token(fx.grant(expired)),
        400,
        "invalid_grant",
        "MP-121",
        "Invalid assertion. Client authentication failed. Expired key");
  }

  @Test
  void rejectsSignatureByAnotherKey() throws Exception {
    RSAKey stranger = new RSAKeyGenerator(2048).keyID(client.kid()).generate();

    Answer answer = fx.token(fx.sign(fx.header(client), fx.claims(client), stranger));

    assertError(answer, 400, "invalid_grant", "MP-124", "Invalid JWT signature");
  }

  @Test
  void rejectsUnsignedGrant() {
    String unsigned = new PlainJWT(fx.claims(client).build()).serialize();

    assertError(fx.token(unsigned), 400, "invalid_grant", "MP-124", "Invalid JWT signature");
  }

  @Test
  void rejectsHmacSignedGrant() throws Exception {
    SignedJWT hmac =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(client.kid()).build(),
            fx.claims(client).build());
    hmac.sign(
        new MACSigner("a-shared-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8)));

    assertError(
        fx.token(hmac.serialize()), 400, "invalid_grant", "MP-124", "Invalid JWT signature");
  }

  // --- times: MP-130 ---

  @Test
  void rejectsExpiredGrant() {
    Instant now = fx.krrLocal().clock().instant();
    JWTClaimsSet.Builder claims =
        fx.claims(client)
            .issueTime(Date.from(now.minusSeconds(200)))
            .expirationTime(Date.from(now.minusSeconds(80)));

    Answer answer = fx.token(fx.sign(fx.header(client), claims, client.privateKey()));

    assertError(answer, 400, "invalid_grant", "MP-130", "JWT is expired");
  }

  @Test
  void rejectsLifetimeOver120Seconds() {
    Instant now = fx.krrLocal().clock().instant();
    JWTClaimsSet.Builder claims = fx.claims(client).expirationTime(Date.from(now.plusSeconds(300)));

    Answer answer = fx.token(fx.sign(fx.header(client), claims, client.privateKey()));

    assertError(
        answer, 400, "invalid_grant", "MP-130", "JWT has invalid lifetime, exp - iat is 300 s");
  }

  @Test
  void rejectsIatTooFarFromServerTime() {
    Instant now = fx.krrLocal().clock().instant();
    JWTClaimsSet.Builder ahead =
        fx.claims(client)
            .issueTime(Date.from(now.plusSeconds(30)))
            .expirationTime(Date.from(now.plusSeconds(60)));
    JWTClaimsSet.Builder behind =
        fx.claims(client)
            .issueTime(Date.from(now.minusSeconds(60)))
            .expirationTime(Date.from(now.plusSeconds(30)));

    Answer early = fx.token(fx.sign(fx.header(client), ahead, client.privateKey()));
    Answer late = fx.token(fx.sign(fx.header(client), behind, client.privateKey()));

    assertError(early, 400, "invalid_grant", "MP-130", "JWT has invalid lifetime, iat is ");
    assertThat(early.json().get("error_description").asText()).contains(" s after the server time");
    assertError(late, 400, "invalid_grant", "MP-130", "JWT has invalid lifetime, iat is ");
    assertThat(late.json().get("error_description").asText()).contains(" s before the server time");
  }

  // --- scopes and delegation: MP-200, MP-201, MP-251, MP-011 ---

  @Test
  void rejectsScopeNotRegisteredOnClient() {
    Answer answer =
        fx.token(
            fx.sign(
                fx.header(client),
                fx.claims(client).claim("scope", READ + " difitest:test2"),
                client.privateKey()));

    assertError(
        answer,
        400,
        "invalid_scope",
        "MP-200",
        "Token request contains invalid scopes for client, difitest:test2");
  }

  @Test
  void rejectsClientOfIntegrationTypeWithoutMaskinporten() {
    for (IntegrationType type : List.of(IntegrationType.API_KLIENT, IntegrationType.IDPORTEN)) {
      TestClient userClient = fx.client().type(type).scopes(READ).register();

      assertError(
          fx.token(fx.grant(userClient)),
          400,
          "invalid_scope",
          "MP-201",
          "Token request contains scopes not allowed for maskinporten");
    }
  }

  @Test
  void rejectsConsumerOrgWithoutDelegation() {
    String own = KrrLocal.DEFAULT_ORG.value();
    Answer other =
        fx.token(
            fx.sign(
                fx.header(client),
                fx.claims(client).claim("consumer_org", "910753614"),
                client.privateKey()));
    Answer self =
        fx.token(
            fx.sign(
                fx.header(client),
                fx.claims(client).claim("consumer_org", own),
                client.privateKey()));

    assertError(
        other,
        403,
        "forbidden",
        "MP-251",
        "Consumer 910753614 has not delegated access to the scope "
            + READ
            + " to supplier "
            + own
            + ".");
    assertError(self, 403, "forbidden", "MP-251", "Consumer " + own + " has not delegated access");
  }

  @Test
  void rejectsConsumerOrgTogetherWithIssOnBehalfOf() {
    JWTClaimsSet.Builder claims =
        fx.claims(client).claim("consumer_org", "910753614").claim("iss_onbehalfof", "kunde1");

    Answer answer = fx.token(fx.sign(fx.header(client), claims, client.privateKey()));

    assertError(
        answer,
        400,
        "invalid_request",
        "MP-011",
        "Invalid assertion. Invalid parameter value, consumer_org and iss_onbehalfof");
  }

  @Test
  void rejectsUnknownIssOnBehalfOf() {
    Answer answer =
        fx.token(
            fx.sign(
                fx.header(client),
                fx.claims(client).claim("iss_onbehalfof", "kunde1"),
                client.privateKey()));

    assertError(
        answer,
        400,
        "invalid_request",
        "MP-011",
        "Invalid assertion. Invalid parameter value, iss_onbehalfof");
  }

  private static void assertError(
      Answer answer, int status, String error, String code, String descriptionStart) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json().get("error").asText()).isEqualTo(error);
    assertThat(answer.json().get("error_uri").asText()).isEqualTo(fx.issuer() + "errors/" + code);
    assertThat(answer.json().get("error_description").asText())
        .startsWith(descriptionStart)
        .matches("(?s).+ \\(trace_id: [0-9a-f]{32}\\)");
  }

  /** A grant with a hand-written header (nimbus refuses to build a string x5c). */
  private static String signRaw(String headerJson, JWTClaimsSet claims, RSAKey key)
      throws Exception {
    String input = Base64URL.encode(headerJson) + "." + Base64URL.encode(claims.toString());
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key.toPrivateKey());
    rsa.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + Base64URL.encode(rsa.sign());
  }
}
