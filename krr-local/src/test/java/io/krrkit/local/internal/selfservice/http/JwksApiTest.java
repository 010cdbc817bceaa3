package io.krrkit.local.internal.selfservice.http;

import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.jwks;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.krrClient;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.newKey;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.publicJwk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.OrgNumber;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.Internals;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /clients/{id}/jwks}: the key rules of spec.md#client-keys and Digdir's docs, over HTTP.
 */
class JwksApiTest {
  private static final OrgNumber ORG = OrgNumber.of("991825827");
  private static final RSAKey KEY = newKey(2048);

  private static LocalFixture fx;
  private static SelfServiceApi api;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
    api = SelfServiceApi.admin(fx, ORG);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void acceptsDigdirsDocumentedKeySetAndShowsIt() {
    String id = api.create(krrClient());
    String documented =
        """
        {
          "keys": [
            {
              "kty": "RSA",
              "e": "AQAB",
              "use": "sig",
              "kid": "min_egen_nokkel",
              "alg": "RS256",
              "n": "lGc-dGnl9l9pCSb6eW5Mf23Aiss09q7Mxre9q9dazSiN9IjQJmkWDySpoYW3g_rSX2a74cg_q3iTSM0Co9iJ0LQp8gjoIi9I8syi6anBKK6fISr1adZbsGGrM1-zMRRNVsJ811snTdkbgx8ZxVRJM4F6D2KwL3TEnv0CRRVtphO0sRmimKBVVBdawPYQC64SQDvARy6xIlPhD-Da2n2Cl6vRQbVns7dYD8-C2TeYGgB_tAsrVSorx9GF5cZ-hlNHfIgg2qQYZzaljyfOWPPG5rybp9bAWg9vFllUFd_Y6vvZ0tqVfAyj67nFz_w4Rxy-MdRgERKHJcq81GkmVzq5fQ"
            }
          ]
        }
        """;

    assertThat(api.post("/clients/" + id + "/jwks", documented).status()).isEqualTo(200);
    Answer answer = api.get("/clients/" + id + "/jwks");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(fieldNames(answer.json())).containsExactly("keys", "created", "last_updated");
    JsonNode key = answer.json().get("keys").get(0);
    assertThat(fieldNames(key)).containsExactly("kid", "alg", "kty", "use", "n", "e", "exp");
    assertThat(key.get("kid").asText()).isEqualTo("min_egen_nokkel");
    assertThat(key.get("n").asText())
        .isEqualTo(SelfServiceApi.parse(documented).get("keys").get(0).get("n").asText());
  }

  @Test
  void givesAnUploadedKeyOneYearOfLife() {
    String id = api.create(krrClient());
    Instant before = fx.krrLocal().clock().instant();
    Answer answer = api.post("/clients/" + id + "/jwks", jwks(publicJwk(newKey(2048))));
    Instant after = fx.krrLocal().clock().instant();

    long exp = answer.json().get("keys").get(0).get("exp").asLong();
    assertThat(Instant.ofEpochSecond(exp))
        .isBetween(oneYearAfter(before).minusSeconds(1), oneYearAfter(after));
  }

  @Test
  void honoursAShorterExp() {
    String id = api.create(krrClient());
    long exp = fx.krrLocal().clock().instant().plusSeconds(3600).getEpochSecond();

    api.post("/clients/" + id + "/jwks", jwks(publicJwk(newKey(2048)).put("exp", exp)));

    JsonNode key = api.get("/clients/" + id + "/jwks").json().get("keys").get(0);
    assertThat(key.get("exp").asLong()).isEqualTo(exp);
  }

  @Test
  void refusesAnExpBeyondOneYear() {
    String id = api.create(krrClient());
    long exp = oneYearAfter(fx.krrLocal().clock().instant()).plusSeconds(3600).getEpochSecond();

    Answer answer =
        api.post("/clients/" + id + "/jwks", jwks(publicJwk(newKey(2048)).put("exp", exp)));

    assertRefused(answer, "keys[0].exp");
  }

  @Test
  void refusesAnExpInThePastAndKeepsTheOldSetWithoutTakingTheGoodKid() {
    String id = api.create(krrClient());
    RSAKey old = newKey(2048);
    api.post("/clients/" + id + "/jwks", jwks(publicJwk(old)));
    RSAKey good = newKey(2048);
    long past = fx.krrLocal().clock().instant().minusSeconds(60).getEpochSecond();

    Answer answer =
        api.post(
            "/clients/" + id + "/jwks",
            jwks(publicJwk(good), publicJwk(newKey(2048)).put("exp", past)));

    assertRefused(answer, "keys[1].exp");
    assertThat(keyIds(id)).containsExactly(old.getKeyID());
    assertThat(Internals.of(fx.krrLocal()).clientKeys().findByKid(good.getKeyID())).isEmpty();
  }

  @Test
  void replacesTheSetWithUpToFiveKeys() {
    String id = api.create(krrClient());
    api.post("/clients/" + id + "/jwks", jwks(publicJwk(newKey(2048))));
    ObjectNode[] five = new ObjectNode[5];
    for (int i = 0; i < five.length; i++) {
      five[i] = publicJwk(newKey(2048));
    }

    Answer answer = api.post("/clients/" + id + "/jwks", jwks(five));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("keys").findValuesAsText("kid"))
        .containsExactlyInAnyOrder(kids(five));
    assertThat(Internals.of(fx.krrLocal()).clientKeys().findByClient(id)).hasSize(5);
  }

  @Test
  void refusesSixKeysAndKeepsTheOldSet() {
    String id = api.create(krrClient());
    api.post("/clients/" + id + "/jwks", jwks(publicJwk(KEY)));
    ObjectNode[] six = new ObjectNode[6];
    for (int i = 0; i < six.length; i++) {
      six[i] = publicJwk(newKey(2048)).put("kid", "six-" + i + "-" + id);
    }

    Answer answer = api.post("/clients/" + id + "/jwks", jwks(six));

    assertRefused(answer, "keys");
    assertThat(keyIds(id)).containsExactly(KEY.getKeyID());
  }

  @Test
  void refusesAnEmptySetAndPointsToDelete() {
    String id = api.create(krrClient());
    api.post("/clients/" + id + "/jwks", jwks(publicJwk(newKey(2048))));

    Answer answer = api.post("/clients/" + id + "/jwks", jwks());

    assertRefused(answer, "keys");
    assertThat(answer.json().get("error_description").asText()).contains("DELETE");
    assertThat(keyIds(id)).hasSize(1);
  }

  @Test
  void refusesOtherAlgorithmsAndUses() {
    String id = api.create(krrClient());

    Answer answer =
        api.post(
            "/clients/" + id + "/jwks",
            jwks(publicJwk(newKey(2048)).put("alg", "RS512").put("use", "enc")));

    assertRefused(answer, "keys[0].alg", "keys[0].use");
  }

  @ParameterizedTest
  @ValueSource(ints = {1024, 3072, 4096})
  void refusesKeysThatAreNot2048Bits(int bits) {
    String id = api.create(krrClient());

    Answer answer = api.post("/clients/" + id + "/jwks", jwks(publicJwk(newKey(bits))));

    assertRefused(answer, "keys[0].n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kty", "alg", "use", "kid", "e", "n"})
  void refusesAKeyWithoutARequiredMember(String member) {
    String id = api.create(krrClient());
    ObjectNode key = publicJwk(newKey(2048));
    key.remove(member);

    Answer answer = api.post("/clients/" + id + "/jwks", jwks(key));

    assertRefused(answer, "keys[0]." + member);
  }

  @Test
  void refusesPrivateKeyMaterialWithoutEchoingOrStoringIt() {
    String id = api.create(krrClient());
    RSAKey pair = newKey(2048);

    Answer answer =
        api.post("/clients/" + id + "/jwks", jwks(SelfServiceApi.parse(pair.toJSONString())));

    assertRefused(answer, "keys[0]");
    assertThat(answer.body())
        .contains("private")
        .doesNotContain(pair.getPrivateExponent().toString())
        .doesNotContain(pair.getFirstPrimeFactor().toString());
    assertThat(Internals.of(fx.krrLocal()).clientKeys().findByKid(pair.getKeyID())).isEmpty();
  }

  @Test
  void refusesAKidAnotherClientHolds() {
    String first = api.create(krrClient());
    String second = api.create(krrClient());
    RSAKey taken = newKey(2048);
    api.post("/clients/" + first + "/jwks", jwks(publicJwk(taken)));

    Answer answer =
        api.post(
            "/clients/" + second + "/jwks",
            jwks(publicJwk(newKey(2048)).put("kid", taken.getKeyID())));

    assertRefused(answer, "keys[0].kid");
    assertThat(keyIds(second)).isEmpty();
  }

  @Test
  void keepsAKidOnItsOwnClientWhenTheSetIsReplaced() {
    String id = api.create(krrClient());
    RSAKey kept = newKey(2048);
    api.post("/clients/" + id + "/jwks", jwks(publicJwk(kept)));

    Answer answer =
        api.post("/clients/" + id + "/jwks", jwks(publicJwk(kept), publicJwk(newKey(2048))));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(keyIds(id)).contains(kept.getKeyID()).hasSize(2);
  }

  @Test
  void deletesEveryKey() {
    String id = api.create(krrClient());
    api.post("/clients/" + id + "/jwks", jwks(publicJwk(newKey(2048)), publicJwk(newKey(2048))));

    Answer answer = api.delete("/clients/" + id + "/jwks");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(api.get("/clients/" + id + "/jwks").json().get("keys")).isEmpty();
  }

  private static void assertRefused(Answer answer, String... fields) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    JsonNode errors = answer.json().get("errors");
    assertThat(errors.findValuesAsText("fieldIdentifier")).contains(fields);
    assertThat(errors.findValuesAsText("objectName")).containsOnly("Jwks");
  }

  private static List<String> keyIds(String clientId) {
    return Internals.of(fx.krrLocal()).clientKeys().findByClient(clientId).stream()
        .map(k -> k.kid())
        .toList();
  }

  private static String[] kids(ObjectNode... keys) {
    return java.util.Arrays.stream(keys).map(k -> k.get("kid").asText()).toArray(String[]::new);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Instant oneYearAfter(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
  }
}
