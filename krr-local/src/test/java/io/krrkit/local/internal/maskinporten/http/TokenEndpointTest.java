package io.krrkit.local.internal.maskinporten.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {
  private static final Scope READ = Scope.KRR_KONTAKTINFORMASJON_READ;
  private static final Scope POST = Scope.KRR_DIGITALPOST_READ;

  private static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void answersAGrantWithABearerTokenLiving120Seconds() {
    TestClient client = fx.registerClient(READ, POST);

    Answer answer = fx.token(fx.grant(client));

    assertThat(answer.status()).isEqualTo(200);
    JsonNode json = answer.json();
    assertThat(fieldNames(json))
        .containsExactly("access_token", "token_type", "expires_in", "scope");
    assertThat(json.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(json.get("expires_in").asLong()).isBetween(118L, 120L);
    assertThat(json.get("scope").asText()).isEqualTo(READ + " " + POST);
    assertThat(answer.response().headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void mintsTheDocumentedHeaderAndClaims() throws Exception {
    TestClient client = fx.registerClient(READ);

    SignedJWT token = SignedJWT.parse(fx.accessToken(client));

    assertThat(token.getHeader().toJSONObject().keySet()).containsExactlyInAnyOrder("kid", "alg");
    assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    JWTClaimsSet claims = token.getJWTClaimsSet();
    assertThat(claims.getClaims().keySet())
        .containsExactlyInAnyOrder(
            "iss",
            "client_id",
            "client_amr",
            "consumer",
            "scope",
            "token_type",
            "iat",
            "exp",
            "jti");
    assertThat(claims.getIssuer()).isEqualTo(fx.issuer());
    assertThat(claims.getStringClaim("client_id")).isEqualTo(client.clientId());
    assertThat(claims.getStringClaim("client_amr")).isEqualTo("private_key_jwt");
    assertThat(claims.getJSONObjectClaim("consumer"))
        .isEqualTo(
            Map.of(
                "authority", "iso6523-actorid-upis", "ID", "0192:" + KrrLocal.DEFAULT_ORG.value()));
    assertThat(claims.getStringClaim("scope")).isEqualTo(READ.value());
    assertThat(claims.getStringClaim("token_type")).isEqualTo("Bearer");
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
        .isEqualTo(120_000L);
    assertThat(claims.getJWTID()).isNotBlank();
  }

  @Test
  void restrictsTheTokenToTheAskedResourceAndPerson() throws Exception {
    TestClient client = fx.registerClient(READ);
    String grant =
        fx.sign(
            fx.header(client),
            fx.claims(client)
                .claim("resource", List.of("https://api.example.no/krr"))
                .claim("pid", "20914695016"),
            client.privateKey());

    Answer answer = fx.token(grant);

    assertThat(answer.status()).isEqualTo(200);
    JWTClaimsSet claims =
        SignedJWT.parse(answer.json().get("access_token").asText()).getJWTClaimsSet();
    assertThat(claims.getAudience()).containsExactly("https://api.example.no/krr");
    assertThat(claims.getStringClaim("pid")).isEqualTo("20914695016");
  }

  @Test
  void takesAudAsAOneElementArray() {
    TestClient client = fx.registerClient(READ);
    String grant =
        fx.sign(
            fx.header(client),
            fx.claims(client).audience(List.of(fx.issuer())),
            client.privateKey());

    assertThat(fx.token(grant).status()).isEqualTo(200);
  }

  @Test
  void takesSubWhenItIsTheClientId() {
    TestClient client = fx.registerClient(READ);
    String grant =
        fx.sign(
            fx.header(client), fx.claims(client).subject(client.clientId()), client.privateKey());

    assertThat(fx.token(grant).status()).isEqualTo(200);
  }

  @Test
  void toleratesScopeAndClientIdFormParameters() {
    TestClient client = fx.registerClient(READ);
    String body =
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&scope=other%3Ascope"
            + "&client_id=someone&assertion="
            + LocalFixture.encode(fx.grant(client));

    Answer answer = fx.postForm(fx.issuer() + "token", body);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("scope").asText()).isEqualTo(READ.value());
  }

  @Test
  void rejectsReusedJti() {
    TestClient client = fx.registerClient(READ);
    String grant = fx.grant(client);

    Answer first = fx.token(grant);
    Answer second = fx.token(grant);

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.json().get("error_uri").asText()).endsWith("/MP-012");
    assertThat(second.json().get("error_description").asText()).startsWith("Grant is used before");
  }

  @Test
  void rejectedGrantDoesNotSpendItsJti() {
    TestClient client = fx.registerClient(READ);
    String jti = UUID.randomUUID().toString();
    String refused =
        fx.sign(
            fx.header(client),
            fx.claims(client).jwtID(jti).claim("scope", "not:registered"),
            client.privateKey());
    String valid = fx.sign(fx.header(client), fx.claims(client).jwtID(jti), client.privateKey());

    Answer first = fx.token(refused);
    Answer second = fx.token(valid);

    assertThat(first.json().get("error_uri").asText()).endsWith("/MP-200");
    assertThat(second.status()).isEqualTo(200);
  }

  private static List<String> fieldNames(JsonNode json) {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
