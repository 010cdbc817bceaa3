package io.krrkit.local.internal.selfservice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /clients/{id}/onbehalfof} over HTTP, and {@code iss_onbehalfof} grants using what was
 * registered there.
 */
class OnBehalfOfApiTest {
  private static final OrgNumber SUPPLIER = OrgNumber.of("991825827");
  private static final OrgNumber OTHER_ORG = OrgNumber.of("889640782");
  private static final String CUSTOMER = "910753614";
  private static final Scope SCOPE = Scope.of("difitest:api3");

  private static LocalFixture fx;
  private static SelfServiceApi writer;
  private static SelfServiceApi reader;
  private static SelfServiceApi other;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
    writer = SelfServiceApi.as(fx, SUPPLIER, Scope.DCR_ONBEHALFOF_WRITE);
    reader = SelfServiceApi.as(fx, SUPPLIER, Scope.DCR_READ);
    other = SelfServiceApi.as(fx, OTHER_ORG, Scope.DCR_ONBEHALFOF_WRITE, Scope.DCR_READ);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void addsListsShowsOnTheClientAndDeletes() {
    TestClient client = supplierClient();
    String path = "/clients/" + client.clientId() + "/onbehalfof";

    Answer added = writer.post(path, registration("kunde1"));
    Answer listed = reader.get(path);
    Answer onClient = reader.get("/clients/" + client.clientId());
    Answer deleted = writer.delete(path + "/kunde1");
    Answer afterDelete = reader.get(path);

    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(added.json().get("onbehalfof").asText()).isEqualTo("kunde1");
    assertThat(added.json().get("orgno").asText()).isEqualTo(CUSTOMER);
    assertThat(added.json().get("name").asText()).isEqualTo("Kunde kunde1");
    assertThat(added.json().get("client_uri").asText()).isEqualTo("https://kunde.example.no");
    assertThat(added.json().get("created").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d\\d:\\d\\d");
    assertThat(fields(listed.json())).containsExactly("kunde1");
    assertThat(fields(onClient.json().get("onbehalfof"))).containsExactly("kunde1");
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(afterDelete.json()).isEmpty();
  }

  @Test
  void rejectsADuplicateIdWithAFieldError() {
    String path = "/clients/" + supplierClient().clientId() + "/onbehalfof";
    writer.post(path, registration("dup"));

    Answer again = writer.post(path, registration("dup"));

    assertThat(again.status()).isEqualTo(400);
    JsonNode error = again.json().get("errors").get(0);
    assertThat(error.get("fieldIdentifier").asText()).isEqualTo("onbehalfof");
    assertThat(error.get("isFieldError").asBoolean()).isTrue();
    assertThat(error.get("errorMessage").asText()).contains("registered on this client already");
  }

  @Test
  void rejectsMissingAndMalformedFieldsAllAtOnce() {
    ObjectNode bad = SelfServiceApi.JSON.createObjectNode();
    bad.put("onbehalfof", "has space").put("orgno", "123").put("client_uri", "not a uri");
    String path = "/clients/" + supplierClient().clientId() + "/onbehalfof";

    Answer answer = writer.post(path, bad);

    assertThat(answer.status()).isEqualTo(400);
    List<String> fieldIds = new ArrayList<>();
    answer.json().get("errors").forEach(e -> fieldIds.add(e.get("fieldIdentifier").asText()));
    assertThat(fieldIds).containsExactlyInAnyOrder("onbehalfof", "orgno", "name", "client_uri");
  }

  @Test
  void writingTakesTheOnBehalfOfScope() {
    String path = "/clients/" + supplierClient().clientId() + "/onbehalfof";

    Answer answer = reader.post(path, registration("kunde2"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.response().headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("idporten:dcr/onbehalfof:write");
  }

  @Test
  void anotherOrganisationsClientIsNotFound() {
    TestClient client = supplierClient();
    String path = "/clients/" + client.clientId() + "/onbehalfof";
    writer.post(path, registration("mine"));

    assertThat(other.get(path).status()).isEqualTo(404);
    assertThat(other.post(path, registration("theirs")).status()).isEqualTo(404);
    assertThat(other.delete(path + "/mine").status()).isEqualTo(404);
    assertThat(fields(reader.get(path).json())).containsExactly("mine");
  }

  @Test
  void deletingAnUnknownRegistrationIsNotFound() {
    Answer answer = writer.delete("/clients/" + supplierClient().clientId() + "/onbehalfof/nope");

    assertThat(answer.status()).isEqualTo(404);
  }

  @Test
  void grantWithARegisteredOnBehalfOfNamesItInTheToken() throws Exception {
    TestClient client = supplierClient();
    writer.post("/clients/" + client.clientId() + "/onbehalfof", registration("kunde3"));

    Answer answer = fx.token(onBehalfOfGrant(client, "kunde3"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JWTClaimsSet claims =
        SignedJWT.parse(answer.json().get("access_token").asText()).getJWTClaimsSet();
    assertThat(claims.getStringClaim("client_onbehalfof")).isEqualTo("kunde3");
    assertThat(claims.getStringClaim("client_onbehalfof_orgno")).isEqualTo(CUSTOMER);
    assertThat(claims.getJSONObjectClaim("consumer")).containsEntry("ID", SUPPLIER.iso6523());
    assertThat(claims.getClaims()).doesNotContainKeys("supplier", "delegation_source");
  }

  @Test
  void grantWithAnUnknownOrDeletedOnBehalfOfAnswersMp011() {
    TestClient client = supplierClient();
    String path = "/clients/" + client.clientId() + "/onbehalfof";
    writer.post(path, registration("gone"));
    writer.delete(path + "/gone");
    // Registered on another client of the same organisation: not this client's.
    writer.post(
        "/clients/" + supplierClient().clientId() + "/onbehalfof", registration("elsewhere"));

    for (String onBehalfOf : List.of("unknown", "gone", "elsewhere")) {
      Answer answer = fx.token(onBehalfOfGrant(client, onBehalfOf));

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.json().get("error_uri").asText()).endsWith("/MP-011");
      assertThat(answer.json().get("error_description").asText())
          .startsWith("Invalid assertion. Invalid parameter value, iss_onbehalfof");
    }
  }

  private static TestClient supplierClient() {
    return fx.client().org(SUPPLIER).scopes(SCOPE).register();
  }

  private static String onBehalfOfGrant(TestClient client, String onBehalfOf) {
    return fx.sign(
        fx.header(client),
        fx.claims(client).claim("iss_onbehalfof", onBehalfOf),
        client.privateKey());
  }

  private static ObjectNode registration(String id) {
    ObjectNode node = SelfServiceApi.JSON.createObjectNode();
    node.put("onbehalfof", id)
        .put("orgno", CUSTOMER)
        .put("name", "Kunde " + id)
        .put("description", "test")
        .put("client_uri", "https://kunde.example.no");
    return node;
  }

  private static List<String> fields(JsonNode registrations) {
    List<String> ids = new ArrayList<>();
    registrations.forEach(r -> ids.add(r.get("onbehalfof").asText()));
    return ids;
  }
}
