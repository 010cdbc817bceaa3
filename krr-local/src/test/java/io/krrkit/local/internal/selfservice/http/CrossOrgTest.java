package io.krrkit.local.internal.selfservice.http;

import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.jwks;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.krrClient;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.newKey;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.publicJwk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guessing another organisation's client id or scope gets 404 with the envelope on every endpoint,
 * never its data, and changes nothing.
 */
class CrossOrgTest {
  private static final OrgNumber VICTIM = OrgNumber.of("889640782");
  private static final OrgNumber INTRUDER = OrgNumber.of("910753614");
  private static final String SECRET_NAME = "victims-own-client";

  private static LocalFixture fx;
  private static SelfServiceApi victim;
  private static SelfServiceApi intruder;
  private static String clientId;
  private static String scope;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
    victim = allScopes(VICTIM);
    intruder = allScopes(INTRUDER);
    ObjectNode client = krrClient().put("client_name", SECRET_NAME);
    clientId = victim.create(client);
    victim.post("/clients/" + clientId + "/jwks", jwks(publicJwk(newKey(2048))));
    victim.post(
        "/clients/" + clientId + "/onbehalfof",
        "{\"onbehalfof\": \"kunde1\", \"orgno\": \"" + VICTIM.value() + "\", \"name\": \"K\"}");
    scope = ScopesApiTest.define("crossorg:api", victim).get("name").asText();
    victim.put("/scopes/access/" + VICTIM.value() + "?scope=" + scope, "");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void everyEndpointAnswers404ForAnotherOrganisationsClientOrScope() {
    String c = "/clients/" + clientId;
    String s = "?scope=" + scope;
    Map<String, Supplier<Answer>> calls = new LinkedHashMap<>();
    calls.put("GET client", () -> intruder.get(c));
    calls.put("PUT client", () -> intruder.put(c, krrClient()));
    calls.put("DELETE client", () -> intruder.delete(c));
    calls.put("GET jwks", () -> intruder.get(c + "/jwks"));
    calls.put("POST jwks", () -> intruder.post(c + "/jwks", jwks(publicJwk(newKey(2048)))));
    calls.put("PUT jwks", () -> intruder.put(c + "/jwks", jwks(publicJwk(newKey(2048)))));
    calls.put("DELETE jwks", () -> intruder.delete(c + "/jwks"));
    calls.put("GET onbehalfof", () -> intruder.get(c + "/onbehalfof"));
    calls.put(
        "POST onbehalfof",
        () ->
            intruder.post(
                c + "/onbehalfof",
                "{\"onbehalfof\":\"x\",\"orgno\":\"" + INTRUDER.value() + "\",\"name\":\"x\"}"));
    calls.put("DELETE onbehalfof", () -> intruder.delete(c + "/onbehalfof/kunde1"));
    calls.put("GET scope", () -> intruder.get("/scopes" + s));
    calls.put("PUT scope", () -> intruder.put("/scopes" + s, "{\"description\": \"taken\"}"));
    calls.put("DELETE scope", () -> intruder.delete("/scopes" + s));
    calls.put("GET access", () -> intruder.get("/scopes/access" + s));
    calls.put("PUT access", () -> intruder.put("/scopes/access/" + INTRUDER.value() + s, ""));
    calls.put("DELETE access", () -> intruder.delete("/scopes/access/" + VICTIM.value() + s));

    SoftAssertions soft = new SoftAssertions();
    calls.forEach(
        (name, call) -> {
          Answer answer = call.get();
          soft.assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(404);
          soft.assertThat(answer.json().path("status").asInt()).as(name).isEqualTo(404);
          soft.assertThat(answer.body()).as(name).doesNotContain(SECRET_NAME, "test API", "kunde1");
        });
    soft.assertAll();
  }

  @Test
  void theVictimsDataIsUnchangedAfterwards() {
    everyEndpointAnswers404ForAnotherOrganisationsClientOrScope();

    assertThat(victim.get("/clients/" + clientId).json().get("client_name").asText())
        .isEqualTo(SECRET_NAME);
    assertThat(victim.get("/clients/" + clientId + "/jwks").json().get("keys")).hasSize(1);
    assertThat(victim.get("/clients/" + clientId + "/onbehalfof").json()).hasSize(1);
    assertThat(victim.get("/scopes?scope=" + scope).json().get("active").asBoolean()).isTrue();
    assertThat(
            victim.get("/scopes/access?scope=" + scope).json().findValuesAsText("consumer_orgno"))
        .containsExactly(VICTIM.value());
  }

  @Test
  void listingsShowOnlyTheCallersOwn() {
    assertThat(intruder.get("/clients").json().findValuesAsText("client_id"))
        .doesNotContain(clientId);
    assertThat(intruder.get("/scopes?inactive=true").json().findValuesAsText("name"))
        .doesNotContain(scope);
    assertThat(intruder.get("/scopes/access/all").json().findValuesAsText("scope"))
        .doesNotContain(scope);
  }

  private static SelfServiceApi allScopes(OrgNumber org) {
    return SelfServiceApi.as(
        fx,
        org,
        Scope.DCR_READ,
        Scope.DCR_WRITE,
        Scope.DCR_MODIFY,
        Scope.DCR_ONBEHALFOF_WRITE,
        Scope.DCR_SUPPLIER,
        Scope.SCOPES_WRITE);
  }
}
