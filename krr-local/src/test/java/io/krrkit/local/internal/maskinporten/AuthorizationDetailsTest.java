package io.krrkit.local.internal.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.maskinporten.validation.MaskinportenClaims;
import io.krrkit.maskinporten.validation.MaskinportenTokenValidator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Maskinporten's {@code authorization_details} (RAR) over HTTP: system user tokens ({@code
 * urn:altinn:systemuser}) and consent tokens ({@code urn:altinn:consent}) against what the operator
 * API recorded in place of Altinn, and MP-301 / MP-302 / MP-303 for every bad shape.
 */
class AuthorizationDetailsTest {
  private static final OrgNumber SUPPLIER = KrrLocal.DEFAULT_ORG;
  private static final OrgNumber CUSTOMER = OrgNumber.of("910753614");
  private static final String PID = "20914695016";
  private static final String PERSON = "urn:altinn:person:identifier-no:" + PID;
  private static final String SYSTEM_ID = SUPPLIER + "_fagsystem";
  private static final Scope SCOPE = Scope.of("difitest:rar");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalFixture fx;
  private TestClient client;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(0).adminApi(true));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void freshClient() {
    fx.krrLocal().controls().reset();
    client = fx.registerClient(SCOPE);
  }

  @AfterEach
  void clockBack() {
    fx.krrLocal().clock().setOffset(Duration.ZERO);
  }

  @Test
  void metadataListsBothTypes() {
    JsonNode doc = fx.get(fx.issuer() + ".well-known/oauth-authorization-server").json();

    assertThat(doc.get("authorization_details_types_supported"))
        .extracting(JsonNode::asText)
        .containsExactly("urn:altinn:systemuser", "urn:altinn:consent");
  }

  @ParameterizedTest
  @ValueSource(strings = {"MP-301", "MP-302", "MP-303"})
  void eachCodeHasAHelpPage(String code) {
    Answer page = fx.get(fx.issuer() + "errors/" + code);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(code, "authorization", "Cause", "Fix");
  }

  // --- urn:altinn:systemuser ---

  @Test
  void systemUserTokenNamesTheSystemUserOfTheCustomer() throws Exception {
    String id = systemUser(client, CUSTOMER, null);

    Answer answer = fx.token(grant(systemUserRequest(CUSTOMER, null)));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JWTClaimsSet claims = claims(answer);
    assertThat(claims.getJSONObjectClaim("consumer")).containsEntry("ID", SUPPLIER.iso6523());
    assertThat(claims.getStringClaim("client_id")).isEqualTo(client.clientId());
    List<Object> details = claims.getListClaim("authorization_details");
    assertThat(details).hasSize(1);
    assertThat(tree(details.get(0)))
        .isEqualTo(
            JSON.readTree(
                """
                {"type":"urn:altinn:systemuser","systemuser_id":["%s"],
                 "systemuser_org":{"authority":"iso6523-actorid-upis","ID":"0192:%s"},
                 "system_id":"%s"}"""
                    .formatted(id, CUSTOMER, SYSTEM_ID)));
  }

  @Test
  void theValidatorHandsTheDetailsToTheApiOwner() throws Exception {
    String id = systemUser(client, CUSTOMER, null);
    Answer answer = fx.token(grant(systemUserRequest(CUSTOMER, null)));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);

    MaskinportenClaims claims =
        MaskinportenTokenValidator.builder()
            .issuer(fx.issuer())
            .clock(fx.krrLocal().clock())
            .requiredScope(SCOPE)
            .build()
            .validate(answer.json().get("access_token").asText());

    assertThat(claims.authorizationDetails()).hasSize(1);
    assertThat(claims.authorizationDetails("urn:altinn:systemuser"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d).containsEntry("systemuser_id", List.of(id));
              assertThat(d).containsEntry("system_id", SYSTEM_ID);
            });
    assertThat(claims.authorizationDetails("urn:altinn:consent")).isEmpty();
  }

  @Test
  void systemUserWithAnExternalRefIsFoundOnlyWithIt() throws Exception {
    systemUser(client, CUSTOMER, "kunde-7");

    Answer without = fx.token(grant(systemUserRequest(CUSTOMER, null)));
    Answer with = fx.token(grant(systemUserRequest(CUSTOMER, "kunde-7")));

    assertRefused(without, "MP-303", "Invalid authorization details values, organisation");
    assertThat(without.json().get("error_description").asText())
        .contains("with externalRef = the organisation number");
    assertThat(with.status()).as(with.body()).isEqualTo(200);
  }

  @Test
  void systemUserOfAnotherClientsSystemIsNotThisClients() {
    TestClient other = fx.registerClient(SCOPE);
    systemUser(other, CUSTOMER, null);

    Answer answer = fx.token(grant(systemUserRequest(CUSTOMER, null)));

    assertRefused(
        answer, "MP-303", "Invalid authorization details values, organisation " + CUSTOMER);
    assertThat(answer.json().get("error_description").asText())
        .contains("has no system user for the system of this client");
  }

  @Test
  void aRefusedSystemUserGrantIsNotSpentAndWorksOnceAltinnKnowsTheSystemUser() {
    String grant = grant(systemUserRequest(CUSTOMER, null));

    Answer before = fx.token(grant);
    fx.krrLocal().controls().addSystemUser(SYSTEM_ID, CUSTOMER, client.clientId());
    Answer after = fx.token(grant);

    assertRefused(before, "MP-303", "Invalid authorization details values");
    assertThat(after.status()).as(after.body()).isEqualTo(200);
  }

  @Test
  void systemUserWithConsumerOrgIsMp011() {
    systemUser(client, CUSTOMER, null);

    Answer answer =
        fx.token(
            fx.sign(
                fx.header(client),
                fx.claims(client)
                    .claim("consumer_org", CUSTOMER.value())
                    .claim("authorization_details", List.of(systemUserRequest(CUSTOMER, null))),
                client.privateKey()));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(answer.json().get("error_uri").asText()).endsWith("/MP-011");
    assertThat(answer.json().get("error_description").asText())
        .contains("leave consumer_org and iss_onbehalfof out");
  }

  @Test
  void removedSystemUserAnswersMp303Again() {
    String id = systemUser(client, CUSTOMER, null);

    Answer removed = admin("DELETE", "/admin/altinn/system-users/" + id, null);
    Answer answer = fx.token(grant(systemUserRequest(CUSTOMER, null)));

    assertThat(removed.status()).isEqualTo(204);
    assertRefused(answer, "MP-303", "Invalid authorization details values");
    assertThat(admin("GET", "/admin/altinn/system-users", null).json()).isEmpty();
  }

  // --- urn:altinn:consent ---

  @Test
  void consentTokenCarriesTheConsentAsDigdirShowsIt() throws Exception {
    Map<String, Object> rights =
        Map.of(
            "action",
            List.of("consent"),
            "resource",
            List.of(Map.of("type", "urn:altinn:resource", "value", "enkelt-samtykke")),
            "metadata",
            Map.of("simpletag", "test samtykke"));
    Answer recorded =
        admin(
            "POST",
            "/admin/altinn/consents",
            Map.of(
                "from",
                PERSON,
                "to_orgno",
                SUPPLIER.value(),
                "consented",
                "2025-11-14T10:48:55.759Z",
                "valid_to",
                "2999-01-01T14:30:00+01:00",
                "consent_rights",
                List.of(rights)));
    String id = recorded.json().get("id").asText();

    Answer answer = fx.token(grant(consentRequest(id, PERSON)));

    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode detail = tree(claims(answer).getListClaim("authorization_details").get(0));
    assertThat(detail)
        .isEqualTo(
            JSON.readTree(
                """
                {"type":"urn:altinn:consent","id":"%s","from":"%s",
                 "to":{"authority":"iso6523-actorid-upis","ID":"0192:%s"},
                 "consented":"2025-11-14T10:48:55.759+00:00","validTo":"2999-01-01T13:30:00+00:00",
                 "consentRights":[{"action":["consent"],
                   "resource":[{"type":"urn:altinn:resource","value":"enkelt-samtykke"}],
                   "metadata":{"simpletag":"test samtykke"}}]}"""
                    .formatted(id, PERSON, SUPPLIER)));
    assertThat(claims(answer).getJSONObjectClaim("consumer"))
        .containsEntry("ID", SUPPLIER.iso6523());
  }

  @Test
  void consentFromAnOrganisationWithTheDefaultRights() throws Exception {
    String from = "urn:altinn:organization:identifier-no:" + CUSTOMER;
    String id = consent(from, SUPPLIER, Duration.ofDays(1));

    Answer answer = fx.token(grant(consentRequest(id, from)));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode detail = tree(claims(answer).getListClaim("authorization_details").get(0));
    assertThat(detail.get("from").asText()).isEqualTo(from);
    assertThat(detail.at("/consentRights/0/action/0").asText()).isEqualTo("consent");
    assertThat(detail.at("/consentRights/0/resource/0/value").asText())
        .isEqualTo("krr-local-samtykke");
  }

  @Test
  void expiredConsentIsMp303OnTheEmulatorsClock() {
    String id = consent(PERSON, SUPPLIER, Duration.ofDays(1));

    Answer during = fx.token(grant(consentRequest(id, PERSON)));
    fx.krrLocal().clock().setOffset(Duration.ofDays(2));
    Answer after = fx.token(grant(consentRequest(id, PERSON)));

    assertThat(during.status()).as(during.body()).isEqualTo(200);
    assertRefused(after, "MP-303", "Invalid authorization details values, the consent expired at");
  }

  @Test
  void consentFromAnotherPartyIsMp303WithoutNamingEitherPerson() {
    String id = consent(PERSON, SUPPLIER, Duration.ofDays(1));
    String other = "urn:altinn:person:identifier-no:01817090148";

    Answer answer = fx.token(grant(consentRequest(id, other)));

    assertRefused(answer, "MP-303", "Invalid authorization details values, the consent with");
    assertThat(answer.body()).doesNotContain(PID).doesNotContain("01817090148");
  }

  @Test
  void unknownConsentIsMp303() {
    Answer answer = fx.token(grant(consentRequest(UUID.randomUUID().toString(), PERSON)));

    assertRefused(answer, "MP-303", "Invalid authorization details values, no consent has this id");
    assertThat(answer.body()).doesNotContain(PID);
  }

  @Test
  void consentToAnotherOrganisationThanTheConsumerIsMp303() {
    String id = consent(PERSON, CUSTOMER, Duration.ofDays(1));

    Answer answer = fx.token(grant(consentRequest(id, PERSON)));

    assertRefused(
        answer,
        "MP-303",
        "Invalid authorization details values, the consent is given to "
            + CUSTOMER
            + ", not to the token's consumer "
            + SUPPLIER);
  }

  @Test
  void withConsumerOrgTheConsentMustBeGivenToTheCustomer() throws Exception {
    fx.krrLocal().controls().delegate(CUSTOMER, SUPPLIER, SCOPE);
    String id =
        fx.krrLocal()
            .controls()
            .addConsent(PERSON, CUSTOMER, fx.krrLocal().clock().instant().plusSeconds(600));

    Answer answer =
        fx.token(
            fx.sign(
                fx.header(client),
                fx.claims(client)
                    .claim("consumer_org", CUSTOMER.value())
                    .claim("authorization_details", List.of(consentRequest(id, PERSON))),
                client.privateKey()));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JWTClaimsSet claims = claims(answer);
    assertThat(claims.getJSONObjectClaim("consumer")).containsEntry("ID", CUSTOMER.iso6523());
    assertThat(tree(claims.getListClaim("authorization_details").get(0)).at("/to/ID").asText())
        .isEqualTo(CUSTOMER.iso6523());
  }

  @Test
  void withdrawnConsentIsMp303() {
    String id = consent(PERSON, SUPPLIER, Duration.ofDays(1));

    Answer removed = admin("DELETE", "/admin/altinn/consents/" + id, null);
    Answer answer = fx.token(grant(consentRequest(id, PERSON)));

    assertThat(removed.status()).isEqualTo(204);
    assertRefused(answer, "MP-303", "Invalid authorization details values, no consent");
  }

  @Test
  void emptyArrayAsksForNothing() throws Exception {
    Answer answer = fx.token(grantWith(List.of()));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(claims(answer).getClaim("authorization_details")).isNull();
  }

  @Test
  void resetForgetsSystemUsersAndConsents() {
    systemUser(client, CUSTOMER, null);
    consent(PERSON, SUPPLIER, Duration.ofDays(1));

    fx.krrLocal().controls().reset();

    assertThat(admin("GET", "/admin/altinn/system-users", null).json()).isEmpty();
    assertThat(admin("GET", "/admin/altinn/consents", null).json()).isEmpty();
  }

  // --- bad shapes: MP-301, MP-302, MP-303 ---

  static List<Arguments> badShapes() {
    String uuid = UUID.randomUUID().toString();
    Map<String, Object> org = Map.of("authority", "iso6523-actorid-upis", "ID", "0192:" + CUSTOMER);
    return List.of(
        Arguments.of(
            "not an array: an object",
            Map.of("type", "urn:altinn:systemuser"),
            "MP-303",
            "authorization_details must be a JSON array of objects"),
        Arguments.of(
            "not an array: a string",
            "urn:altinn:systemuser",
            "MP-303",
            "authorization_details must be a JSON array of objects"),
        Arguments.of(
            "an entry not an object",
            List.of("urn:altinn:consent"),
            "MP-303",
            "each entry of authorization_details must be a JSON object"),
        Arguments.of(
            "type missing", List.of(Map.of("systemuser_org", org)), "MP-303", "type is missing"),
        Arguments.of(
            "type not a string", List.of(Map.of("type", 7)), "MP-303", "type must be a string"),
        Arguments.of(
            "unknown type",
            List.of(Map.of("type", "urn:altinn:samtykke")),
            "MP-301",
            "Unknown authorization details type, supported types are urn:altinn:systemuser,"
                + " urn:altinn:consent"),
        Arguments.of(
            "unknown type beside a known one",
            List.of(
                Map.of("type", "urn:altinn:systemuser", "systemuser_org", org),
                Map.of("type", "urn:example:other")),
            "MP-301",
            "Unknown authorization details type"),
        Arguments.of(
            "two entries",
            List.of(
                Map.of("type", "urn:altinn:systemuser", "systemuser_org", org),
                Map.of("type", "urn:altinn:consent", "id", uuid, "from", PERSON)),
            "MP-303",
            "authorization_details may hold one entry"),
        Arguments.of(
            "unknown field on systemuser",
            List.of(
                Map.of("type", "urn:altinn:systemuser", "systemuser_org", org, "system_id", "x")),
            "MP-302",
            "Unknown fields in the authorization details, system_id not known for"
                + " urn:altinn:systemuser"),
        Arguments.of(
            "unknown field on consent",
            List.of(Map.of("type", "urn:altinn:consent", "id", uuid, "from", PERSON, "to", "x")),
            "MP-302",
            "Unknown fields in the authorization details, to not known for urn:altinn:consent"),
        Arguments.of(
            "unknown field in systemuser_org",
            List.of(
                Map.of(
                    "type",
                    "urn:altinn:systemuser",
                    "systemuser_org",
                    Map.of(
                        "authority",
                        "iso6523-actorid-upis",
                        "ID",
                        "0192:" + CUSTOMER,
                        "name",
                        "x"))),
            "MP-302",
            "Unknown fields in the authorization details, name not known for systemuser_org"),
        Arguments.of(
            "systemuser_org missing",
            List.of(Map.of("type", "urn:altinn:systemuser")),
            "MP-303",
            "systemuser_org is missing"),
        Arguments.of(
            "systemuser_org a string",
            List.of(Map.of("type", "urn:altinn:systemuser", "systemuser_org", CUSTOMER.value())),
            "MP-303",
            "systemuser_org must be an object"),
        Arguments.of(
            "systemuser_org wrong authority",
            List.of(
                Map.of(
                    "type",
                    "urn:altinn:systemuser",
                    "systemuser_org",
                    Map.of("authority", "orgno", "ID", "0192:" + CUSTOMER))),
            "MP-303",
            "systemuser_org.authority must be iso6523-actorid-upis"),
        Arguments.of(
            "systemuser_org ID without 0192",
            List.of(
                Map.of(
                    "type",
                    "urn:altinn:systemuser",
                    "systemuser_org",
                    Map.of("authority", "iso6523-actorid-upis", "ID", CUSTOMER.value()))),
            "MP-303",
            "systemuser_org.ID must be 0192:"),
        Arguments.of(
            "systemuser_org ID with a bad control digit",
            List.of(
                Map.of(
                    "type",
                    "urn:altinn:systemuser",
                    "systemuser_org",
                    Map.of("authority", "iso6523-actorid-upis", "ID", "0192:910753615"))),
            "MP-303",
            "systemuser_org.ID must be 0192:"),
        Arguments.of(
            "externalRef not a string",
            List.of(
                Map.of("type", "urn:altinn:systemuser", "systemuser_org", org, "externalRef", 12)),
            "MP-303",
            "externalRef must be a string"),
        Arguments.of(
            "consent id missing",
            List.of(Map.of("type", "urn:altinn:consent", "from", PERSON)),
            "MP-303",
            "id is missing"),
        Arguments.of(
            "consent id not a UUID",
            List.of(Map.of("type", "urn:altinn:consent", "id", "samtykke-1", "from", PERSON)),
            "MP-303",
            "id must be the consent's UUID"),
        Arguments.of(
            "consent from missing",
            List.of(Map.of("type", "urn:altinn:consent", "id", uuid)),
            "MP-303",
            "from is missing"),
        Arguments.of(
            "consent from a bare identity number",
            List.of(Map.of("type", "urn:altinn:consent", "id", uuid, "from", PID)),
            "MP-303",
            "from must be urn:altinn:person:identifier-no:"),
        Arguments.of(
            "consent from with a bad control digit",
            List.of(
                Map.of(
                    "type",
                    "urn:altinn:consent",
                    "id",
                    uuid,
                    "from",
                    "urn:altinn:person:identifier-no:20914695017")),
            "MP-303",
            "from must be urn:altinn:person:identifier-no:"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badShapes")
  void badShapeIsRefusedWithItsCode(String what, Object claim, String code, String message) {
    Answer answer = fx.token(grantWith(claim));

    assertRefused(answer, code, code.equals("MP-301") || code.equals("MP-302") ? message : null);
    assertThat(answer.json().get("error_description").asText()).contains(message);
    assertThat(answer.body()).doesNotContain(PID).doesNotContain("20914695017");
  }

  // --- operator API refusals ---

  @Test
  void operatorApiRefusesBadSystemUsersAndConsentsWithoutA500() {
    Answer badSystemId =
        admin(
            "POST",
            "/admin/altinn/system-users",
            Map.of("system_id", "Fagsystem", "orgno", CUSTOMER.value(), "client_id", "c"));
    Answer badOrg =
        admin(
            "POST",
            "/admin/altinn/system-users",
            Map.of("system_id", SYSTEM_ID, "orgno", "123", "client_id", "c"));
    Answer noClient =
        admin(
            "POST",
            "/admin/altinn/system-users",
            Map.of("system_id", SYSTEM_ID, "orgno", CUSTOMER.value()));
    systemUser(client, CUSTOMER, null);
    Answer twice =
        admin(
            "POST",
            "/admin/altinn/system-users",
            Map.of(
                "system_id", SYSTEM_ID, "orgno", CUSTOMER.value(), "client_id", client.clientId()));
    Answer noSuchUser = admin("DELETE", "/admin/altinn/system-users/" + UUID.randomUUID(), null);
    Answer badFrom =
        consentAnswer(
            Map.of("from", PID, "to_orgno", SUPPLIER.value(), "valid_to", "2999-01-01T00:00:00Z"));
    Answer noValidTo = consentAnswer(Map.of("from", PERSON, "to_orgno", SUPPLIER.value()));
    Answer badValidTo =
        consentAnswer(Map.of("from", PERSON, "to_orgno", SUPPLIER.value(), "valid_to", "tomorrow"));
    Answer backwards =
        consentAnswer(
            Map.of(
                "from",
                PERSON,
                "to_orgno",
                SUPPLIER.value(),
                "consented",
                "2030-01-01T00:00:00Z",
                "valid_to",
                "2029-01-01T00:00:00Z"));
    Answer badRights =
        consentAnswer(
            Map.of(
                "from",
                PERSON,
                "to_orgno",
                SUPPLIER.value(),
                "valid_to",
                "2999-01-01T00:00:00Z",
                "consent_rights",
                List.of(Map.of("action", "read"))));
    Answer badId =
        consentAnswer(
            Map.of(
                "from",
                PERSON,
                "to_orgno",
                SUPPLIER.value(),
                "valid_to",
                "2999-01-01T00:00:00Z",
                "id",
                "1"));
    Answer notJson =
        fx.send(
            HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + "/admin/altinn/consents"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")));
    Answer noSuchConsent = admin("DELETE", "/admin/altinn/consents/" + UUID.randomUUID(), null);

    for (Answer bad :
        List.of(
            badSystemId,
            badOrg,
            noClient,
            badFrom,
            noValidTo,
            badValidTo,
            backwards,
            badRights,
            badId,
            notJson)) {
      assertThat(bad.status()).as(bad.body()).isEqualTo(400);
      assertThat(bad.json().get("error").asText()).isEqualTo("invalid_request");
      assertThat(bad.body()).doesNotContain(PID);
    }
    assertThat(badSystemId.json().get("error_description").asText()).contains("<orgno>_<name>");
    assertThat(badRights.json().get("error_description").asText()).contains("consent_rights");
    assertThat(twice.status()).as(twice.body()).isEqualTo(409);
    assertThat(noSuchUser.status()).isEqualTo(404);
    assertThat(noSuchConsent.status()).isEqualTo(404);
  }

  // --- helpers ---

  private static String systemUser(TestClient of, OrgNumber customer, String externalRef) {
    Map<String, Object> body = new HashMap<>();
    body.put("system_id", SYSTEM_ID);
    body.put("orgno", customer.value());
    body.put("client_id", of.clientId());
    if (externalRef != null) {
      body.put("external_ref", externalRef);
    }
    Answer answer = admin("POST", "/admin/altinn/system-users", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().get("id").asText();
  }

  private static String consent(String from, OrgNumber to, Duration valid) {
    Answer answer =
        consentAnswer(
            Map.of(
                "from",
                from,
                "to_orgno",
                to.value(),
                "valid_to",
                fx.krrLocal().clock().instant().plus(valid).toString()));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().get("id").asText();
  }

  private static Answer consentAnswer(Map<String, Object> body) {
    return admin("POST", "/admin/altinn/consents", body);
  }

  private static Map<String, Object> systemUserRequest(OrgNumber org, String externalRef) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("type", "urn:altinn:systemuser");
    request.put("systemuser_org", Map.of("authority", "iso6523-actorid-upis", "ID", "0192:" + org));
    if (externalRef != null) {
      request.put("externalRef", externalRef);
    }
    return request;
  }

  private static Map<String, Object> consentRequest(String id, String from) {
    return Map.of("type", "urn:altinn:consent", "id", id, "from", from);
  }

  private String grant(Map<String, Object> request) {
    return grantWith(List.of(request));
  }

  private String grantWith(Object authorizationDetails) {
    return fx.sign(
        fx.header(client),
        fx.claims(client).claim("authorization_details", authorizationDetails),
        client.privateKey());
  }

  private static JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }

  private static JWTClaimsSet claims(Answer answer) throws Exception {
    return SignedJWT.parse(answer.json().get("access_token").asText()).getJWTClaimsSet();
  }

  /** A 400 {@code invalid_authorization_details} with {@code code}, starting with {@code start}. */
  private static void assertRefused(Answer answer, String code, String start) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_authorization_details");
    assertThat(answer.json().get("error_uri").asText()).isEqualTo(fx.issuer() + "errors/" + code);
    if (start != null) {
      assertThat(answer.json().get("error_description").asText()).startsWith(start);
    }
  }

  private static Answer admin(String method, String path, Object body) {
    try {
      return fx.send(
          HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + path))
              .header("Content-Type", "application/json")
              .method(
                  method,
                  HttpRequest.BodyPublishers.ofString(
                      body == null ? "" : JSON.writeValueAsString(body))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
