package io.krrkit.local.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.internal.store.StoreEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * State built through the public APIs survives {@code GET /admin/state}, {@code POST /admin/reset}
 * and {@code POST /admin/state}: clients, keys, on-behalf-of registrations, scopes, access,
 * delegations and persons read back as they were, the client still gets tokens and looks up as
 * before. On each storage engine.
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class StateRoundTripTest {
  private static final OrgNumber CUSTOMER = OrgNumber.of("910753614");
  private static final String PERSON = "01817090148";

  /** A person of the computed population, purged before the export. */
  private static final String PURGED = "02827590161";

  private static final String API = "krrkitstate:api";

  @Parameter StoreEngine engine;

  private static LocalFixture fx;
  private static StateCalls calls;

  @BeforeParameterizedClassInvocation
  static void start(StoreEngine engine) {
    fx = LocalFixture.start(engine.emulator().seedPersons(20).adminApi(true));
    calls = new StateCalls(fx);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    fx.close();
  }

  @Test
  void exportResetImportGivesTheSameStateAndWorkingClients() {
    RSAKey key = StateCalls.newKey();
    String clientId = buildState(key);
    TestClient krrClient =
        new TestClient(
            clientId,
            key.getKeyID(),
            key,
            KrrLocal.DEFAULT_ORG,
            Set.of(Scope.KRR_KONTAKTINFORMASJON_READ));
    String tokenBefore = fx.accessToken(krrClient);
    Map<String, JsonNode> before = views(clientId, tokenBefore);

    Map<String, String> files = calls.export("");
    assertThat(files.keySet())
        .containsExactly(
            "scopes.json",
            "access.json",
            "clients.json",
            "keys.json",
            "delegations.json",
            "altinn-system-users.json",
            "altinn-consents.json",
            "persons.json",
            "persons-forgotten.json");
    assertThat(files.get("persons-forgotten.json")).contains(PURGED);
    assertThat(files.get("keys.json")).contains(key.getKeyID()).doesNotContain("\"d\"");
    assertThat(files.get("clients.json"))
        .contains(clientId)
        .doesNotContain(fx.krrLocal().bootstrap().clientId());

    assertThat(calls.admin("POST", "/admin/reset", null).status()).isEqualTo(204);
    assertThat(fx.krrLocal().controls().hasClient(clientId)).isFalse();
    assertThat(calls.admin("GET", "/admin/persons/" + PURGED, null).status())
        .as("a reset brings the purged person of the population back")
        .isEqualTo(200);
    String createdAfterExport = createKrrClient(bootstrapToken(), "after export");

    Answer imported = calls.load(files, "");

    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().path("mode").asText()).isEqualTo("replace");
    assertThat(imported.json().path("imported").path("clients").asInt()).isEqualTo(2);
    // replace: what came after the export is gone, what the files hold is back as it was
    assertThat(fx.krrLocal().controls().hasClient(createdAfterExport)).isFalse();
    String tokenAfter = fx.accessToken(krrClient);
    assertThat(views(clientId, tokenAfter)).isEqualTo(before);
    assertThat(calls.admin("GET", "/admin/persons/" + PURGED, null).status())
        .as("the import forgets the purged person again")
        .isEqualTo(404);
    // tokens issued before stay valid: the signing keys are the emulator's, untouched
    assertThat(fx.krrLocal().controls().verifyAccessToken("Bearer " + tokenBefore).clientId())
        .isEqualTo(clientId);
    // and a second export is the first one
    assertThat(withoutVarsling(calls.export(""))).isEqualTo(withoutVarsling(files));
  }

  @Test
  void signingKeysOnlyWhenAsked() {
    Map<String, String> without = calls.export("");
    Map<String, String> with = calls.export("include_signing_keys=true");

    assertThat(without).doesNotContainKey("signing-keys.json");
    JsonNode keys = StateCalls.json(with.get("signing-keys.json"));
    assertThat(keys).isNotEmpty();
    assertThat(keys.get(0).path("service").asText()).isNotBlank();
    assertThat(keys.get(0).path("jwk").has("d")).isTrue();
    // the signing-key file is never imported: the emulator keeps its own keys
    String tokenBefore = bootstrapToken();
    String jwksBefore = fx.get(fx.issuer() + "jwk").body();
    assertThat(calls.load(with, "").status()).isEqualTo(200);
    assertThat(fx.get(fx.issuer() + "jwk").body()).isEqualTo(jwksBefore);
    assertThat(fx.krrLocal().controls().verifyAccessToken("Bearer " + tokenBefore).clientId())
        .isEqualTo(fx.krrLocal().bootstrap().clientId());
  }

  /** Builds the state over HTTP; the KRR client's id. */
  private static String buildState(RSAKey key) {
    String token = bootstrapToken();
    String own = KrrLocal.DEFAULT_ORG.value();
    ok(
        calls.selfService(
            token,
            "POST",
            "/scopes",
            Map.of("prefix", "krrkitstate", "subscope", "api", "description", "state test")));
    ok(calls.selfService(token, "PUT", "/scopes/access/" + own + "?scope=" + API, ""));
    ok(calls.selfService(token, "PUT", "/scopes/access/" + CUSTOMER + "?scope=" + API, ""));
    String clientId = createKrrClient(token, "oppslag");
    ok(
        calls.selfService(
            token,
            "POST",
            "/clients/" + clientId + "/jwks",
            Map.of("keys", List.of(StateCalls.json(key.toPublicJWK().toJSONString())))));
    String supplier =
        ok(calls.selfService(
                token,
                "POST",
                "/clients",
                Map.of(
                    "integration_type",
                    "maskinporten",
                    "client_name",
                    "api user",
                    "scopes",
                    List.of(API))))
            .json()
            .path("client_id")
            .asText();
    ok(
        calls.selfService(
            token,
            "POST",
            "/clients/" + supplier + "/onbehalfof",
            Map.of("onbehalfof", "kunde1", "orgno", CUSTOMER.value(), "name", "Kunde 1")));
    ok(
        calls.admin(
            "POST",
            "/admin/delegations",
            Map.of("consumer_orgno", CUSTOMER.value(), "supplier_orgno", own, "scope", API)));
    ok(
        calls.admin(
            "PUT",
            "/admin/persons/" + PERSON,
            Map.of(
                "reservasjon",
                "JA",
                "reservasjonstidspunkt",
                "2024-01-01T10:00:00+01",
                "spraak",
                "nn")));
    assertThat(calls.admin("DELETE", "/admin/persons/" + PURGED + "?purge=true", null).status())
        .isEqualTo(204);
    return clientId;
  }

  private static String createKrrClient(String token, String name) {
    return ok(calls.selfService(
            token, "POST", "/clients", Map.of("integration_type", "krr", "client_name", name)))
        .json()
        .path("client_id")
        .asText();
  }

  /** What the APIs show of the state. */
  private static Map<String, JsonNode> views(String clientId, String krrToken) {
    String token = bootstrapToken();
    return Map.of(
        "clients", ok(calls.selfService(token, "GET", "/clients", null)).json(),
        "jwks", ok(calls.selfService(token, "GET", "/clients/" + clientId + "/jwks", null)).json(),
        "scopes", ok(calls.admin("GET", "/admin/scopes", null)).json(),
        "access", ok(calls.admin("GET", "/admin/access", null)).json(),
        "delegations", ok(calls.admin("GET", "/admin/delegations", null)).json(),
        "person", ok(calls.admin("GET", "/admin/persons/" + PERSON, null)).json(),
        "lookup", lookup(krrToken));
  }

  private static JsonNode lookup(String token) {
    Answer answer =
        fx.postJson(
            fx.krrLocal().kontaktregisteretUrl() + "/rest/v2/personer",
            token,
            "{\"personidentifikatorer\":[\"" + PERSON + "\",\"20914695016\",\"" + PURGED + "\"]}");
    return ok(answer).json();
  }

  private static String bootstrapToken() {
    return fx.accessToken(calls.bootstrap());
  }

  private static Answer ok(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
    return answer;
  }

  /** The files without the persons' varslingsstatus, which the clock decides. */
  private static Map<String, String> withoutVarsling(Map<String, String> files) {
    Map<String, String> copy = new LinkedHashMap<>(files);
    copy.computeIfPresent(
        "persons.json", (name, text) -> text.replaceAll("\"varslingsstatus\" : \"[A-Z_]+\",?", ""));
    return copy;
  }
}
