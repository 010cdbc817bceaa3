package io.krrkit.local.internal.selfservice.http;

import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.jwks;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.krrClient;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.newKey;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.publicJwk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.Internals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: a Maskinporten token from the emulator with the scope Digdir's table names,
 * and every refusal in the self-service error envelope.
 */
class SelfServiceAccessTest {
  private static final OrgNumber ORG = OrgNumber.of("991825827");

  private static LocalFixture fx;
  private static SelfServiceApi admin;
  private static String clientId;

  @BeforeAll
  static void start() {
    fx =
        LocalFixture.start(
            KrrLocal.builder().port(0).ephemeral().seedPersons(0).maxRequestBytes(20_000));
    admin = SelfServiceApi.admin(fx, ORG);
    clientId = admin.create(krrClient());
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void answers401WithTheEnvelopeWithoutAToken() {
    Answer answer = SelfServiceApi.withToken(fx, null).get("/clients");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.response().headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"invalid_token\"");
    assertEnvelope(answer.json(), 401);
    assertThat(answer.json().get("errors").get(0).get("isFieldError").asBoolean()).isFalse();
  }

  @Test
  void answers401ForATokenNotFromTheEmulator() {
    Answer answer = SelfServiceApi.withToken(fx, "eyJhbGciOiJub25lIn0.e30.").get("/clients");

    assertThat(answer.status()).isEqualTo(401);
    assertEnvelope(answer.json(), 401);
  }

  @Test
  void answers403WhenTheTokenLacksTheScope() {
    SelfServiceApi reader = SelfServiceApi.as(fx, ORG, Scope.DCR_READ);
    SelfServiceApi writer = SelfServiceApi.as(fx, ORG, Scope.DCR_WRITE);

    Answer create = reader.post("/clients", krrClient());
    Answer update = writer.put("/clients/" + clientId, krrClient());
    Answer delete = writer.delete("/clients/" + clientId);
    Answer read = writer.get("/clients/" + clientId);
    Answer deleteKeys = writer.delete("/clients/" + clientId + "/jwks");

    for (Answer answer : new Answer[] {create, update, delete, read, deleteKeys}) {
      assertThat(answer.status()).isEqualTo(403);
      assertEnvelope(answer.json(), 403);
      assertThat(answer.response().headers().firstValue("WWW-Authenticate").orElseThrow())
          .contains("insufficient_scope");
    }
    assertThat(create.json().get("error_description").asText()).contains("idporten:dcr.write");
    assertThat(Internals.of(fx.krrLocal()).clients().findById(clientId)).isPresent();
  }

  @Test
  void letsACreatorUploadKeysButOnlyAModifierDeleteThem() {
    SelfServiceApi creator = SelfServiceApi.as(fx, ORG, Scope.DCR_WRITE, Scope.DCR_READ);
    String id = creator.create(krrClient());

    Answer upload = creator.post("/clients/" + id + "/jwks", jwks(publicJwk(newKey(2048))));
    Answer delete = creator.delete("/clients/" + id + "/jwks");

    assertThat(upload.status()).isEqualTo(200);
    assertThat(delete.status()).isEqualTo(403);
  }

  @Test
  void answers400WithTheEnvelopeForBrokenJson() {
    Answer answer = admin.post("/clients", "{\"integration_type\": \"krr\",");

    assertThat(answer.status()).isEqualTo(400);
    assertEnvelope(answer.json(), 400);
    assertThat(answer.json().get("error_description").asText()).contains("not valid JSON");
  }

  @Test
  void namesTheFieldOfAWrongJsonType() {
    Answer answer = admin.post("/clients", "{\"integration_type\": \"krr\", \"scopes\": \"a b\"}");

    assertThat(answer.status()).isEqualTo(400);
    JsonNode error = answer.json().get("errors").get(0);
    assertThat(error.get("fieldIdentifier").asText()).isEqualTo("scopes");
    assertThat(error.get("errorMessage").asText()).contains("array");
  }

  @Test
  void answers415ForANonJsonBody() {
    Answer answer = admin.post("/clients", "integration_type=krr", "text/plain");

    assertThat(answer.status()).isEqualTo(415);
    assertEnvelope(answer.json(), 415);
  }

  @Test
  void answers413ForATooLargeBody() {
    String huge = "{\"description\": \"" + "x".repeat(30_000) + "\"}";

    Answer answer = admin.post("/clients", huge);

    assertThat(answer.status()).isEqualTo(413);
    assertEnvelope(answer.json(), 413);
  }

  private static void assertEnvelope(JsonNode body, int status) {
    assertThat(body).as("error envelope").isNotNull();
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("timestamp").asText()).endsWith("Z");
    assertThat(body.get("correlation_id").asText()).matches("[0-9a-f]{32}");
    assertThat(body.get("errors")).isNotEmpty();
    assertThat(body.get("error").asText()).startsWith(", ");
    assertThat(body.get("error_description").asText()).isEqualTo(body.get("error").asText());
  }
}
