package io.krrkit.local.internal.krr;

import static io.krrkit.core.Scope.KRR_KONTAKTINFO_READ;
import static io.krrkit.core.Scope.KRR_POSTKASSE_READ;
import static io.krrkit.local.internal.krr.synthetic.KnownPersons.WITH_DIGITAL_POST;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * KRR lookups on behalf of a customer through a delegation in Altinn (oppslagstjenesten_rest.md,
 * "Oppslag på vegne av annen virksomhet"): the customer has access to the delegation scopes {@code
 * krr:global/kontaktinfo.read} / {@code postkasse.read}, delegates them to the supplier (operator
 * API in place of Altinn), the supplier asks Maskinporten with {@code consumer_org} and looks up
 * with the token; KRR shows what the old scopes show.
 */
class AltinnDelegatedLookupTest {
  private static final OrgNumber SUPPLIER = KrrLocal.DEFAULT_ORG;
  private static final OrgNumber CUSTOMER = OrgNumber.of("910753614");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(0).adminApi(true));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void reset() {
    fx.krrLocal().controls().reset();
  }

  @Test
  void delegationScopesAreDigdirsNotOpenToAllWithAltinnAsDelegationSource() {
    Answer scopes = admin("GET", "/admin/scopes", null);

    for (Scope s : new Scope[] {KRR_KONTAKTINFO_READ, KRR_POSTKASSE_READ}) {
      JsonNode scope = find(scopes.json(), s);
      assertThat(scope.get("owner_orgno").asText()).isEqualTo("991825827");
      assertThat(scope.get("accessible_for_all").asBoolean()).isFalse();
      assertThat(scope.get("delegation_source").asText()).isEqualTo("https://tt02.altinn.no/");
    }
  }

  @Test
  void delegatedTokenLooksUpWithTheDataOfTheOldScopes() throws Exception {
    TestClient supplier = fx.registerClient(KRR_KONTAKTINFO_READ, KRR_POSTKASSE_READ);
    grantAndDelegate(KRR_KONTAKTINFO_READ);
    grantAndDelegate(KRR_POSTKASSE_READ);

    Answer token = fx.token(consumerGrant(supplier, CUSTOMER));

    assertThat(token.status()).as(token.body()).isEqualTo(200);
    JWTClaimsSet claims = claims(token);
    assertThat(claims.getJSONObjectClaim("consumer")).containsEntry("ID", CUSTOMER.iso6523());
    assertThat(claims.getJSONObjectClaim("supplier")).containsEntry("ID", SUPPLIER.iso6523());
    assertThat(claims.getStringClaim("delegation_source")).isEqualTo("https://tt02.altinn.no/");
    JsonNode person = lookUp(token.json().get("access_token").asText());
    assertThat(PersonerApiTest.fieldNames(person))
        .contains("kontaktinformasjon", "varslingsstatus", "spraak", "digital_post", "sertifikat");
    assertThat(person.at("/digital_post/postkasseleverandoeradresse").asText())
        .isEqualTo("984661185");
  }

  @Test
  void kontaktinfoReadAloneShowsContactInformationButNoMailbox() {
    TestClient supplier = fx.registerClient(KRR_KONTAKTINFO_READ);
    grantAndDelegate(KRR_KONTAKTINFO_READ);

    JsonNode person = lookUp(accessToken(consumerGrant(supplier, CUSTOMER)));

    assertThat(PersonerApiTest.fieldNames(person))
        .contains("kontaktinformasjon", "varslingsstatus", "spraak")
        .doesNotContain("digital_post", "sertifikat");
  }

  @Test
  void postkasseReadAloneShowsTheMailboxButNoContactInformation() {
    TestClient supplier = fx.registerClient(KRR_POSTKASSE_READ);
    grantAndDelegate(KRR_POSTKASSE_READ);

    JsonNode person = lookUp(accessToken(consumerGrant(supplier, CUSTOMER)));

    assertThat(PersonerApiTest.fieldNames(person))
        .contains("digital_post", "sertifikat")
        .doesNotContain("kontaktinformasjon", "varslingsstatus", "spraak");
  }

  @Test
  void withoutADelegationInAltinnTheTokenIsRefusedWithMp251() {
    TestClient supplier = fx.registerClient(KRR_KONTAKTINFO_READ);
    admin(
        "PUT",
        "/admin/access",
        Map.of("scope", KRR_KONTAKTINFO_READ.value(), "orgno", CUSTOMER.value()));

    Answer answer = fx.token(consumerGrant(supplier, CUSTOMER));

    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(answer.json().get("error").asText()).isEqualTo("forbidden");
    assertThat(answer.json().get("error_uri").asText()).endsWith("/MP-251");
    assertThat(answer.json().get("error_description").asText())
        .startsWith(
            "Consumer "
                + CUSTOMER
                + " has not delegated access to the scope "
                + KRR_KONTAKTINFO_READ
                + " to supplier "
                + SUPPLIER
                + ".");
  }

  @Test
  void aCustomerWithoutAccessFromDigdirIsRefusedWithMp250EvenWhenItDelegated() {
    TestClient supplier = fx.registerClient(KRR_POSTKASSE_READ);
    fx.krrLocal().controls().delegate(CUSTOMER, SUPPLIER, KRR_POSTKASSE_READ);

    Answer answer = fx.token(consumerGrant(supplier, CUSTOMER));

    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(answer.json().get("error_uri").asText()).endsWith("/MP-250");
    assertThat(answer.json().get("error_description").asText())
        .startsWith("Consumer has not been granted access to the scope " + KRR_POSTKASSE_READ);
  }

  @Test
  void theSupplierCannotUseTheDelegationScopesForItselfWithoutAccess() {
    TestClient supplier = fx.registerClient(KRR_KONTAKTINFO_READ);
    grantAndDelegate(KRR_KONTAKTINFO_READ);

    Answer own = fx.token(fx.grant(supplier));

    assertThat(own.status()).as(own.body()).isEqualTo(403);
    assertThat(own.json().get("error_uri").asText()).endsWith("/MP-250");
  }

  @Test
  void controlsGrantAndDelegateAsTheOperatorApiDoes() {
    TestClient supplier = fx.registerClient(KRR_KONTAKTINFO_READ);
    fx.krrLocal().controls().grantAccess(KRR_KONTAKTINFO_READ, CUSTOMER);
    fx.krrLocal().controls().delegate(CUSTOMER, SUPPLIER, KRR_KONTAKTINFO_READ);

    JsonNode person = lookUp(accessToken(consumerGrant(supplier, CUSTOMER)));

    assertThat(PersonerApiTest.fieldNames(person)).contains("kontaktinformasjon");
  }

  @Test
  void resetForgetsTheDelegationAndTheAccess() {
    TestClient supplier = fx.registerClient(KRR_KONTAKTINFO_READ);
    grantAndDelegate(KRR_KONTAKTINFO_READ);

    fx.krrLocal().controls().reset();
    TestClient again = fx.registerClient(KRR_KONTAKTINFO_READ);
    Answer noDelegation = fx.token(consumerGrant(again, CUSTOMER));
    fx.krrLocal().controls().delegate(CUSTOMER, SUPPLIER, KRR_KONTAKTINFO_READ);
    Answer noAccess = fx.token(consumerGrant(again, CUSTOMER));

    assertThat(fx.krrLocal().controls().hasClient(supplier.clientId())).isFalse();
    assertThat(noDelegation.json().get("error_uri").asText()).endsWith("/MP-251");
    assertThat(noAccess.json().get("error_uri").asText()).endsWith("/MP-250");
  }

  // --- helpers ---

  /** The customer gets access from Digdir and delegates the scope to the supplier in "Altinn". */
  private static void grantAndDelegate(Scope scope) {
    Answer access =
        admin("PUT", "/admin/access", Map.of("scope", scope.value(), "orgno", CUSTOMER.value()));
    Answer delegation =
        admin(
            "POST",
            "/admin/delegations",
            Map.of(
                "consumer_orgno",
                CUSTOMER.value(),
                "supplier_orgno",
                SUPPLIER.value(),
                "scope",
                scope.value()));
    assertThat(access.status()).as(access.body()).isEqualTo(200);
    assertThat(delegation.status()).as(delegation.body()).isEqualTo(200);
  }

  private static String consumerGrant(TestClient client, OrgNumber consumer) {
    return fx.sign(
        fx.header(client),
        fx.claims(client).claim("consumer_org", consumer.value()),
        client.privateKey());
  }

  private static String accessToken(String grant) {
    Answer answer = fx.token(grant);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().get("access_token").asText();
  }

  private static JsonNode lookUp(String token) {
    Answer answer = PersonerApiTest.post(fx, "v2", token, PersonerApiTest.body(WITH_DIGITAL_POST));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("personer")).hasSize(1);
    return answer.json().get("personer").get(0);
  }

  private static JsonNode find(JsonNode scopes, Scope scope) {
    for (JsonNode s : scopes) {
      if (s.get("name").asText().equals(scope.value())) {
        return s;
      }
    }
    throw new AssertionError(scope + " is not registered: " + scopes);
  }

  private static JWTClaimsSet claims(Answer answer) throws Exception {
    return SignedJWT.parse(answer.json().get("access_token").asText()).getJWTClaimsSet();
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
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
