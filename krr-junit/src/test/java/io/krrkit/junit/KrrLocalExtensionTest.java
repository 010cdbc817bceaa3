package io.krrkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KrrLocalExtensionTest {
  private static final Instant T0 = Instant.parse("2026-01-15T09:00:00Z");
  private static final String KRR_PERSON = "/rest/v1/personer";

  @RegisterExtension
  static final KrrLocalExtension krr =
      KrrLocalExtension.builder().seedPersons(5).frozenAt(T0).build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void registeredKrrClientGetsATokenThatLooksUpAPerson() throws Exception {
    TestClient client = krr.registerKrrClient();

    JsonNode token = token(client, "krr:global/kontaktinformasjon.read");
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(krr.krrLocal().kontaktregisteretUrl() + KRR_PERSON))
                .header("Authorization", "Bearer " + token.path("access_token").asText())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"personidentifikatorer\":[\"" + KnownPersons.ACTIVE.value() + "\"]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(token.path("scope").asText()).isEqualTo("krr:global/kontaktinformasjon.read");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode person = json.readTree(answer.body()).path("personer").path(0);
    assertThat(person.path("personidentifikator").asText()).isEqualTo(KnownPersons.ACTIVE.value());
    assertThat(person.path("kontaktinformasjon").path("epostadresse").asText()).contains("@");
  }

  @Test
  void clientHoldsExactlyTheScopesItWasRegisteredWith() throws Exception {
    Scope custom = Scope.of("krrjunit:test");
    TestClient client =
        krr.registerClient(OrgNumber.of("910753614"), IntegrationType.MASKINPORTEN, Set.of(custom));

    assertThat(token(client, "krrjunit:test").path("scope").asText()).isEqualTo("krrjunit:test");
    assertThat(tokenResponse(client, "krr:global/kontaktinformasjon.read").statusCode())
        .isEqualTo(400);
  }

  @Test
  void clientsShareKeyMaterialButNotKids() {
    TestClient first = krr.registerKrrClient();
    TestClient second = krr.registerKrrClient();

    assertThat(first.kid()).isNotEqualTo(second.kid());
    assertThat(first.clientId()).isNotEqualTo(second.clientId());
    assertThat(first.toString()).doesNotContain(first.key().getPrivateExponent().toString());
  }

  @Test
  void removedKeysNoLongerSignValidGrants() throws Exception {
    TestClient client = krr.registerKrrClient();
    krr.replaceKeys(client, List.of());

    assertThat(tokenResponse(client, "krr:global/kontaktinformasjon.read").statusCode())
        .isEqualTo(400);
  }

  @Test
  void advanceMovesTheFrozenEmulatorClock() {
    Instant before = krr.krrLocal().clock().instant();
    krr.advance(Duration.ofHours(2));

    assertThat(krr.krrLocal().clock().instant()).isEqualTo(before.plus(Duration.ofHours(2)));
    assertThat(before).isAfterOrEqualTo(T0);
  }

  @Test
  void resetRemovesRegisteredClientsAndPutsTheClockBack() {
    TestClient client = krr.registerKrrClient();
    krr.advance(Duration.ofDays(1));

    krr.reset();

    assertThat(krr.krrLocal().controls().hasClient(client.clientId())).isFalse();
    assertThat(krr.krrLocal().clock().instant()).isEqualTo(T0);
    assertThat(krr.krrLocal().controls().hasClient(krr.krrLocal().bootstrap().clientId())).isTrue();
  }

  @Test
  void refusesClientTypesThatDoNotUseJwtGrants() {
    assertThatThrownBy(
            () -> krr.registerClient(OrgNumber.of("910753614"), IntegrationType.IDPORTEN, Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("self-service API");
  }

  @Test
  void saysHowToRegisterWhenAskedBeforeStart() {
    assertThatThrownBy(() -> KrrLocalExtension.builder().build().krrLocal())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@RegisterExtension");
  }

  private JsonNode token(TestClient client, String scope) throws Exception {
    HttpResponse<String> response = tokenResponse(client, scope);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> tokenResponse(TestClient client, String scope)
      throws IOException, InterruptedException, JOSEException {
    String issuer = krr.krrLocal().maskinportenIssuer();
    Instant now = krr.krrLocal().clock().instant();
    SignedJWT grant =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(client.kid()).build(),
            new JWTClaimsSet.Builder()
                .issuer(client.clientId())
                .audience(issuer)
                .claim("scope", scope)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    grant.sign(new RSASSASigner(client.key()));
    String form =
        "grant_type="
            + URLEncoder.encode(
                "urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
            + "&assertion="
            + grant.serialize();
    return http.send(
        HttpRequest.newBuilder(URI.create(issuer + "token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
