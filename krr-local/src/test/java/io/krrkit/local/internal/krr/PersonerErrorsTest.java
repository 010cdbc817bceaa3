package io.krrkit.local.internal.krr;

import static io.krrkit.core.Scope.KRR_KONTAKTINFORMASJON_READ;
import static io.krrkit.local.internal.krr.PersonerApiTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal of the lookup API: status, challenge, body shape, and no identifier echoed. */
class PersonerErrorsTest {
  static final String VALID = KnownPersons.ACTIVE.value();
  static LocalFixture fx;
  static String token;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
    token = krrToken(KRR_KONTAKTINFORMASJON_READ);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static String krrToken(Scope... scopes) {
    return fx.accessToken(fx.client().type(IntegrationType.KRR).scopes(scopes).register());
  }

  /** Checks the shared error body and returns its description. */
  static String refused(Answer answer, int status, String error) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json()).as(answer.body()).isNotNull();
    assertThat(answer.json().get("status").asInt()).isEqualTo(status);
    assertThat(answer.json().get("error").asText()).isEqualTo(error);
    assertThat(answer.json().get("timestamp").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    return answer.json().get("error_description").asText();
  }

  static String challenge(Answer answer) {
    return answer.response().headers().firstValue("WWW-Authenticate").orElse("");
  }

  static String signedByAStranger() throws JOSEException {
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
    Instant now = fx.krrLocal().clock().instant();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("stranger").build(),
            new JWTClaimsSet.Builder()
                .issuer(fx.issuer())
                .claim("client_id", "stranger")
                .claim("scope", KRR_KONTAKTINFORMASJON_READ.value())
                .claim(
                    "consumer", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:310000027"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120)))
                .build());
    jwt.sign(new RSASSASigner(stranger));
    return jwt.serialize();
  }

  @Test
  void refusesARequestWithoutTokenWithABearerChallenge() {
    Answer answer = post(fx, "v2", null, "{\"personidentifikatorer\": [\"" + VALID + "\"]}");

    refused(answer, 401, "invalid_token");
    assertThat(challenge(answer)).startsWith("Bearer error=\"invalid_token\"");
    assertThat(answer.body()).doesNotContain(VALID);
  }

  @Test
  void refusesATokenThatIsNotAJwt() {
    Answer answer =
        post(fx, "v1", "not-a-token", "{\"personidentifikatorer\": [\"" + VALID + "\"]}");

    refused(answer, 401, "invalid_token");
    assertThat(challenge(answer)).startsWith("Bearer error=\"invalid_token\"");
  }

  @Test
  void refusesATokenSignedByAnotherKey() throws JOSEException {
    Answer answer =
        post(fx, "v2", signedByAStranger(), "{\"personidentifikatorer\": [\"" + VALID + "\"]}");

    refused(answer, 401, "invalid_token");
  }

  @Test
  void refusesAnExpiredToken() {
    String soonExpired = krrToken(KRR_KONTAKTINFORMASJON_READ);
    fx.krrLocal().clock().advance(Duration.ofMinutes(10));
    try {
      Answer answer =
          post(fx, "v2", soonExpired, "{\"personidentifikatorer\": [\"" + VALID + "\"]}");

      String description = refused(answer, 401, "invalid_token");
      assertThat(description).doesNotContain(soonExpired);
    } finally {
      fx.krrLocal().clock().setOffset(Duration.ZERO);
    }
  }

  @Test
  void refusesATokenWithoutAKrrScope() {
    String selfService = fx.accessToken(fx.client().scopes(Scope.DCR_READ).register());

    Answer answer = post(fx, "v2", selfService, "{\"personidentifikatorer\": [\"" + VALID + "\"]}");

    String description = refused(answer, 403, "insufficient_scope");
    assertThat(description).contains("krr:global/kontaktinformasjon.read");
    assertThat(challenge(answer))
        .startsWith("Bearer error=\"insufficient_scope\"")
        .contains(
            "scope=\"krr:global/digitalpost.read krr:global/kontaktinfo.read"
                + " krr:global/kontaktinformasjon.read krr:global/postkasse.read\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{\"personidentifikatorer\": [",
        "[]",
        "\"01817090148\"",
        "{}",
        "{\"personidentifikatorer\": null}",
        "{\"personidentifikatorer\": \"01817090148\"}",
        "{\"personidentifikatorer\": {\"0\": \"01817090148\"}}",
        "{\"personidentifikatorer\": []}"
      })
  void refusesABodyThatIsNotALookup(String body) {
    Answer answer = post(fx, "v2", token, body);

    String description = refused(answer, 400, "invalid_request");
    assertThat(description).contains("personidentifikatorer");
    assertThat(answer.body()).doesNotContain(VALID);
  }

  @Test
  void refusesMoreThanAThousandIdentifiers() {
    String ids =
        IntStream.range(0, 1001)
            .mapToObj(i -> "\"" + VALID + "\"")
            .collect(Collectors.joining(","));

    Answer answer = post(fx, "v1", token, "{\"personidentifikatorer\": [" + ids + "]}");

    assertThat(refused(answer, 400, "invalid_request")).contains("1001").contains("1 to 1000");
    assertThat(answer.body()).doesNotContain(VALID);
  }

  @Test
  void acceptsExactlyAThousandIdentifiers() {
    String ids =
        IntStream.range(0, 1000)
            .mapToObj(i -> "\"" + VALID + "\"")
            .collect(Collectors.joining(","));

    Answer answer = post(fx, "v1", token, "{\"personidentifikatorer\": [" + ids + "]}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("personer")).hasSize(1000);
  }

  @Test
  void namesThePositionsAndRulesOfInvalidEntriesWithoutEchoingThem() {
    List<String> entries =
        List.of(
            "\"" + VALID + "\"",
            "\"01817090149\"",
            "\"12345678\"",
            "\"0181709014x\"",
            "\"31997090148\"",
            "4711081542",
            "null",
            "true",
            "[\"" + VALID + "\"]");

    Answer answer =
        post(fx, "v2", token, "{\"personidentifikatorer\": [" + String.join(", ", entries) + "]}");

    String description = refused(answer, 400, "invalid_request");
    assertThat(description)
        .contains("8 invalid entries")
        .contains("position 2 fails control-digit-2")
        .contains("position 3 fails length")
        .contains("position 4 fails digits")
        .contains("position 5 fails date")
        .contains("position 6 is not a string (number)")
        .contains("position 7 is not a string (null)")
        .contains("position 8 is not a string (boolean)")
        .contains("position 9 is not a string (array)")
        .doesNotContain("position 1 ");
    assertThat(answer.body())
        .doesNotContain(VALID)
        .doesNotContain("01817090149")
        .doesNotContain("12345678")
        .doesNotContain("0181709014x")
        .doesNotContain("31997090148")
        .doesNotContain("4711081542");
  }

  @Test
  void listsAtMostTwentyPositionsAndCountsTheRest() {
    String ids = IntStream.range(0, 30).mapToObj(i -> "\"bad\"").collect(Collectors.joining(","));

    Answer answer = post(fx, "v2", token, "{\"personidentifikatorer\": [" + ids + "]}");

    assertThat(refused(answer, 400, "invalid_request"))
        .contains("30 invalid entries")
        .contains("position 20 fails length")
        .doesNotContain("position 21 ")
        .contains("and 10 more");
  }

  @Test
  void refusesAnInkluderIkkeRegistrerteThatIsNotABoolean() {
    Answer answer =
        post(
            fx,
            "v2",
            token,
            "{\"personidentifikatorer\": [\""
                + VALID
                + "\"], \"inkluderIkkeRegistrerte\": \"yes\"}");

    assertThat(refused(answer, 400, "invalid_request")).contains("inkluderIkkeRegistrerte");
  }

  @Test
  void checksTheTokenBeforeTheBody() {
    Answer answer = post(fx, "v2", null, "{not json");

    refused(answer, 401, "invalid_token");
  }
}
