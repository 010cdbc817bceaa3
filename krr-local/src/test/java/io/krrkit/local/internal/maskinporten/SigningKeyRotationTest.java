package io.krrkit.local.internal.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.store.FreshStore;
import io.krrkit.local.internal.store.StoreEngine;
import io.krrkit.maskinporten.validation.MaskinportenTokenValidator;
import io.krrkit.maskinporten.validation.TokenRejectedException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code POST /admin/signing-keys/rotate} over HTTP on two nodes sharing one store: the new key is
 * published at once and signs after the publication delay, on both nodes; the old key stays
 * published until every token it signed has expired (120 s + 5 s skew), then leaves the JWKS. A
 * resource server validating over HTTP follows without a restart.
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class SigningKeyRotationTest {
  private static final Scope READ = Scope.KRR_KONTAKTINFORMASJON_READ;

  private static LocalFixture nodeA;
  private static LocalFixture nodeB;
  private static String directB;

  @Parameter StoreEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(StoreEngine engine) throws IOException {
    FreshStore store = engine.freshStore();
    int portA = freePort();
    int portB = freePort();
    nodeA = LocalFixture.start(node(store).port(portA));
    nodeB = LocalFixture.start(node(store).port(portB).publicUrl("http://localhost:" + portA));
    directB = "http://127.0.0.1:" + portB;
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    nodeB.close();
    nodeA.close();
  }

  @AfterEach
  void resetClocks() {
    nodeA.krrLocal().clock().setOffset(Duration.ZERO);
    nodeB.krrLocal().clock().setOffset(Duration.ZERO);
  }

  @Test
  void theNewKeyIsPublishedBeforeItSignsAndTheOldOneUntilItsTokensExpire() throws Exception {
    MaskinportenTokenValidator validator =
        MaskinportenTokenValidator.builder()
            .issuer(nodeA.issuer())
            .requiredScope(READ)
            .clock(nodeA.krrLocal().clock())
            .build();
    String before = nodeA.accessToken(READ);
    String oldKid = kid(before);
    assertThat(validator.validate(before).consumer()).isEqualTo(KrrLocal.DEFAULT_ORG);

    Answer rotated = post(nodeA.krrLocal().baseUrl(), "{\"publication_delay\":\"PT60S\"}");

    assertThat(rotated.status()).isEqualTo(201);
    JsonNode next = rotated.json().get("rotated_to");
    String newKid = next.get("kid").asText();
    assertThat(next.get("stage").asText()).isEqualTo("next");
    assertThat(newKid).isNotEqualTo(oldKid);
    assertThat(published(nodeA.issuer())).contains(oldKid, newKid);
    assertThat(published(directB + "/maskinporten/")).contains(oldKid, newKid);
    assertThat(kid(nodeA.accessToken(READ))).isEqualTo(oldKid);
    assertThat(kid(nodeB.accessToken(READ))).isEqualTo(oldKid);

    moveClocks(Duration.ofSeconds(61));
    String afterA = nodeA.accessToken(READ);
    String afterB = nodeB.accessToken(READ);

    assertThat(kid(afterA)).isEqualTo(newKid);
    assertThat(kid(afterB)).isEqualTo(newKid);
    assertThat(validator.validate(afterB).scopes()).contains(READ); // unknown kid: refetched
    assertThat(validator.validate(before).scopes()).contains(READ); // old key still published
    assertThat(Internals.of(nodeB.krrLocal()).tokenVerifier().verify("Bearer " + afterA).scopes())
        .containsExactly(READ);
    assertThat(published(nodeA.issuer())).contains(oldKid, newKid);
    assertThat(stages(nodeA.krrLocal().baseUrl())).containsExactly("signing", "retiring");

    moveClocks(Duration.ofSeconds(61 + 126));

    assertThat(published(nodeA.issuer())).containsExactly(newKid);
    assertThat(published(directB + "/maskinporten/")).containsExactly(newKid);
    assertThatThrownBy(() -> validator.validate(before))
        .isInstanceOf(TokenRejectedException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void refusesANonPositiveOrMalformedPublicationDelay() {
    String base = nodeA.krrLocal().baseUrl();
    List<String> before = published(nodeA.issuer());

    for (String body :
        new String[] {
          "{\"publication_delay\":\"PT0S\"}",
          "{\"publication_delay\":\"-PT5S\"}",
          "{\"publication_delay\":\"soon\"}",
          "[]",
          "not json"
        }) {
      Answer answer = post(base, body);

      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
    }
    assertThat(published(nodeA.issuer())).isEqualTo(before);
  }

  private static LocalFixture.Answer post(String base, String body) {
    return nodeA.send(
        HttpRequest.newBuilder(URI.create(base + "/admin/signing-keys/rotate"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static List<String> stages(String base) {
    JsonNode keys = nodeA.get(base + "/admin/signing-keys").json().get("keys");
    return java.util.stream.StreamSupport.stream(keys.spliterator(), false)
        .map(k -> k.get("stage").asText())
        .toList();
  }

  private static void moveClocks(Duration offset) {
    for (String base : List.of(nodeA.krrLocal().baseUrl(), directB)) {
      Answer answer =
          nodeA.send(
              HttpRequest.newBuilder(URI.create(base + "/admin/clock"))
                  .PUT(HttpRequest.BodyPublishers.ofString("{\"offset\":\"" + offset + "\"}")));
      assertThat(answer.status()).isEqualTo(200);
    }
  }

  private static List<String> published(String issuer) {
    try {
      return JWKSet.parse(nodeA.get(issuer + "jwk").body()).getKeys().stream()
          .map(JWK::getKeyID)
          .toList();
    } catch (ParseException e) {
      throw new AssertionError("JWKS does not parse", e);
    }
  }

  private static String kid(String token) throws ParseException {
    return SignedJWT.parse(token).getHeader().getKeyID();
  }

  private static KrrLocal.Builder node(FreshStore store) {
    return store.node(KrrLocal.builder().seedPersons(0).adminApi(true));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
