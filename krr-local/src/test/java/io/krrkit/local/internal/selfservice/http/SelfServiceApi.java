package io.krrkit.local.internal.selfservice.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;

/**
 * Calls the emulator's self-service API over HTTP for the tests, as one organisation with one
 * access token: a thin layer on {@link LocalFixture}, not a second fixture.
 */
final class SelfServiceApi {
  static final ObjectMapper JSON = new ObjectMapper();

  private final LocalFixture fx;
  private final String token;

  private SelfServiceApi(LocalFixture fx, String token) {
    this.fx = fx;
    this.token = token;
  }

  /** Calls as {@code org} with a token holding {@code scopes} (from a fresh admin client). */
  static SelfServiceApi as(LocalFixture fx, OrgNumber org, Scope... scopes) {
    return new SelfServiceApi(fx, fx.accessToken(fx.client().org(org).scopes(scopes).register()));
  }

  /** Calls as {@code org} with every self-service scope. */
  static SelfServiceApi admin(LocalFixture fx, OrgNumber org) {
    return as(fx, org, Scope.DCR_READ, Scope.DCR_WRITE, Scope.DCR_MODIFY);
  }

  /** Calls with the raw {@code Authorization} value {@code token} (for 401 tests). */
  static SelfServiceApi withToken(LocalFixture fx, String token) {
    return new SelfServiceApi(fx, token);
  }

  Answer get(String path) {
    return fx.send(request(path).GET());
  }

  Answer delete(String path) {
    return fx.send(request(path).DELETE());
  }

  Answer post(String path, Object body) {
    return post(path, body, "application/json");
  }

  Answer post(String path, Object body, String contentType) {
    return fx.send(request(path).header("Content-Type", contentType).POST(body(body)));
  }

  Answer put(String path, Object body) {
    return fx.send(request(path).header("Content-Type", "application/json").PUT(body(body)));
  }

  /** Creates a client from {@code body} and returns its client_id, failing on refusal. */
  String create(Object body) {
    Answer answer = post("/clients", body);
    if (answer.status() != 200) {
      throw new AssertionError("create refused: " + answer.body());
    }
    return answer.json().get("client_id").asText();
  }

  /** A KRR client, the shape Digdir's KRR page describes. */
  static ObjectNode krrClient() {
    return object(
        Map.of("integration_type", "krr", "client_name", "oppslag", "description", "KRR"));
  }

  /** A Maskinporten client with one scope. */
  static ObjectNode maskinportenClient() {
    ObjectNode client = object(Map.of("integration_type", "maskinporten", "client_name", "mp"));
    client.putArray("scopes").add("difitest:api3");
    return client;
  }

  /** A fresh RSA key pair for RS256 with a unique kid. */
  static RSAKey newKey(int bits) {
    try {
      // The JDK's generator, since Nimbus's refuses sizes below 2048 and tests need them.
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      KeyPair pair = generator.generateKeyPair();
      return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
          .privateKey((RSAPrivateKey) pair.getPrivate())
          .keyID("test-" + UUID.randomUUID())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .build();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot generate a test key", e);
    }
  }

  /** The public JWK of {@code key} as a JSON object. */
  static ObjectNode publicJwk(RSAKey key) {
    return parse(key.toPublicJWK().toJSONString());
  }

  /** {@code {"keys":[…]}}. */
  static ObjectNode jwks(ObjectNode... keys) {
    ObjectNode set = JSON.createObjectNode();
    ArrayNode array = set.putArray("keys");
    for (ObjectNode key : keys) {
      array.add(key);
    }
    return set;
  }

  static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode object(Map<String, String> fields) {
    ObjectNode node = JSON.createObjectNode();
    fields.forEach(node::put);
    return node;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(fx.krrLocal().selfServiceUrl() + "/api/v1" + path));
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  private static HttpRequest.BodyPublisher body(Object body) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      return HttpRequest.BodyPublishers.ofString(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
