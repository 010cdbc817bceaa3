package io.krrkit.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client model against JSON shaped as spec.md#client-model and Digdir's examples show it. */
class SelfServiceJsonTest {
  private final ObjectMapper json = Json.newMapper();

  @Test
  void writesARequestWithSnakeCaseNamesAndWithoutUnsetFields() throws Exception {
    ClientRequest request =
        ClientRequest.builder(IntegrationType.API_KLIENT)
            .applicationType(ApplicationType.NATIVE)
            .clientName("Turboskatt")
            .description("Versjon 3.1 av app'en Turboskatt")
            .clientUri("https://www.turboskatt.no")
            .scopes(List.of(Scope.of("skatteetaten:skattemelding")))
            .redirectUris(List.of("https://127.0.0.1:*/callback"))
            .grantTypes(List.of("refresh_token", "authorization_code"))
            .tokenEndpointAuthMethod("none")
            .build();

    JsonNode written = json.valueToTree(request);

    // Digdir's minimal example of POST /clients (oidc_api_admin.md), field for field.
    assertThat(written)
        .isEqualTo(
            json.readTree(
                """
                {
                   "integration_type": "api_klient",
                   "application_type": "native",
                   "client_name": "Turboskatt",
                   "description": "Versjon 3.1 av app'en Turboskatt",
                   "client_uri": "https://www.turboskatt.no",
                   "scopes": ["skatteetaten:skattemelding"],
                   "redirect_uris": ["https://127.0.0.1:*/callback"],
                   "grant_types": ["refresh_token", "authorization_code"],
                   "token_endpoint_auth_method": "none"
                }
                """));
  }

  @Test
  void readsAClientWithEveryFieldOfTheModel() throws Exception {
    RegisteredClient client =
        json.readValue(
            """
            {
              "client_id": "0b7f8e3c-5a4e-4c1e-9f7e-3f1c2b0a9d8e",
              "client_name": "Varsling",
              "description": "Oppslag i KRR",
              "client_uri": "https://example.no",
              "integration_type": "krr",
              "application_type": "web",
              "token_endpoint_auth_method": "private_key_jwt",
              "grant_types": ["urn:ietf:params:oauth:grant-type:jwt-bearer"],
              "scopes": ["krr:global/kontaktinformasjon.read", "krr:global/digitalpost.read"],
              "redirect_uris": [],
              "post_logout_redirect_uris": [],
              "access_token_lifetime": 0,
              "authorization_lifetime": 0,
              "refresh_token_lifetime": 0,
              "refresh_token_usage": "ONETIME",
              "sso_disabled": false,
              "client_orgno": "991825827",
              "supplier_orgno": "974760673",
              "active": true,
              "created": "2021-09-15T10:20:43.354+02:00",
              "last_updated": "2021-09-15T10:20:43.354+02:00",
              "onbehalfof": [{"onbehalfof": "oslo", "orgno": "991825828", "name": "Oslo"}],
              "a_field_digdir_adds_later": {"x": 1}
            }
            """,
            RegisteredClient.class);

    assertThat(client.integrationType()).isEqualTo(IntegrationType.KRR);
    assertThat(client.applicationType()).isEqualTo(ApplicationType.WEB);
    assertThat(client.clientOrgno()).isEqualTo(OrgNumber.of("991825827"));
    assertThat(client.supplierOrgno()).isEqualTo(OrgNumber.of("974760673"));
    assertThat(client.scopes())
        .containsExactly(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ);
    assertThat(client.created()).isEqualTo(OffsetDateTime.parse("2021-09-15T10:20:43.354+02:00"));
    assertThat(client.active()).isTrue();
    assertThat(client.onbehalfof()).extracting(OnBehalfOf::orgno).containsExactly("991825828");
  }

  @Test
  void readsAnIntegrationTypeItDoesNotKnowAsAbsent() throws Exception {
    RegisteredClient client =
        json.readValue(
            "{\"client_id\":\"x\",\"integration_type\":\"eformidling\"}", RegisteredClient.class);

    assertThat(client.integrationType()).isNull();
    assertThat(client.scopes()).isEmpty();
  }

  @Test
  void masksTheClientSecretInToString() throws Exception {
    RegisteredClient client =
        json.readValue(
            "{\"client_id\":\"x\",\"client_secret\":\"s3cr3t-value-from-digdir-0123456789\"}",
            RegisteredClient.class);

    assertThat(client.clientSecret()).isEqualTo("s3cr3t-value-from-digdir-0123456789");
    assertThat(client.toString()).doesNotContain("s3cr3t-value-from-digdir-0123456789");
  }

  @Test
  void startsAnUpdateFromEveryWritableFieldOfAClient() throws Exception {
    RegisteredClient client =
        json.readValue(
            """
            {"client_id": "x", "integration_type": "maskinporten", "client_name": "Eksport",
             "description": "d", "scopes": ["nav:trygdeopplysninger"], "client_orgno": "991825827",
             "access_token_lifetime": 60, "created": "2021-09-15T10:20:43.354+02:00"}
            """,
            RegisteredClient.class);

    JsonNode request = json.valueToTree(client.toRequest().description("ny").build());

    assertThat(request.get("integration_type").asText()).isEqualTo("maskinporten");
    assertThat(request.get("client_name").asText()).isEqualTo("Eksport");
    assertThat(request.get("description").asText()).isEqualTo("ny");
    assertThat(request.get("scopes").get(0).asText()).isEqualTo("nav:trygdeopplysninger");
    assertThat(request.get("client_orgno").asText()).isEqualTo("991825827");
    assertThat(request.get("access_token_lifetime").asInt()).isEqualTo(60);
    assertThat(request.has("client_id")).isFalse();
    assertThat(request.has("created")).isFalse();
  }

  @Test
  void readsTheKeySetAnswer() throws Exception {
    ClientKeySet set =
        json.readValue(
            """
            {"keys": [{"kid": "minorganisasjon_sakarkivsystemet_2021_Q1", "alg": "RS256",
                       "kty": "RSA", "use": "sig", "e": "AQAB", "n": "lGc-dGnl9l9p",
                       "exp": 1735689600}],
             "created": "2021-09-15T10:20:43.354+02:00",
             "last_updated": "2021-09-15T10:20:43.354+02:00"}
            """,
            ClientKeySet.class);

    assertThat(set.kids()).containsExactly("minorganisasjon_sakarkivsystemet_2021_Q1");
    assertThat(set.keys().get(0).expiresAt())
        .hasValueSatisfying(t -> assertThat(t.getEpochSecond()).isEqualTo(1735689600L));
    assertThat(set.created()).isNotNull();
  }
}
