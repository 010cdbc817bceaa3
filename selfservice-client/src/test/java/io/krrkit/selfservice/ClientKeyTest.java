package io.krrkit.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

class ClientKeyTest {
  private static final RSAKey KEY = Keys.rsa("unit");

  @Test
  void takesOnlyThePublicPartOfAKeyWithItsKid() {
    JsonNode jwk = Json.newMapper().valueToTree(ClientKey.of(KEY));

    assertThat(jwk.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("kid", "kty", "alg", "use", "n", "e");
    assertThat(jwk.get("kid").asText()).isEqualTo(KEY.getKeyID());
    assertThat(jwk.get("alg").asText()).isEqualTo("RS256");
    assertThat(jwk.get("use").asText()).isEqualTo("sig");
    assertThat(jwk.get("n").asText()).isEqualTo(KEY.getModulus().toString());
  }

  @Test
  void carriesTheKeysExpiry() {
    Instant exp = Instant.parse("2030-01-01T00:00:00Z");
    RSAKey expiring = new RSAKey.Builder(KEY).expirationTime(Date.from(exp)).build();

    assertThat(ClientKey.of(expiring).exp()).isEqualTo(exp.getEpochSecond());
    assertThat(ClientKey.of(expiring).expiresAt()).contains(exp);
  }

  @Test
  void refusesAKeyWithoutKid() {
    RSAKey noKid = new RSAKey.Builder(KEY).keyID(null).build();

    assertThatThrownBy(() -> ClientKey.of(noKid))
        .isInstanceOf(SelfServiceConfigException.class)
        .hasMessageContaining("kid")
        .hasMessageNotContaining(KEY.getModulus().toString());
  }
}
