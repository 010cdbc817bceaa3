package io.krrkit.local.internal.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Audience-restricted ({@code resource} → {@code aud}) and person-restricted ({@code pid}) tokens.
 */
class RestrictedTokensTest {
  private static final String PID = "20914695016";

  private static LocalFixture fx;
  private static TestClient client;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
    client = fx.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void everyResourceBecomesAnAudience() throws Exception {
    List<String> resources = List.of("https://api.example.no/a", "urn:example:api:b");

    Answer answer = fx.token(grant(fx.claims(client).claim("resource", resources)));

    assertThat(claims(answer).getAudience()).containsExactlyElementsOf(resources);
  }

  @Test
  void aResourceStringIsOneResource() throws Exception {
    Answer answer = fx.token(grant(fx.claims(client).claim("resource", "https://api.example.no/")));

    assertThat(claims(answer).getAudience()).containsExactly("https://api.example.no/");
  }

  @Test
  void aResourceStringMustBeAnAbsoluteUri() {
    assertInvalid(
        fx.token(grant(fx.claims(client).claim("resource", "api/krr"))),
        "resource must hold absolute URIs");
  }

  @Test
  void withoutResourceTheTokenHasNoAudienceAndWithoutPidNoPid() throws Exception {
    JWTClaimsSet claims = claims(fx.token(fx.grant(client)));

    assertThat(claims.getClaims()).doesNotContainKeys("aud", "pid");
  }

  @Test
  void anEmptyResourceArrayAsksForNoAudience() throws Exception {
    Answer answer = fx.token(grant(fx.claims(client).claim("resource", List.of())));

    assertThat(claims(answer).getClaims()).doesNotContainKey("aud");
  }

  @Test
  void pidRestrictsTheTokenToThePerson() throws Exception {
    Answer answer = fx.token(grant(fx.claims(client).claim("pid", PID)));

    assertThat(claims(answer).getStringClaim("pid")).isEqualTo(PID);
  }

  @Test
  void rejectsResourcesThatAreNotAbsoluteUris() {
    for (String bad : List.of("api/krr", "https://api.example.no/#frag", "https://a b", "")) {
      Answer answer = fx.token(grant(fx.claims(client).claim("resource", List.of(bad))));

      assertInvalid(answer, "resource must hold absolute URIs");
    }
  }

  @Test
  void rejectsResourceArraysWithoutStrings() {
    Answer answer = fx.token(grant(fx.claims(client).claim("resource", List.of(1, 2))));

    assertInvalid(answer, "resource must be a string or an array of strings");
  }

  @Test
  void rejectsAnInvalidPidWithoutEchoingIt() {
    String wrongControlDigit = "20914695017";

    Answer answer = fx.token(grant(fx.claims(client).claim("pid", wrongControlDigit)));

    assertInvalid(answer, "pid must be an 11-digit identity number");
    assertThat(answer.body()).doesNotContain(wrongControlDigit);
  }

  @Test
  void rejectsPidAndConsumerOrgOfTheWrongType() {
    assertInvalid(
        fx.token(grant(fx.claims(client).claim("pid", 20914695016L))), "pid must be a string");
    assertInvalid(
        fx.token(grant(fx.claims(client).claim("consumer_org", 910753614))),
        "consumer_org must be a string");
  }

  private static String grant(JWTClaimsSet.Builder claims) {
    return fx.sign(fx.header(client), claims, client.privateKey());
  }

  private static JWTClaimsSet claims(Answer answer) throws Exception {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return SignedJWT.parse(answer.json().get("access_token").asText()).getJWTClaimsSet();
  }

  private static void assertInvalid(Answer answer, String detail) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(answer.json().get("error_uri").asText()).endsWith("/errors/MP-011");
    assertThat(answer.json().get("error_description").asText())
        .startsWith("Invalid assertion. Invalid parameter value, " + detail);
  }
}
