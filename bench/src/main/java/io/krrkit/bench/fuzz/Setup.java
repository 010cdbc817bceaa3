package io.krrkit.bench.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.junit.TestClient;
import io.krrkit.junit.TestClients;
import io.krrkit.local.Bootstrap;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.internal.krr.Register;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the seeds need from a fresh emulator: the self-service admin's token, a KRR client with its
 * key, a Maskinporten client to put in paths, and an ID-porten native client; all registered
 * through the public APIs, as a user would.
 */
final class Setup {
  static final String REDIRECT = "http://localhost:8089/callback";
  static final List<Scope> SELF_SERVICE =
      List.of(
          Scope.DCR_READ,
          Scope.DCR_WRITE,
          Scope.DCR_MODIFY,
          Scope.DCR_ONBEHALFOF_WRITE,
          Scope.SCOPES_WRITE);

  private static final ObjectMapper JSON = new ObjectMapper();

  final KrrLocal krr;
  final MaskinportenClient admin;
  final RSAKey krrKey;
  final String krrClientId;
  final MaskinportenClient krrClient;
  final String clientId;
  final String nativeClientId;

  private final HttpClient http = HttpClient.newHttpClient();

  Setup(KrrLocal krr) throws Exception {
    this.krr = krr;
    Bootstrap b = krr.bootstrap();
    this.admin =
        MaskinportenClient.builder()
            .environment(MaskinportenEnvironment.custom(krr.maskinportenIssuer()))
            .clientId(b.clientId())
            .signingKey(RSAKey.parse(b.privateJwk()))
            .build();
    // The change feed's scope is granted by agreement, not self-service: registered directly.
    TestClient krrClient =
        TestClients.register(
            krr,
            OrgNumber.of(b.orgno()),
            IntegrationType.KRR,
            List.of(
                Scope.KRR_KONTAKTINFORMASJON_READ,
                Scope.KRR_DIGITALPOST_READ,
                Register.HENTENDRING_READ));
    this.krrKey = krrClient.key();
    this.krrClientId = krrClient.clientId();
    this.krrClient =
        MaskinportenClient.builder()
            .environment(MaskinportenEnvironment.custom(krr.maskinportenIssuer()))
            .clientId(krrClientId)
            .signingKey(krrKey)
            .build();
    this.clientId =
        create(
                "{\"integration_type\":\"maskinporten\",\"client_name\":\"fuzz target\","
                    + "\"description\":\"fuzz\",\"scopes\":[\"idporten:dcr.read\"]}")
            .get("client_id")
            .asText();
    this.nativeClientId =
        create(
                "{\"integration_type\":\"api_klient\",\"application_type\":\"native\","
                    + "\"client_name\":\"fuzz app\",\"redirect_uris\":[\""
                    + REDIRECT
                    + "\"],\"scopes\":[\"openid\",\"profile\"]}")
            .get("client_id")
            .asText();
  }

  String selfServiceToken() {
    return admin
        .getToken(
            SELF_SERVICE.get(0), SELF_SERVICE.subList(1, SELF_SERVICE.size()).toArray(Scope[]::new))
        .value();
  }

  String krrToken() {
    return krrClient
        .getToken(
            Scope.KRR_KONTAKTINFORMASJON_READ,
            Scope.KRR_DIGITALPOST_READ,
            Register.HENTENDRING_READ)
        .value();
  }

  static RSAKey key(String prefix) throws Exception {
    return new RSAKeyGenerator(2048)
        .keyID(prefix + "-" + UUID.randomUUID())
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
        .generate();
  }

  /** A JWKS body holding the public half of {@code key}. */
  static String jwks(RSAKey key) throws IOException {
    Map<String, Object> jwk = key.toPublicJWK().toJSONObject();
    return JSON.writeValueAsString(Map.of("keys", List.of(jwk)));
  }

  private JsonNode create(String body) throws Exception {
    HttpResponse<String> answer =
        call("POST", krr.selfServiceUrl() + "/api/v1/clients", selfServiceToken(), body);
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("creating a client failed: " + answer.body());
    }
    return JSON.readTree(answer.body());
  }

  void uploadKey(String id, RSAKey key) throws Exception {
    HttpResponse<String> answer =
        call(
            "POST",
            krr.selfServiceUrl() + "/api/v1/clients/" + id + "/jwks",
            selfServiceToken(),
            jwks(key));
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("uploading a key failed: " + answer.body());
    }
  }

  private HttpResponse<String> call(String method, String url, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
