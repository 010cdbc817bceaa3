package io.krrkit.local.internal.idporten;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.idporten.LoginFlow.Client;
import io.krrkit.local.internal.krr.RegisterEntry;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * KRR's user-driven lookup (spec.md#user-driven-lookup) with tokens from the emulator's ID-porten
 * and Maskinporten.
 */
class UserLookupTest {
  static LocalFixture fx;
  static LoginFlow flow;
  static Client app;
  static String pid;
  static String token;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(5);
    flow = new LoginFlow(fx);
    app = flow.registerNative("http://127.0.0.1/callback");
    pid = flow.listedPersons(app).get(0);
    token = flow.accessToken(app, pid);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void readsTheLoggedInPersonsOwnRecordAsOnePersonObject() {
    Answer answer = person("GET", token, "application/json", null);
    RegisterEntry stored =
        Internals.of(fx.krrLocal()).register().find(Personidentifikator.of(pid)).orElseThrow();

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().isObject()).isTrue();
    assertThat(answer.json().get("personidentifikator").asText()).isEqualTo(pid);
    assertThat(answer.json().get("status").asText()).isEqualTo(stored.status().name());
    assertThat(answer.json().has("varslingsstatus")).isTrue();
  }

  @Test
  void signsTheAnswerForAcceptApplicationJose() throws Exception {
    Answer answer = person("GET", token, "application/jose", null);
    RSAKey key =
        (RSAKey)
            JWKSet.parse(fx.get(fx.krrLocal().kontaktregisteretUrl() + "/jwk").body())
                .getKeys()
                .get(0);

    JWSObject jws = JWSObject.parse(answer.body());

    assertThat(answer.response().headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/jose");
    assertThat(jws.verify(new RSASSAVerifier(key))).isTrue();
    assertThat(jws.getPayload().toString())
        .isEqualTo(person("GET", token, "application/json", null).body());
  }

  @Test
  void changesTheLanguageWithSpraakWrite() {
    Answer patched = person("PATCH", token, "application/json", "{\"spraak\":\"en\"}");
    Answer read = person("GET", token, "application/json", null);

    assertThat(patched.status()).as(patched.body()).isEqualTo(204);
    assertThat(read.json().get("spraak").asText()).isEqualTo("en");
    assertThat(read.json().get("spraak_oppdatert").asText()).isNotBlank();
  }

  @Test
  void refusesAnUnknownLanguageAndAMalformedBody() {
    Answer unknown = person("PATCH", token, "application/json", "{\"spraak\":\"de\"}");
    Answer malformed = person("PATCH", token, "application/json", "{spraak");

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("error_description").asText()).contains("nb");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("error").asText()).isEqualTo("invalid_request");
  }

  @Test
  void refusesMissingForeignAndMaskinportenTokensOnV1() {
    String maskinporten = fx.accessToken(fx.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ));

    for (String bad : new String[] {null, "garbage", maskinporten}) {
      Answer answer = person("GET", bad, "application/json", null);
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.json().get("error").asText()).isEqualTo("invalid_token");
      assertThat(answer.response().headers().firstValue("WWW-Authenticate").orElseThrow())
          .startsWith("Bearer error=\"invalid_token\"");
    }
  }

  @Test
  void v2ReadsThePersonOfAPidRestrictedMaskinportenToken() {
    LocalFixture.TestClient krr = fx.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    String restricted =
        fx.token(fx.sign(fx.header(krr), fx.claims(krr).claim("pid", pid), krr.privateKey()))
            .json()
            .get("access_token")
            .asText();

    Answer answer = get("/rest/v2/person", restricted);
    Answer unrestricted = get("/rest/v2/person", fx.accessToken(krr));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("personidentifikator").asText()).isEqualTo(pid);
    assertThat(unrestricted.status()).isEqualTo(401);
    assertThat(unrestricted.json().get("error_description").asText()).contains("pid");
  }

  private static Answer get(String path, String bearer) {
    return fx.send(
        HttpRequest.newBuilder(URI.create(fx.krrLocal().kontaktregisteretUrl() + path))
            .header("Authorization", "Bearer " + bearer)
            .GET());
  }

  private static Answer person(String method, String bearer, String accept, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(fx.krrLocal().kontaktregisteretUrl() + "/rest/v1/person"))
            .header("Accept", accept)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return fx.send(request);
  }
}
