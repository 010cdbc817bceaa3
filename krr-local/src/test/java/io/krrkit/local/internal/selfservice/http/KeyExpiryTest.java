package io.krrkit.local.internal.selfservice.http;

import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.jwks;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.maskinportenClient;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.publicJwk;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.krrkit.core.OrgNumber;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A key uploaded with {@code POST /clients/{id}/jwks} authenticates for one year (MP-121 after),
 * and uploading it again renews the year; the year passes through {@code PUT /admin/clock}.
 */
class KeyExpiryTest {
  private static final OrgNumber ORG = OrgNumber.of("991825827");

  private static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(0).adminApi(true));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @AfterEach
  void resetClock() {
    fx.krrLocal().clock().setOffset(Duration.ZERO);
  }

  @Test
  void aKeyExpiresAfterOneYearAndReUploadingItRenewsIt() {
    RSAKey key = SelfServiceApi.newKey(2048);
    String clientId = SelfServiceApi.admin(fx, ORG).create(maskinportenClient());
    assertThat(upload(SelfServiceApi.admin(fx, ORG), clientId, key).status()).isEqualTo(200);
    assertThat(token(clientId, key).status()).isEqualTo(200);

    moveClock("P366D");
    Answer expired = token(clientId, key);

    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(expired.json().get("error_uri").asText()).endsWith("/errors/MP-121");
    assertThat(expired.json().get("error_description").asText())
        .startsWith("Invalid assertion. Client authentication failed. Expired key");

    SelfServiceApi later = SelfServiceApi.admin(fx, ORG); // its own key is fresh on the new clock
    Answer renewed = upload(later, clientId, key);
    long exp = renewed.json().get("keys").get(0).get("exp").asLong();

    assertThat(renewed.status()).isEqualTo(200);
    assertThat(Instant.ofEpochSecond(exp))
        .isAfter(fx.krrLocal().clock().instant().plus(Duration.ofDays(364)));
    assertThat(token(clientId, key).status()).isEqualTo(200);
  }

  @Test
  void aKeyIsStillValidJustBeforeItsYearEnds() {
    RSAKey key = SelfServiceApi.newKey(2048);
    String clientId = SelfServiceApi.admin(fx, ORG).create(maskinportenClient());
    upload(SelfServiceApi.admin(fx, ORG), clientId, key);

    moveClock("P364D");

    assertThat(token(clientId, key).status()).isEqualTo(200);
  }

  private static Answer upload(SelfServiceApi api, String clientId, RSAKey key) {
    return api.post("/clients/" + clientId + "/jwks", jwks(publicJwk(key)));
  }

  private static Answer token(String clientId, RSAKey key) {
    Instant now = fx.krrLocal().clock().instant();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .audience(fx.issuer())
            .issuer(clientId)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(60)))
            .jwtID(UUID.randomUUID().toString())
            .claim("scope", "difitest:api3");
    return fx.token(
        fx.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()), claims, key));
  }

  private static void moveClock(String offset) {
    Answer answer =
        fx.send(
            HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + "/admin/clock"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"offset\":\"" + offset + "\"}")));
    assertThat(answer.status()).isEqualTo(200);
  }
}
