package io.krrkit.local.internal.selfservice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /scopes}, {@code /scopes/access} and {@code /delegationsources} over HTTP, as Digdir's
 * {@code oidc_api_admin_maskinporten.md} describes them, and their effect on tokens.
 */
class ScopesApiTest {
  private static final OrgNumber OWNER = OrgNumber.of("974760673");
  private static final OrgNumber CONSUMER = OrgNumber.of("889640782");
  private static final OrgNumber OTHER_OWNER = OrgNumber.of("910753614");
  private static final AtomicInteger PREFIXES = new AtomicInteger();

  private static LocalFixture fx;
  private static SelfServiceApi owner;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
    owner = SelfServiceApi.as(fx, OWNER, Scope.SCOPES_WRITE);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void registersDigdirsDocumentedExampleWithTheDefaults() {
    String prefix = newPrefix();
    Answer answer =
        owner.post(
            "/scopes",
            "{\"prefix\": \""
                + prefix
                + "\", \"subscope\": \"api3\", \"description\": \"Difi sitt API nummer 3\"}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode scope = answer.json();
    assertThat(scope.get("name").asText()).isEqualTo(prefix + ":api3");
    assertThat(scope.get("prefix").asText()).isEqualTo(prefix);
    assertThat(scope.get("subscope").asText()).isEqualTo("api3");
    assertThat(scope.get("owner_orgno").asText()).isEqualTo(OWNER.value());
    assertThat(scope.get("active").asBoolean()).isTrue();
    assertThat(scope.get("visibility").asText()).isEqualTo("PUBLIC");
    assertThat(scope.get("token_type").asText()).isEqualTo("SELF_CONTAINED");
    assertThat(scope.get("accessible_for_all").asBoolean()).isFalse();
    assertThat(scope.get("at_max_age").asInt()).isZero();
    assertThat(scope.get("allowed_integration_types")).isEmpty();
    assertThat(scope.get("created").asText()).matches("\\d{4}-.*\\.\\d{3}\\+0[12]:00");
    assertThat(owner.get("/scopes").json().findValuesAsText("name")).contains(prefix + ":api3");
    assertThat(owner.get("/scopes?scope=" + prefix + ":api3").json().get("description").asText())
        .isEqualTo("Difi sitt API nummer 3");
  }

  @Test
  void aPrefixBelongsToItsFirstOwnerAndKrrToDigdir() {
    String prefix = define(newPrefix() + ":first", owner).get("prefix").asText();
    SelfServiceApi other = SelfServiceApi.as(fx, OTHER_OWNER, Scope.SCOPES_WRITE);

    Answer taken = other.post("/scopes", draft(prefix, "second"));
    Answer digdirs = other.post("/scopes", draft("krr", "global/mine.read"));

    for (Answer answer : List.of(taken, digdirs)) {
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.json().get("errors").get(0).get("fieldIdentifier").asText())
          .isEqualTo("prefix");
      assertThat(answer.json().get("errors").get(0).get("objectName").asText()).isEqualTo("Scope");
    }
    assertThat(owner.post("/scopes", draft(prefix, "second")).status()).isEqualTo(200);
  }

  @Test
  void anExistingScopeIsAConflictEvenWhenDeactivated() {
    String name = define(newPrefix() + ":api", owner).get("name").asText();
    String[] parts = name.split(":");

    Answer active = owner.post("/scopes", draft(parts[0], parts[1]));
    owner.delete("/scopes?scope=" + name);
    Answer deactivated = owner.post("/scopes", draft(parts[0], parts[1]));

    assertThat(active.status()).isEqualTo(409);
    assertThat(deactivated.status()).isEqualTo(409);
    assertThat(deactivated.json().get("error_description").asText()).contains("\"active\":true");
  }

  @Test
  void refusesMissingAndMalformedFieldsNamingEach() {
    Answer names = owner.post("/scopes", "{\"prefix\": \"Bad Prefix\"}");
    Answer description =
        owner.post("/scopes", "{\"prefix\": \"" + newPrefix() + "\", \"subscope\": \"x\"}");
    ObjectNode enums = draft(newPrefix(), "x");
    enums.put("visibility", "SECRET").put("token_type", "JWT").put("at_max_age", -1);
    Answer values = owner.post("/scopes", enums);

    assertThat(names.status()).isEqualTo(400);
    assertThat(fields(names)).containsExactlyInAnyOrder("prefix", "subscope");
    assertThat(fields(description)).containsExactly("description");
    assertThat(fields(values)).containsExactlyInAnyOrder("visibility", "token_type", "at_max_age");
    assertThat(owner.get("/scopes").json().findValuesAsText("name"))
        .noneMatch(n -> n.endsWith(":x"));
  }

  @Test
  void updateChangesTheFieldsSentAndKeepsTheRest() {
    String name = define(newPrefix() + ":api", owner).get("name").asText();

    Answer answer =
        owner.put(
            "/scopes?scope=" + name,
            "{\"at_max_age\": 60, \"allowed_integration_types\": [\"maskinporten\"]}");
    Answer rename = owner.put("/scopes?scope=" + name, "{\"prefix\": \"x\", \"subscope\": \"y\"}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("at_max_age").asInt()).isEqualTo(60);
    assertThat(answer.json().get("allowed_integration_types").get(0).asText())
        .isEqualTo("maskinporten");
    assertThat(answer.json().get("description").asText()).isEqualTo("test API");
    assertThat(rename.status()).isEqualTo(400);
  }

  @Test
  void accessGrantsDecideTokensUntilRevoked() {
    String name = define(newPrefix() + ":restricted", owner).get("name").asText();
    TestClient client = fx.client().org(CONSUMER).scopes(Scope.of(name)).register();

    Answer before = fx.token(fx.grant(client));
    Answer grant = owner.put("/scopes/access/" + CONSUMER.value() + "?scope=" + name, "");
    Answer during = fx.token(fx.grant(client));
    Answer list = owner.get("/scopes/access?scope=" + name);
    Answer granted = SelfServiceApi.as(fx, CONSUMER, Scope.DCR_READ).get("/scopes/access/all");
    Answer revoke = owner.delete("/scopes/access/" + CONSUMER.value() + "?scope=" + name);
    Answer after = fx.token(fx.grant(client));

    assertThat(before.status()).isEqualTo(403);
    assertThat(before.json().get("error_uri").asText()).endsWith("MP-250");
    assertThat(grant.status()).as(grant.body()).isEqualTo(200);
    assertThat(grant.json().get("state").asText()).isEqualTo("APPROVED");
    assertThat(grant.json().get("consumer_orgno").asText()).isEqualTo(CONSUMER.value());
    assertThat(grant.json().get("owner_orgno").asText()).isEqualTo(OWNER.value());
    assertThat(during.status()).as(during.body()).isEqualTo(200);
    assertThat(list.json().findValuesAsText("consumer_orgno")).containsExactly(CONSUMER.value());
    assertThat(granted.json().findValuesAsText("scope")).contains(name);
    assertThat(revoke.status()).isEqualTo(200);
    assertThat(after.status()).isEqualTo(403);
  }

  @Test
  void aDeactivatedScopeIsInNoTokenAndKeepsItsAccesses() {
    String name = define(newPrefix() + ":api", owner).get("name").asText();
    owner.put("/scopes/access/" + CONSUMER.value() + "?scope=" + name, "");
    TestClient client = fx.client().org(CONSUMER).scopes(Scope.of(name)).register();

    Answer deactivate = owner.delete("/scopes?scope=" + name);
    Answer refused = fx.token(fx.grant(client));
    List<String> listed = owner.get("/scopes").json().findValuesAsText("name");
    List<String> withInactive = owner.get("/scopes?inactive=true").json().findValuesAsText("name");
    Answer accesses = owner.get("/scopes/access?scope=" + name);
    owner.put("/scopes?scope=" + name, "{\"active\": true}");
    Answer reactivated = fx.token(fx.grant(client));

    assertThat(deactivate.status()).isEqualTo(200);
    assertThat(deactivate.json().get("active").asBoolean()).isFalse();
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("error").asText()).isEqualTo("invalid_scope");
    assertThat(refused.json().get("error_uri").asText()).endsWith("MP-200");
    assertThat(listed).doesNotContain(name);
    assertThat(withInactive).contains(name);
    assertThat(accesses.json().findValuesAsText("consumer_orgno")).contains(CONSUMER.value());
    assertThat(reactivated.status()).as(reactivated.body()).isEqualTo(200);
  }

  @Test
  void aClientMayRegisterOnlyScopesItsOwnerMayUse() {
    String name = define(newPrefix() + ":api", owner).get("name").asText();
    SelfServiceApi consumer = SelfServiceApi.admin(fx, CONSUMER);
    ObjectNode client = SelfServiceApi.maskinportenClient();
    client.putArray("scopes").add(name);

    Answer withoutAccess = consumer.post("/clients", client);
    owner.put("/scopes/access/" + CONSUMER.value() + "?scope=" + name, "");
    Answer withAccess = consumer.post("/clients", client);
    owner.delete("/scopes?scope=" + name);
    Answer deactivated = consumer.post("/clients", client);
    String kept = withAccess.json().get("client_id").asText();
    Answer keptOnUpdate = consumer.put("/clients/" + kept, client.put("client_name", "endret"));

    assertThat(withoutAccess.status()).isEqualTo(400);
    assertThat(fields(withoutAccess)).containsExactly("scopes");
    assertThat(withoutAccess.json().get("error_description").asText()).contains("no access");
    assertThat(withAccess.status()).as(withAccess.body()).isEqualTo(200);
    assertThat(deactivated.status()).isEqualTo(400);
    assertThat(deactivated.json().get("error_description").asText()).contains("deactivated");
    assertThat(keptOnUpdate.status()).as(keptOnUpdate.body()).isEqualTo(200);
  }

  @Test
  void theOpenListingShowsActivePublicScopesWithoutAToken() {
    String open = define(newPrefix() + ":open", owner).get("name").asText();
    owner.put("/scopes?scope=" + open, "{\"accessible_for_all\": true}");
    String hidden = define(newPrefix() + ":hidden", owner).get("name").asText();
    owner.put("/scopes?scope=" + hidden, "{\"visibility\": \"PRIVATE\"}");
    SelfServiceApi anyone = SelfServiceApi.withToken(fx, null);

    Answer all = anyone.get("/scopes/all");
    Answer forAll = anyone.get("/scopes/all?accessible_for_all=true");
    Answer bad = anyone.get("/scopes/all?accessible_for_all=maybe");

    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().findValuesAsText("name"))
        .contains(open, "krr:global/kontaktinformasjon.read")
        .doesNotContain(hidden);
    assertThat(forAll.json().findValuesAsText("accessible_for_all")).containsOnly("true");
    assertThat(forAll.json().findValuesAsText("name")).contains(open);
    assertThat(bad.status()).isEqualTo(400);
  }

  @Test
  void listsTheDelegationSourcesWithoutAToken() {
    Answer answer = SelfServiceApi.withToken(fx, null).get("/delegationsources");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get(0).get("issuer").asText()).isEqualTo("https://tt02.altinn.no/");
    assertThat(answer.json().get(0).get("name").asText()).isNotBlank();
  }

  @Test
  void ownersNeedTheScopesWriteScope() {
    SelfServiceApi reader = SelfServiceApi.as(fx, OWNER, Scope.DCR_READ);

    for (Answer answer :
        List.of(reader.get("/scopes"), reader.post("/scopes", draft(newPrefix(), "x")))) {
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.json().get("error_description").asText()).contains("idporten:scopes.write");
    }
  }

  @Test
  void refusesAMissingScopeParameterOrAMalformedOrganisation() {
    String name = define(newPrefix() + ":api", owner).get("name").asText();

    Answer noScope = owner.put("/scopes", "{\"description\": \"x\"}");
    Answer badOrg = owner.put("/scopes/access/12345?scope=" + name, "");
    Answer badScope = owner.get("/scopes/access?scope=not%20a%20scope");

    assertThat(noScope.status()).isEqualTo(400);
    assertThat(fields(noScope)).containsExactly("scope");
    assertThat(badOrg.status()).isEqualTo(400);
    assertThat(fields(badOrg)).containsExactly("consumer_orgno");
    assertThat(badScope.status()).isEqualTo(400);
  }

  /** Registers {@code name} (prefix:subscope) with description "test API" and returns it. */
  static JsonNode define(String name, SelfServiceApi api) {
    String[] parts = name.split(":", 2);
    Answer answer = api.post("/scopes", draft(parts[0], parts[1]));
    if (answer.status() != 200) {
      throw new AssertionError("scope refused: " + answer.body());
    }
    return answer.json();
  }

  static ObjectNode draft(String prefix, String subscope) {
    ObjectNode draft = SelfServiceApi.JSON.createObjectNode();
    return draft.put("prefix", prefix).put("subscope", subscope).put("description", "test API");
  }

  /** A prefix no other test uses. */
  static String newPrefix() {
    return "scopetest" + PREFIXES.incrementAndGet();
  }

  private static List<String> fields(Answer answer) {
    List<String> fields = new ArrayList<>();
    answer.json().get("errors").forEach(e -> fields.add(e.path("fieldIdentifier").asText()));
    return fields;
  }
}
