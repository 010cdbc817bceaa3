package io.krrkit.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scope model against JSON shaped as spec.md#scopes-and-access and Digdir's examples show it.
 */
class ScopeJsonTest {
  private final ObjectMapper json = Json.newMapper();

  @Test
  void writesDigdirsCreateScopeExampleFieldForField() throws Exception {
    ScopeRequest request =
        ScopeRequest.builder("difitest", "test2")
            .description("scope som støtter ekstern delegeringskilde")
            .delegationSource("https://tt02.altinn.no/")
            .build();

    JsonNode written = json.valueToTree(request);

    // POST /scopes in maskinporten_func_delegering.md.
    assertThat(written)
        .isEqualTo(
            json.readTree(
                """
                {
                  "prefix": "difitest",
                  "subscope": "test2",
                  "description": "scope som støtter ekstern delegeringskilde",
                  "delegation_source": "https://tt02.altinn.no/"
                }
                """));
  }

  @Test
  void writesEveryWritableFieldWithItsWireName() {
    ScopeRequest request =
        ScopeRequest.builder(Scope.of("difi:api3"))
            .description("d")
            .longDescription("lang")
            .active(true)
            .visibility(Visibility.PRIVATE)
            .tokenType(TokenType.OPAQUE)
            .atMaxAge(120)
            .authorizationMaxLifetime(120)
            .allowedIntegrationTypes(List.of(IntegrationType.MASKINPORTEN))
            .accessibleForAll(false)
            .requiresUserConsent(false)
            .build();

    JsonNode written = json.valueToTree(request);

    assertThat(written.get("prefix").asText()).isEqualTo("difi");
    assertThat(written.get("subscope").asText()).isEqualTo("api3");
    assertThat(written.get("long_description").asText()).isEqualTo("lang");
    assertThat(written.get("visibility").asText()).isEqualTo("PRIVATE");
    assertThat(written.get("token_type").asText()).isEqualTo("OPAQUE");
    assertThat(written.get("at_max_age").asInt()).isEqualTo(120);
    assertThat(written.get("authorization_max_lifetime").asInt()).isEqualTo(120);
    assertThat(written.get("allowed_integration_types").get(0).asText()).isEqualTo("maskinporten");
    assertThat(written.get("accessible_for_all").asBoolean()).isFalse();
    assertThat(written.get("requires_user_consent").asBoolean()).isFalse();
    assertThat(written.get("active").asBoolean()).isTrue();
    assertThat(written.has("name")).isFalse();
  }

  @Test
  void readsDigdirsScopeExampleAndIgnoresFieldsItDoesNotKnow() throws Exception {
    // oidc_protocol_scope.md's example (made valid JSON), with fields this model leaves out.
    ApiScope scope =
        json.readValue(
            """
            {
                "name": "altinn:serviceowner",
                "prefix": "altinn",
                "subscope": "serviceowner",
                "description": "Full access scope for the Altinn Service Owner API.",
                "long_description": "Lang *beskrivelse*",
                "visibility": "PUBLIC",
                "token_type": "SELF_CONTAINED",
                "at_max_age": 1000,
                "authorization_max_lifetime": 1000,
                "requires_user_consent": false,
                "requires_user_authentication": false,
                "requires_pseudonymous_tokens": false,
                "accessible_for_all": false,
                "delegation_source": "https://tt02.altinn.no/",
                "allowed_integration_types": ["maskinporten"],
                "last_updated": "2020-11-03T11:28:13.826+01:00",
                "created": "2020-11-03T11:28:13.826+01:00",
                "owner_orgno": "991825827",
                "active": true
            }
            """,
            ApiScope.class);

    assertThat(scope.name()).isEqualTo(Scope.of("altinn:serviceowner"));
    assertThat(scope.prefix()).isEqualTo("altinn");
    assertThat(scope.subscope()).isEqualTo("serviceowner");
    assertThat(scope.longDescription()).isEqualTo("Lang *beskrivelse*");
    assertThat(scope.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(scope.tokenType()).isEqualTo(TokenType.SELF_CONTAINED);
    assertThat(scope.atMaxAge()).isEqualTo(1000);
    assertThat(scope.authorizationMaxLifetime()).isEqualTo(1000);
    assertThat(scope.requiresUserConsent()).isFalse();
    assertThat(scope.accessibleForAll()).isFalse();
    assertThat(scope.delegationSource()).isEqualTo("https://tt02.altinn.no/");
    assertThat(scope.allowedIntegrationTypes()).containsExactly(IntegrationType.MASKINPORTEN);
    assertThat(scope.ownerOrgno()).isEqualTo(OrgNumber.of("991825827"));
    assertThat(scope.created()).isEqualTo(OffsetDateTime.parse("2020-11-03T11:28:13.826+01:00"));
    assertThat(scope.isActive()).isTrue();
  }

  @Test
  void readsValuesItDoesNotKnowAsAbsentAndTakesTheNameFromItsParts() throws Exception {
    ApiScope scope =
        json.readValue(
            """
            {"prefix": "difi", "subscope": "api3", "visibility": "SECRET",
             "token_type": "MACAROON", "allowed_integration_types": ["eformidling", "idporten"]}
            """,
            ApiScope.class);

    assertThat(scope.name()).isEqualTo(Scope.of("difi:api3"));
    assertThat(scope.visibility()).isNull();
    assertThat(scope.tokenType()).isNull();
    assertThat(scope.allowedIntegrationTypes()).containsExactly(IntegrationType.IDPORTEN);
  }

  @Test
  void startsAnUpdateFromEveryWritableFieldOfAScope() throws Exception {
    ApiScope scope =
        json.readValue(
            """
            {"name": "difi:api3", "description": "d", "visibility": "PRIVATE", "at_max_age": 60,
             "owner_orgno": "991825827", "created": "2020-11-03T11:28:13.826+01:00"}
            """,
            ApiScope.class);

    JsonNode request = json.valueToTree(scope.toRequest().description("ny").build());

    assertThat(request.get("prefix").asText()).isEqualTo("difi");
    assertThat(request.get("subscope").asText()).isEqualTo("api3");
    assertThat(request.get("description").asText()).isEqualTo("ny");
    assertThat(request.get("visibility").asText()).isEqualTo("PRIVATE");
    assertThat(request.get("at_max_age").asInt()).isEqualTo(60);
    assertThat(request.has("owner_orgno")).isFalse();
    assertThat(request.has("created")).isFalse();
  }

  @Test
  void readsDigdirsAccessListExample() throws Exception {
    // GET /scopes/access?scope=difi:api3 in maskinporten_sjolvbetjening_api.md.
    List<ScopeAccess> access =
        List.of(
            json.readValue(
                """
                [
                    {
                        "scope": "difi:api3",
                        "state": "APPROVED",
                        "prefix": null,
                        "created": "2018-11-28T14:11:35+01:00",
                        "consumer_orgno": "889640782",
                        "last_updated": "2018-11-28T14:11:35+01:00",
                        "owner_orgno": "991825827"
                    }
                ]
                """,
                ScopeAccess[].class));

    assertThat(access).hasSize(1);
    ScopeAccess entry = access.get(0);
    assertThat(entry.scope()).isEqualTo(Scope.of("difi:api3"));
    assertThat(entry.state()).isEqualTo(AccessState.APPROVED);
    assertThat(entry.isApproved()).isTrue();
    assertThat(entry.consumerOrgno()).isEqualTo(OrgNumber.of("889640782"));
    assertThat(entry.ownerOrgno()).isEqualTo(OrgNumber.of("991825827"));
    assertThat(entry.lastUpdated()).isEqualTo(OffsetDateTime.parse("2018-11-28T14:11:35+01:00"));
  }

  @Test
  void readsADelegationSource() throws Exception {
    DelegationSource source =
        json.readValue(
            """
            {"name": "altinn", "description": "Altinn TT02", "issuer": "https://tt02.altinn.no/",
             "something_new": true}
            """,
            DelegationSource.class);

    assertThat(source.issuer()).isEqualTo("https://tt02.altinn.no/");
    assertThat(source.name()).isEqualTo("altinn");
  }

  @Test
  void refusesAScopeRequestWithoutDescriptionOrWithABadName() {
    assertThatThrownBy(() -> ScopeRequest.builder("difi", "api3").build())
        .isInstanceOf(SelfServiceConfigException.class)
        .hasMessageContaining("description is required");
    assertThatThrownBy(() -> ScopeRequest.builder("Difi", "api 3").description("d").build())
        .isInstanceOf(SelfServiceConfigException.class)
        .hasMessageContaining("not a valid scope");
    assertThatThrownBy(() -> ScopeRequest.builder(Scope.of("openid")))
        .isInstanceOf(SelfServiceConfigException.class)
        .hasMessageContaining("prefix:subscope");
    assertThatThrownBy(
            () -> ScopeRequest.builder("difi", "api3").description("d").atMaxAge(-1).build())
        .isInstanceOf(SelfServiceConfigException.class)
        .hasMessageContaining("atMaxAge");
  }
}
