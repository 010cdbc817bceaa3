package io.krrkit.local.internal.selfservice.http;

import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.jwks;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.krrClient;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.newKey;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.publicJwk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.Bootstrap;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.internal.Internals;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KrrLocal#bootstrap()}: the way in to the self-service API, from a fresh emulator to a KRR
 * client that gets tokens, and the same credential after a restart and on every node.
 */
class BootstrapTest {

  @Test
  void leadsFromAFreshEmulatorToAKrrClientThatGetsTokens() throws ParseException {
    try (LocalFixture fx = LocalFixture.start()) {
      Bootstrap bootstrap = fx.krrLocal().bootstrap();
      TestClient admin = asClient(bootstrap, Scope.DCR_READ, Scope.DCR_WRITE, Scope.DCR_MODIFY);
      Answer adminToken = fx.token(fx.grant(admin));
      assertThat(adminToken.status()).as(adminToken.body()).isEqualTo(200);
      SelfServiceApi api =
          SelfServiceApi.withToken(fx, adminToken.json().get("access_token").asText());

      String krrClientId = api.create(krrClient());
      RSAKey key = newKey(2048);
      assertThat(api.post("/clients/" + krrClientId + "/jwks", jwks(publicJwk(key))).status())
          .isEqualTo(200);
      TestClient krr =
          new TestClient(
              krrClientId,
              key.getKeyID(),
              key,
              OrgNumber.of(bootstrap.orgno()),
              Set.of(Scope.KRR_KONTAKTINFORMASJON_READ));
      Answer krrToken = fx.token(fx.grant(krr));

      assertThat(krrToken.status()).as(krrToken.body()).isEqualTo(200);
      assertThat(krrToken.json().get("scope").asText())
          .isEqualTo("krr:global/kontaktinformasjon.read");
    }
  }

  @Test
  void holdsEverySelfServiceScopeForTheConfiguredOrganisation() {
    OrgNumber org = OrgNumber.of("974760673");
    try (LocalFixture fx = LocalFixture.start(emulator().orgNumber(org))) {
      Bootstrap bootstrap = fx.krrLocal().bootstrap();

      assertThat(bootstrap.orgno()).isEqualTo(org.value());
      assertThat(bootstrap.issuer()).isEqualTo(fx.issuer());
      assertThat(
              Internals.of(fx.krrLocal())
                  .clients()
                  .findById(bootstrap.clientId())
                  .orElseThrow()
                  .scopes())
          .extracting(Scope::value)
          .containsExactlyInAnyOrder(
              "idporten:dcr.read",
              "idporten:dcr.modify",
              "idporten:dcr.write",
              "idporten:dcr/onbehalfof:write",
              "idporten:dcr.supplier",
              "idporten:scopes.write");
    }
  }

  @Test
  void writesTheDocumentedJsonAndMasksTheKeyInToString() throws ParseException {
    try (LocalFixture fx = LocalFixture.start()) {
      Bootstrap bootstrap = fx.krrLocal().bootstrap();
      JsonNode json = SelfServiceApi.parse(bootstrap.toJson());
      String privateExponent = RSAKey.parse(bootstrap.privateJwk()).getPrivateExponent().toString();

      List<String> names = new ArrayList<>();
      json.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactly("issuer", "orgno", "client_id", "kid", "private_jwk");
      assertThat(json.get("private_jwk").isObject()).isTrue();
      assertThat(json.get("private_jwk").get("kid").asText()).isEqualTo(bootstrap.kid());
      assertThat(json.get("private_jwk").get("d").asText()).isEqualTo(privateExponent);
      assertThat(bootstrap.toString())
          .contains(bootstrap.clientId())
          .doesNotContain(privateExponent);
    }
  }

  @Test
  void keepsTheCredentialAcrossRestartsOfAFileStore(@TempDir Path dir) throws ParseException {
    Bootstrap first;
    try (LocalFixture fx = LocalFixture.start(onDisk(dir))) {
      first = fx.krrLocal().bootstrap();
    }
    try (LocalFixture fx = LocalFixture.start(onDisk(dir))) {
      Bootstrap second = fx.krrLocal().bootstrap();

      assertThat(second.clientId()).isEqualTo(first.clientId());
      assertThat(second.kid()).isEqualTo(first.kid());
      assertThat(second.privateJwk()).isEqualTo(first.privateJwk());
      assertThat(fx.token(fx.grant(asClient(second, Scope.DCR_READ))).status()).isEqualTo(200);
    }
  }

  @Test
  void givesEveryNodeOnOneDatabaseTheSameCredential(@TempDir Path dir) {
    try (LocalFixture one = LocalFixture.start(onDisk(dir));
        LocalFixture two = LocalFixture.start(onDisk(dir))) {
      Bootstrap fromOne = one.krrLocal().bootstrap();
      Bootstrap fromTwo = two.krrLocal().bootstrap();

      assertThat(fromTwo.clientId()).isEqualTo(fromOne.clientId());
      assertThat(fromTwo.privateJwk()).isEqualTo(fromOne.privateJwk());
      assertThat(Internals.of(one.krrLocal()).clients().findByOwner(KrrLocal.DEFAULT_ORG))
          .filteredOn(c -> c.clientName().startsWith("krr-local admin"))
          .hasSize(1);
    }
  }

  private static KrrLocal.Builder emulator() {
    return KrrLocal.builder().port(0).ephemeral().seedPersons(0);
  }

  private static KrrLocal.Builder onDisk(Path dir) {
    return KrrLocal.builder().port(0).dataDir(dir).seedPersons(0);
  }

  private static TestClient asClient(Bootstrap bootstrap, Scope... scopes) throws ParseException {
    return new TestClient(
        bootstrap.clientId(),
        bootstrap.kid(),
        RSAKey.parse(bootstrap.privateJwk()),
        OrgNumber.of(bootstrap.orgno()),
        Set.of(scopes));
  }
}
