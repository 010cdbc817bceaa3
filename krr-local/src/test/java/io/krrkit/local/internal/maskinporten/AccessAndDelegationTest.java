package io.krrkit.local.internal.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.internal.store.StoreEngine;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MP-250 (access to scopes) and MP-251 (delegation to suppliers) over HTTP, with the operator API
 * recording access and delegations.
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class AccessAndDelegationTest {
  private static final OrgNumber SUPPLIER = KrrLocal.DEFAULT_ORG;
  private static final OrgNumber CONSUMER = OrgNumber.of("910753614");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalFixture fx;

  @Parameter StoreEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(StoreEngine engine) {
    fx = LocalFixture.start(engine.emulator().seedPersons(0).adminApi(true));
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    fx.close();
  }

  // --- MP-250 ---

  @Test
  void seedsDigdirsScopesAccessibleForAll() {
    Answer scopes = admin("GET", "/admin/scopes", null);

    assertThat(scopes.status()).isEqualTo(200);
    assertThat(scopes.json().findValuesAsText("name"))
        .contains(Scope.KRR_KONTAKTINFORMASJON_READ.value(), Scope.DCR_READ.value());
    scopes
        .json()
        .forEach(
            s -> {
              // KRR's Altinn delegation scopes need access from Digdir (AltinnDelegatedLookupTest)
              if (s.get("owner_orgno").asText().equals("991825827")
                  && s.get("delegation_source").isNull()) {
                assertThat(s.get("accessible_for_all").asBoolean()).as(s.toString()).isTrue();
              }
            });
  }

  @Test
  void restrictedScopeNeedsAnAccessGrantUntilRevoked() {
    Scope scope = restrictedScope(Map.of());
    TestClient client = fx.registerClient(scope);

    Answer before = fx.token(fx.grant(client));
    Answer granted = admin("PUT", "/admin/access", Map.of("scope", scope.value(), "orgno", org()));
    Answer during = fx.token(fx.grant(client));
    Answer revoked =
        admin("DELETE", "/admin/access", Map.of("scope", scope.value(), "orgno", org()));
    Answer after = fx.token(fx.grant(client));

    assertError(
        before, "MP-250", "Consumer has not been granted access to the scope " + scope + ".");
    assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    assertThat(granted.json().get("state").asText()).isEqualTo("APPROVED");
    assertThat(during.status()).as(during.body()).isEqualTo(200);
    assertThat(revoked.status()).isEqualTo(204);
    assertError(after, "MP-250", "Consumer has not been granted access to the scope " + scope);
  }

  @Test
  void accessIsPerOrganisation() {
    Scope scope = restrictedScope(Map.of());
    admin("PUT", "/admin/access", Map.of("scope", scope.value(), "orgno", CONSUMER.value()));

    assertError(fx.token(fx.grant(fx.registerClient(scope))), "MP-250", "Consumer has not");
    assertThat(fx.token(fx.grant(fx.client().org(CONSUMER).scopes(scope).register())).status())
        .isEqualTo(200);
  }

  @Test
  void scopeLimitedToOtherIntegrationTypesAnswersMp201() {
    Scope scope =
        restrictedScope(
            Map.of("accessible_for_all", true, "allowed_integration_types", new String[] {"krr"}));

    Answer answer = fx.token(fx.grant(fx.registerClient(scope)));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error_uri").asText()).endsWith("/MP-201");
    assertThat(answer.json().get("error_description").asText())
        .contains(scope + " is not for integration type maskinporten");
  }

  @Test
  void atMaxAgeShortensTheTokenLifetime() throws Exception {
    Scope scope = restrictedScope(Map.of("accessible_for_all", true, "at_max_age", 60));

    Answer answer = fx.token(fx.grant(fx.registerClient(scope)));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("expires_in").asLong()).isBetween(58L, 60L);
    JWTClaimsSet claims = claims(answer);
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
        .isEqualTo(60_000L);
  }

  // --- MP-251 ---

  @Test
  void consumerOrgWithoutDelegationAnswersMp251() {
    Scope scope = Scope.of("difitest:deleg-" + UUID.randomUUID());
    TestClient supplier = fx.registerClient(scope);

    assertError(
        fx.token(consumerGrant(supplier, CONSUMER)),
        "MP-251",
        "Consumer "
            + CONSUMER
            + " has not delegated access to the scope "
            + scope
            + " to supplier "
            + SUPPLIER
            + ".");
  }

  @Test
  void consumerOrgEqualToTheClientsOwnAnswersMp251EvenWithADelegationRow() {
    Scope scope = Scope.of("difitest:deleg-" + UUID.randomUUID());
    TestClient supplier = fx.registerClient(scope);

    Answer self =
        admin("POST", "/admin/delegations", delegation(SUPPLIER, SUPPLIER, scope.value()));

    assertThat(self.status()).isEqualTo(400);
    assertError(fx.token(consumerGrant(supplier, SUPPLIER)), "MP-251", "Consumer " + SUPPLIER);
  }

  @Test
  void delegatedGrantNamesConsumerSupplierAndDelegationSource() throws Exception {
    Scope scope = Scope.of("difitest:deleg-" + UUID.randomUUID());
    TestClient supplier = fx.registerClient(scope);
    Answer recorded =
        admin("POST", "/admin/delegations", delegation(CONSUMER, SUPPLIER, scope.value()));

    Answer answer = fx.token(consumerGrant(supplier, CONSUMER));

    assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JWTClaimsSet claims = claims(answer);
    assertThat(claims.getJSONObjectClaim("consumer"))
        .containsEntry("ID", CONSUMER.iso6523())
        .containsEntry("authority", "iso6523-actorid-upis");
    assertThat(claims.getJSONObjectClaim("supplier")).containsEntry("ID", SUPPLIER.iso6523());
    assertThat(claims.getStringClaim("delegation_source"))
        .isEqualTo(AccessRules.DEFAULT_DELEGATION_SOURCE);
    assertThat(claims.getStringClaim("client_id")).isEqualTo(supplier.clientId());
  }

  @Test
  void delegationSourceComesFromTheScopeWhenItNamesOne() throws Exception {
    Scope scope =
        restrictedScope(
            Map.of("accessible_for_all", true, "delegation_source", "https://www.altinn.no/"));
    TestClient supplier = fx.registerClient(scope);
    admin("POST", "/admin/delegations", delegation(CONSUMER, SUPPLIER, scope.value()));

    Answer answer = fx.token(consumerGrant(supplier, CONSUMER));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(claims(answer).getStringClaim("delegation_source"))
        .isEqualTo("https://www.altinn.no/");
  }

  @Test
  void delegationChecksTheConsumersAccessNotTheSuppliers() {
    Scope scope = restrictedScope(Map.of());
    TestClient supplier = fx.registerClient(scope);
    admin("POST", "/admin/delegations", delegation(CONSUMER, SUPPLIER, scope.value()));
    admin("PUT", "/admin/access", Map.of("scope", scope.value(), "orgno", SUPPLIER.value()));

    Answer withoutConsumerAccess = fx.token(consumerGrant(supplier, CONSUMER));
    admin("PUT", "/admin/access", Map.of("scope", scope.value(), "orgno", CONSUMER.value()));
    Answer withConsumerAccess = fx.token(consumerGrant(supplier, CONSUMER));

    assertError(withoutConsumerAccess, "MP-250", "Consumer has not been granted access");
    assertThat(withConsumerAccess.status()).as(withConsumerAccess.body()).isEqualTo(200);
  }

  @Test
  void removedDelegationAnswersMp251Again() {
    Scope scope = Scope.of("difitest:deleg-" + UUID.randomUUID());
    TestClient supplier = fx.registerClient(scope);
    admin("POST", "/admin/delegations", delegation(CONSUMER, SUPPLIER, scope.value()));
    Answer removed =
        admin("DELETE", "/admin/delegations", delegation(CONSUMER, SUPPLIER, scope.value()));

    assertThat(removed.status()).isEqualTo(204);
    assertError(fx.token(consumerGrant(supplier, CONSUMER)), "MP-251", "Consumer " + CONSUMER);
    assertThat(admin("GET", "/admin/delegations", null).json().findValuesAsText("scope"))
        .doesNotContain(scope.value());
  }

  // --- operator API refusals ---

  @Test
  void operatorApiRefusesBadInputWithoutA500() {
    Answer unknownScope =
        admin("PUT", "/admin/access", Map.of("scope", "nobody:registered", "orgno", org()));
    Answer badOrg = admin("PUT", "/admin/access", Map.of("scope", "krr:global/x", "orgno", "123"));
    Answer notJson = adminRaw("POST", "/admin/scopes", "{not json");
    Answer badScope = admin("POST", "/admin/scopes", Map.of("name", "no scope here"));
    Answer badType = admin("POST", "/admin/scopes", Map.of("name", "a:b", "at_max_age", "x"));
    Answer noSuchAccess =
        admin("DELETE", "/admin/access", Map.of("scope", "difitest:none", "orgno", org()));

    assertThat(unknownScope.status()).isEqualTo(404);
    assertThat(unknownScope.json().get("error_description").asText())
        .contains("POST /admin/scopes");
    assertThat(badOrg.status()).isEqualTo(400);
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(badScope.status()).isEqualTo(400);
    assertThat(badType.status()).isEqualTo(400);
    assertThat(noSuchAccess.status()).isEqualTo(404);
    assertThat(badOrg.json().get("error").asText()).isEqualTo("invalid_request");
  }

  @Test
  void deleteTakesQueryParametersToo() {
    Scope scope = restrictedScope(Map.of());
    admin("PUT", "/admin/access", Map.of("scope", scope.value(), "orgno", org()));

    Answer revoked = adminRaw("DELETE", "/admin/access?scope=" + scope + "&orgno=" + org(), "");

    assertThat(revoked.status()).isEqualTo(204);
  }

  // --- helpers ---

  /** Registers a fresh scope, not accessible for all unless {@code fields} says otherwise. */
  private static Scope restrictedScope(Map<String, Object> fields) {
    Scope scope = Scope.of("difitest:s-" + UUID.randomUUID());
    Map<String, Object> body = new HashMap<>(fields);
    body.put("name", scope.value());
    Answer answer = admin("POST", "/admin/scopes", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return scope;
  }

  private static Map<String, String> delegation(OrgNumber consumer, OrgNumber supplier, String s) {
    return Map.of(
        "consumer_orgno", consumer.value(), "supplier_orgno", supplier.value(), "scope", s);
  }

  private static String consumerGrant(TestClient client, OrgNumber consumer) {
    return fx.sign(
        fx.header(client),
        fx.claims(client).claim("consumer_org", consumer.value()),
        client.privateKey());
  }

  private static String org() {
    return KrrLocal.DEFAULT_ORG.value();
  }

  private static JWTClaimsSet claims(Answer answer) throws Exception {
    return SignedJWT.parse(answer.json().get("access_token").asText()).getJWTClaimsSet();
  }

  private static Answer admin(String method, String path, Object body) {
    try {
      return adminRaw(method, path, body == null ? "" : JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Answer adminRaw(String method, String path, String body) {
    return fx.send(
        HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A 403 {@code forbidden} refusal with {@code code} (MP-250 or MP-251). */
  private static void assertError(Answer answer, String code, String descriptionStart) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(answer.json().get("error").asText()).isEqualTo("forbidden");
    assertThat(answer.json().get("error_uri").asText()).isEqualTo(fx.issuer() + "errors/" + code);
    assertThat(answer.json().get("error_description").asText()).startsWith(descriptionStart);
  }
}
