package io.krrkit.local.internal.selfservice.http;

import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.jwks;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.krrClient;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.maskinportenClient;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.newKey;
import static io.krrkit.local.internal.selfservice.http.SelfServiceApi.publicJwk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.internal.Internals;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Suppliers registering clients for customers ({@code idporten:dcr.supplier}, Digdir's {@code
 * oidc_api_admin_leverandor.md}): the customer owns the client, the supplier manages it, and its
 * tokens act for the customer and name the supplier.
 */
class SupplierApiTest {
  private static final OrgNumber SUPPLIER = OrgNumber.of("974760673");
  private static final OrgNumber CUSTOMER = OrgNumber.of("889640782");
  private static final OrgNumber STRANGER = OrgNumber.of("910753614");

  private static LocalFixture fx;
  private static SelfServiceApi supplier;
  private static SelfServiceApi customer;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
    supplier = SelfServiceApi.as(fx, SUPPLIER, Scope.DCR_SUPPLIER, Scope.DCR_READ);
    customer = SelfServiceApi.admin(fx, CUSTOMER);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void aSupplierMadeKrrClientGetsTokensForTheCustomerNamingTheSupplier() throws Exception {
    JsonNode created = supplier.post("/clients", forCustomer(krrClient())).json();
    String id = created.get("client_id").asText();
    RSAKey key = newKey(2048);
    Answer upload = supplier.post("/clients/" + id + "/jwks", jwks(publicJwk(key)));
    TestClient client =
        new TestClient(
            id, key.getKeyID(), key, CUSTOMER, Set.of(Scope.KRR_KONTAKTINFORMASJON_READ));

    Answer token = fx.token(fx.grant(client));

    assertThat(created.get("client_orgno").asText()).isEqualTo(CUSTOMER.value());
    assertThat(created.get("supplier_orgno").asText()).isEqualTo(SUPPLIER.value());
    assertThat(upload.status()).as(upload.body()).isEqualTo(200);
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    String accessToken = token.json().get("access_token").asText();
    Map<String, Object> claims = SignedJWT.parse(accessToken).getJWTClaimsSet().getClaims();
    assertThat(claims.get("consumer")).isEqualTo(party(CUSTOMER));
    assertThat(claims.get("supplier")).isEqualTo(party(SUPPLIER));
    assertThat(claims).doesNotContainKey("delegation_source");
    Answer lookup = lookUp(accessToken, "09895590360");
    assertThat(lookup.status()).as(lookup.body()).isEqualTo(200);
    assertThat(lookup.json().get("personer").get(0).get("personidentifikator").asText())
        .isEqualTo("09895590360");
  }

  @Test
  void registeringForAnotherOrganisationWithoutTheSupplierScopeIs403AndStoresNothing() {
    SelfServiceApi writer = SelfServiceApi.admin(fx, STRANGER);
    int before = Internals.of(fx.krrLocal()).clients().findByOwner(CUSTOMER).size();

    Answer answer = writer.post("/clients", forCustomer(krrClient()));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("status").asInt()).isEqualTo(403);
    assertThat(answer.json().get("error_description").asText()).contains("idporten:dcr.supplier");
    assertThat(Internals.of(fx.krrLocal()).clients().findByOwner(CUSTOMER)).hasSize(before);
  }

  @Test
  void theSupplierManagesTheClientAndTheCustomerSeesIt() {
    String id = supplier.create(forCustomer(maskinportenClient()));
    ObjectNode change = forCustomer(maskinportenClient()).put("client_name", "endret");

    Answer update = supplier.put("/clients/" + id, change);
    Answer supplierList = supplier.get("/clients");
    Answer customerView = customer.get("/clients/" + id);
    Answer delete = supplier.delete("/clients/" + id);

    assertThat(update.status()).as(update.body()).isEqualTo(200);
    assertThat(update.json().get("supplier_orgno").asText()).isEqualTo(SUPPLIER.value());
    assertThat(supplierList.json().findValuesAsText("client_id")).contains(id);
    assertThat(customerView.json().get("client_name").asText()).isEqualTo("endret");
    assertThat(delete.status()).isEqualTo(200);
    assertThat(customer.get("/clients/" + id).status()).isEqualTo(404);
  }

  @Test
  void theSupplierCannotMoveTheClientToAnotherCustomer() {
    String id = supplier.create(forCustomer(maskinportenClient()));
    ObjectNode move = maskinportenClient().put("client_orgno", STRANGER.value());

    Answer answer = supplier.put("/clients/" + id, move);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("errors").get(0).get("fieldIdentifier").asText())
        .isEqualTo("client_orgno");
  }

  @Test
  void withoutTheSupplierScopeTheSupplierNeitherSeesNorChangesItsCustomersClients() {
    String id = supplier.create(forCustomer(maskinportenClient()));
    SelfServiceApi plain = SelfServiceApi.admin(fx, SUPPLIER);

    assertThat(plain.get("/clients").json().findValuesAsText("client_id")).doesNotContain(id);
    assertThat(plain.get("/clients/" + id).status()).isEqualTo(403);
    assertThat(plain.delete("/clients/" + id).status()).isEqualTo(403);
    assertThat(SelfServiceApi.admin(fx, STRANGER).get("/clients/" + id).status()).isEqualTo(404);
    assertThat(Internals.of(fx.krrLocal()).clients().findById(id)).isPresent();
  }

  @Test
  void aTokenActingThroughASupplierCannotUseTheSelfServiceApi() {
    ObjectNode admin = forCustomer(maskinportenClient());
    admin.putArray("scopes").add(Scope.DCR_READ.value());
    String id = supplier.create(admin);
    RSAKey key = newKey(2048);
    supplier.post("/clients/" + id + "/jwks", jwks(publicJwk(key)));
    String token =
        fx.token(
                fx.grant(new TestClient(id, key.getKeyID(), key, CUSTOMER, Set.of(Scope.DCR_READ))))
            .json()
            .get("access_token")
            .asText();

    Answer answer = SelfServiceApi.withToken(fx, token).get("/clients");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("error_description").asText()).contains("supplier");
  }

  private static ObjectNode forCustomer(ObjectNode client) {
    return client.put("client_orgno", CUSTOMER.value());
  }

  private static Map<String, String> party(OrgNumber org) {
    return Map.of("authority", "iso6523-actorid-upis", "ID", "0192:" + org.value());
  }

  private static Answer lookUp(String token, String id) {
    return fx.send(
        HttpRequest.newBuilder(
                URI.create(fx.krrLocal().kontaktregisteretUrl() + "/rest/v1/personer"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"personidentifikatorer\": [\"" + id + "\"]}")));
  }
}
