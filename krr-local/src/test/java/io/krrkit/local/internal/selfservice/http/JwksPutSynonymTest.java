package io.krrkit.local.internal.selfservice.http;

import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.jwks;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.krrClient;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.newKey;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.publicJwk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.OrgNumber;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Digdir's API works on a client's whole key set only; {@code PUT /clients/{id}/jwks} is a synonym
 * of {@code POST}: it replaces the set, with the same rules (docs/fidelity.md).
 */
class JwksPutSynonymTest {
  private static LocalFixture fx;
  private static SelfServiceApi api;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
    api = SelfServiceApi.admin(fx, OrgNumber.of("991825827"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void putReplacesTheWholeSetAsPostDoes() {
    String id = api.create(krrClient());
    RSAKey first = newKey(2048);
    RSAKey second = newKey(2048);
    api.post("/clients/" + id + "/jwks", jwks(publicJwk(first)));

    Answer put = api.put("/clients/" + id + "/jwks", jwks(publicJwk(second)));

    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(keyIds(id)).containsExactly(second.getKeyID());
  }

  @Test
  void putRefusesWhatPostRefusesAndKeepsTheSet() {
    String id = api.create(krrClient());
    RSAKey kept = newKey(2048);
    api.post("/clients/" + id + "/jwks", jwks(publicJwk(kept)));

    Answer put =
        api.put("/clients/" + id + "/jwks", jwks(publicJwk(newKey(2048)).put("alg", "HS256")));

    assertThat(put.status()).as(put.body()).isEqualTo(400);
    assertThat(keyIds(id)).containsExactly(kept.getKeyID());
  }

  private static List<String> keyIds(String id) {
    List<String> kids = new ArrayList<>();
    for (JsonNode key : api.get("/clients/" + id + "/jwks").json().get("keys")) {
      kids.add(key.get("kid").asText());
    }
    return kids;
  }
}
