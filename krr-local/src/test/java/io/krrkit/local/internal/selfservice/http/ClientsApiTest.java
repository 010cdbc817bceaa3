package io.krrkit.local.internal.selfservice.http;

import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.krrClient;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.maskinportenClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.krrkit.core.OrgNumber;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.Internals;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /clients} of the self-service API over HTTP, as spec.md#client-endpoints and Digdir's docs
 * describe.
 */
class ClientsApiTest {
  private static final OrgNumber ORG = OrgNumber.of("991825827");
  private static final OrgNumber OTHER_ORG = OrgNumber.of("889640782");

  private static LocalFixture fx;
  private static SelfServiceApi api;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
    api = SelfServiceApi.admin(fx, ORG);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void givesAKrrClientBothKrrScopesAndTheMachineSettings() {
    Answer answer = api.post("/clients", krrClient());

    assertThat(answer.status()).isEqualTo(200);
    JsonNode client = answer.json();
    assertThat(client.get("client_id").asText()).matches("[0-9a-f-]{36}");
    assertThat(texts(client.get("scopes")))
        .containsExactlyInAnyOrder(
            "krr:global/kontaktinformasjon.read", "krr:global/digitalpost.read");
    assertThat(texts(client.get("grant_types")))
        .containsExactly("urn:ietf:params:oauth:grant-type:jwt-bearer");
    assertThat(client.get("token_endpoint_auth_method").asText()).isEqualTo("private_key_jwt");
    assertThat(client.get("application_type").asText()).isEqualTo("web");
    assertThat(client.get("integration_type").asText()).isEqualTo("krr");
    assertThat(client.get("client_orgno").asText()).isEqualTo(ORG.value());
    assertThat(client.get("supplier_orgno").isNull()).isTrue();
    assertThat(client.get("active").asBoolean()).isTrue();
    assertThat(client.get("onbehalfof").isArray()).isTrue();
    assertThat(client.get("onbehalfof")).isEmpty();
    assertThat(client.has("client_secret")).isFalse();
  }

  @Test
  void writesTimestampsInNorwegianTimeWithMilliseconds() {
    Instant before = fx.krrLocal().clock().instant().truncatedTo(ChronoUnit.MILLIS);
    JsonNode client = api.post("/clients", krrClient()).json();
    Instant after = fx.krrLocal().clock().instant();

    String created = client.get("created").asText();
    assertThat(created).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0[12]:00");
    assertThat(OffsetDateTime.parse(created).toInstant()).isBetween(before, after);
    assertThat(client.get("last_updated").asText()).isEqualTo(created);
  }

  @Test
  void acceptsDigdirsMaskinportenExample() {
    String documented =
        """
        {
           "integration_type": "maskinporten",
            "client_name": "oidc_difi_jb_test",
            "description": "ny integrajson igjen.",
            "token_endpoint_auth_method": "private_key_jwt",
            "grant_types": [
                "urn:ietf:params:oauth:grant-type:jwt-bearer"
            ],
            "scopes": [  "difitest:api3", "difitest:api4"]
        }
        """;

    Answer answer = api.post("/clients", documented);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("client_name").asText()).isEqualTo("oidc_difi_jb_test");
    assertThat(texts(answer.json().get("scopes")))
        .containsExactly("difitest:api3", "difitest:api4");
  }

  @Test
  void listsAndGetsOnlyTheCallersOwnClients() {
    OrgNumber lister = OrgNumber.of("974760673");
    SelfServiceApi mine = SelfServiceApi.admin(fx, lister);
    String first = mine.create(krrClient());
    String second = mine.create(maskinportenClient());
    String theirs = api.create(krrClient());

    Answer list = mine.get("/clients");

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().findValuesAsText("client_id"))
        .containsSubsequence(first, second)
        .doesNotContain(theirs);
    assertThat(list.json().findValuesAsText("client_orgno")).containsOnly(lister.value());
    assertThat(mine.get("/clients/" + first).json().get("client_id").asText()).isEqualTo(first);
  }

  @Test
  void answersNotFoundForAnotherOrganisationsClient() {
    String theirs = SelfServiceApi.admin(fx, OTHER_ORG).create(krrClient());

    for (Answer answer :
        List.of(
            api.get("/clients/" + theirs),
            api.put("/clients/" + theirs, krrClient()),
            api.delete("/clients/" + theirs),
            api.get("/clients/" + theirs + "/jwks"))) {
      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.json().get("status").asInt()).isEqualTo(404);
      assertThat(answer.json().get("error_description").asText()).contains(theirs, "not found");
    }
    assertThat(Internals.of(fx.krrLocal()).clients().findById(theirs)).isPresent();
  }

  @Test
  void refusesToChangeTheIntegrationType() {
    String id = api.create(krrClient());
    ObjectNode change = krrClient().put("integration_type", "maskinporten");
    change.putArray("scopes").add("difitest:api3");

    Answer answer = api.put("/clients/" + id, change);

    assertThat(answer.status()).isEqualTo(400);
    JsonNode error = answer.json().get("errors").get(0);
    assertThat(error.get("fieldIdentifier").asText()).isEqualTo("integration_type");
    assertThat(error.get("isFieldError").asBoolean()).isTrue();
    assertThat(error.get("objectName").asText()).isEqualTo("Client");
    assertThat(error.get("errorMessage").asText()).contains("cannot change", "krr");
    assertThat(api.get("/clients/" + id).json().get("integration_type").asText()).isEqualTo("krr");
  }

  @Test
  void updatesAClientKeepingKrrScopesAndCreated() {
    JsonNode created = api.post("/clients", krrClient()).json();
    String id = created.get("client_id").asText();
    Duration offset = fx.krrLocal().clock().offset();
    fx.krrLocal().clock().advance(Duration.ofSeconds(30)); // the token lives 120 s
    try {
      ObjectNode sentBack = (ObjectNode) created.deepCopy();
      sentBack.put("client_name", "renamed").remove("scopes");

      Answer answer = api.put("/clients/" + id, sentBack);

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json().get("client_name").asText()).isEqualTo("renamed");
      assertThat(texts(answer.json().get("scopes"))).hasSize(2);
      assertThat(answer.json().get("created")).isEqualTo(created.get("created"));
      assertThat(answer.json().get("last_updated")).isNotEqualTo(created.get("last_updated"));
    } finally {
      fx.krrLocal().clock().setOffset(offset);
    }
  }

  @Test
  void refusesAMaskinportenClientWithoutScopes() {
    ObjectNode noScopes = maskinportenClient();
    noScopes.remove("scopes");

    Answer answer = api.post("/clients", noScopes);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("errors").findValuesAsText("fieldIdentifier"))
        .containsExactly("scopes");
  }

  @Test
  void reportsEveryProblemOfARequestInTheEnvelope() {
    ObjectNode bad = maskinportenClient().put("application_type", "native");
    bad.put("token_endpoint_auth_method", "client_secret_basic");
    bad.putArray("scopes").add("krr:global/kontaktinformasjon.read");

    Answer answer = api.post("/clients", bad);

    assertThat(answer.status()).isEqualTo(400);
    JsonNode body = answer.json();
    assertThat(body.get("errors").findValuesAsText("fieldIdentifier"))
        .containsExactlyInAnyOrder("scopes", "application_type", "token_endpoint_auth_method");
    assertThat(body.get("timestamp").asText()).matches(".*T.*\\.\\d{3}Z");
    assertThat(body.get("correlation_id").asText()).matches("[0-9a-f]{32}");
    String joined =
        body.get("errors").findValuesAsText("errorMessage").stream()
            .map(m -> ", " + m)
            .collect(Collectors.joining());
    assertThat(body.get("error").asText()).isEqualTo(joined);
    assertThat(body.get("error_description").asText()).isEqualTo(joined);
  }

  @Test
  void storesNothingWhenItRefuses() {
    List<String> before = idsOf(api.get("/clients"));

    api.post("/clients", maskinportenClient().put("integration_type", "eformidling"));
    api.post("/clients", "{\"integration_type\": \"krr\", ");

    assertThat(idsOf(api.get("/clients"))).isEqualTo(before);
  }

  @Test
  void deletesAClientWithItsKeys() {
    String id = api.create(krrClient());
    String kid = SelfServiceApi.newKey(2048).getKeyID();
    api.post(
        "/clients/" + id + "/jwks",
        SelfServiceApi.jwks(SelfServiceApi.publicJwk(SelfServiceApi.newKey(2048)).put("kid", kid)));

    Answer answer = api.delete("/clients/" + id);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
    assertThat(api.get("/clients/" + id).status()).isEqualTo(404);
    assertThat(Internals.of(fx.krrLocal()).clientKeys().findByKid(kid)).isEmpty();
  }

  private static List<String> idsOf(Answer list) {
    return list.json().findValuesAsText("client_id");
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
