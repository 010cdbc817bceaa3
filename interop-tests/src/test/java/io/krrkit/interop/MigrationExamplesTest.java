package io.krrkit.interop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.Person;
import io.krrkit.junit.TestClient;
import io.krrkit.krr.KrrClient;
import io.krrkit.krr.KrrEnvironment;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import no.ks.fiks.maskinporten.AccessTokenRequest;
import no.ks.fiks.maskinporten.Maskinportenklient;
import no.ks.fiks.maskinporten.MaskinportenklientProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/migrating.md's side-by-side examples, run: each "before" (KS Fiks' client, hand-written
 * code) and its krr-kit "after" get a token from krr-local, or look up the same person, and agree.
 */
class MigrationExamplesTest {
  @RegisterExtension static final InteropFixture fixture = new InteropFixture();
  private static final String PERSON = "20914695016";

  @Test
  void ksFiksAndKrrKitGetTheSameToken() throws Exception {
    TestClient client = fixture.registerKrrClient();

    String before = ksFiks(fixture.maskinportenIssuer(), client.clientId(), client.key());
    String after = krrKit(fixture.maskinportenIssuer(), client.clientId(), client.key());

    for (String token : List.of(before, after)) {
      var verified = fixture.krr().controls().verifyAccessToken("Bearer " + token);
      assertThat(verified.clientId()).isEqualTo(client.clientId());
      assertThat(verified.scopes()).containsExactly(Scope.KRR_KONTAKTINFORMASJON_READ);
    }
  }

  @Test
  void handWrittenAndKrrKitLookUpTheSamePerson() throws Exception {
    TestClient client = fixture.registerKrrClient();
    String krrBase = fixture.krr().kontaktregisteretUrl();

    JsonNode before = handWritten(fixture.maskinportenIssuer(), krrBase, client);
    Person after = krrKitLookup(fixture.maskinportenIssuer(), krrBase, client);

    assertThat(before.get("personidentifikator").asText()).isEqualTo(PERSON);
    assertThat(after.personidentifikator()).isEqualTo(PERSON);
    assertThat(before.get("reservasjon").asText()).isEqualTo(after.reservasjon().name());
  }

  private static String ksFiks(String issuer, String clientId, RSAKey rsaKey) throws Exception {
    PrivateKey privateKey = rsaKey.toPrivateKey();
    String kid = rsaKey.getKeyID();
    // snippet:ks-before
    Maskinportenklient maskinporten =
        Maskinportenklient.builder()
            .withPrivateKey(privateKey)
            .usingAsymmetricKey(kid)
            .withProperties(
                MaskinportenklientProperties.builder()
                    .audience(issuer)
                    .tokenEndpoint(issuer + "token")
                    .issuer(clientId)
                    .build())
            .build();
    String token =
        maskinporten.getAccessToken(
            AccessTokenRequest.builder().scope("krr:global/kontaktinformasjon.read").build());
    // /snippet:ks-before
    return token;
  }

  private static String krrKit(String issuer, String clientId, RSAKey rsaKey) {
    // snippet:ks-after
    MaskinportenClient maskinporten =
        MaskinportenClient.builder()
            .environment(MaskinportenEnvironment.custom(issuer))
            .clientId(clientId)
            .signingKey(rsaKey) // a Nimbus RSAKey: private key and kid in one
            .build();
    String token = maskinporten.getToken(Scope.KRR_KONTAKTINFORMASJON_READ).value();
    // /snippet:ks-after
    return token;
  }

  private static JsonNode handWritten(String issuer, String krrBase, TestClient client)
      throws Exception {
    String clientId = client.clientId();
    RSAKey rsaKey = client.key();
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    // snippet:hand-before
    Instant now = Instant.now();
    SignedJWT grant =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsaKey.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .audience(issuer)
                .issuer(clientId)
                .claim("scope", "krr:global/kontaktinformasjon.read")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    grant.sign(new RSASSASigner(rsaKey));
    HttpResponse<String> tokenAnswer =
        http.send(
            HttpRequest.newBuilder(URI.create(issuer + "token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    BodyPublishers.ofString(
                        "grant_type="
                            + URLEncoder.encode(
                                "urn:ietf:params:oauth:grant-type:jwt-bearer", UTF_8)
                            + "&assertion="
                            + grant.serialize()))
                .build(),
            BodyHandlers.ofString());
    String accessToken = json.readTree(tokenAnswer.body()).get("access_token").asText();
    HttpResponse<String> lookupAnswer =
        http.send(
            HttpRequest.newBuilder(URI.create(krrBase + "/rest/v2/personer"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"personidentifikatorer\":[\"20914695016\"]}"))
                .build(),
            BodyHandlers.ofString());
    JsonNode person = json.readTree(lookupAnswer.body()).get("personer").get(0);
    // /snippet:hand-before
    return person;
  }

  private static Person krrKitLookup(String issuer, String krrBase, TestClient client) {
    String clientId = client.clientId();
    RSAKey rsaKey = client.key();
    // snippet:hand-after
    KrrClient krr =
        KrrClient.builder()
            .environment(KrrEnvironment.custom(krrBase))
            .maskinporten(
                MaskinportenClient.builder()
                    .environment(MaskinportenEnvironment.custom(issuer))
                    .clientId(clientId)
                    .signingKey(rsaKey)
                    .build(),
                Scope.KRR_KONTAKTINFORMASJON_READ)
            .build();
    Person person = krr.lookup(List.of("20914695016")).person("20914695016").orElseThrow();
    // /snippet:hand-after
    return person;
  }
}
