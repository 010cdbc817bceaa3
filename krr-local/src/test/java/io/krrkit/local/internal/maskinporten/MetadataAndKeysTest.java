package io.krrkit.local.internal.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetadataAndKeysTest {
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
  void metadataHasExactlyTheKeysOfTheTestEnvironment() {
    Answer answer = fx.get(fx.issuer() + ".well-known/oauth-authorization-server");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.response().headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    String issuer = fx.issuer();
    assertThat(fx.krrLocal().maskinportenIssuer()).endsWith("/maskinporten/");
    assertThat(toMap(answer.json()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "issuer", issuer,
                "token_endpoint", issuer + "token",
                "jwks_uri", issuer + "jwk",
                "token_endpoint_auth_methods_supported", List.of("private_key_jwt"),
                "grant_types_supported", List.of("urn:ietf:params:oauth:grant-type:jwt-bearer"),
                "token_endpoint_auth_signing_alg_values_supported",
                    List.of("RS256", "RS384", "RS512"),
                "authorization_details_types_supported",
                    List.of("urn:altinn:systemuser", "urn:altinn:consent")));
  }

  @Test
  void metadataIsAlsoAtTheRfc8414Location() {
    Answer atIssuer = fx.get(fx.issuer() + ".well-known/oauth-authorization-server");
    String rfc8414 =
        fx.krrLocal().baseUrl() + "/.well-known/oauth-authorization-server/maskinporten";

    Answer withoutSlash = fx.get(rfc8414);
    Answer withSlash = fx.get(rfc8414 + "/");

    assertThat(withoutSlash.status()).isEqualTo(200);
    assertThat(withSlash.status()).isEqualTo(200);
    assertThat(withoutSlash.json()).isEqualTo(atIssuer.json());
    assertThat(withSlash.json()).isEqualTo(atIssuer.json());
  }

  @Test
  void jwksPublishesOnlyPublicKeysThatVerifyMintedTokens() throws Exception {
    String token = fx.accessToken(Scope.of("test:scope"));

    Answer answer = fx.get(fx.issuer() + "jwk");

    assertThat(answer.status()).isEqualTo(200);
    JWKSet jwks = JWKSet.parse(answer.body());
    assertThat(jwks.getKeys()).isNotEmpty().allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
    SignedJWT jwt = SignedJWT.parse(token);
    RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(key).isNotNull();
    assertThat(key.size()).isEqualTo(2048);
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
  }

  @Test
  void helpPageExplainsEachCodeAndUnknownCodesAre404() {
    Answer known = fx.get(fx.issuer() + "errors/MP-124");
    Answer unknown = fx.get(fx.issuer() + "errors/MP-999");

    assertThat(known.status()).isEqualTo(200);
    assertThat(known.response().headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(known.body()).contains("MP-124", "Invalid JWT signature", "Cause", "Fix");
    assertThat(unknown.status()).isEqualTo(404);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toMap(JsonNode json) {
    return new ObjectMapper().convertValue(json, Map.class);
  }
}
