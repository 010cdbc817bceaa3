package io.krrkit.local.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.Bootstrap;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The calls the state tests make over HTTP: the self-service API as the bootstrap client, the
 * operator API, and state archives as zip files. A thin layer on {@link LocalFixture}.
 */
final class StateCalls {
  static final ObjectMapper JSON = new ObjectMapper();

  private final LocalFixture fx;

  StateCalls(LocalFixture fx) {
    this.fx = fx;
  }

  /** The bootstrap client with the self-service scopes it holds. */
  TestClient bootstrap() {
    Bootstrap b = fx.krrLocal().bootstrap();
    try {
      return new TestClient(
          b.clientId(),
          b.kid(),
          RSAKey.parse(b.privateJwk()),
          OrgNumber.of(b.orgno()),
          Set.of(
              Scope.DCR_READ,
              Scope.DCR_WRITE,
              Scope.DCR_MODIFY,
              Scope.DCR_ONBEHALFOF_WRITE,
              Scope.SCOPES_WRITE));
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code method} on the self-service API with {@code token}; the body is JSON or none. */
  Answer selfService(String token, String method, String path, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(fx.krrLocal().selfServiceUrl() + "/api/v1" + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, publisher(body));
    return fx.send(request);
  }

  /** {@code method} on the operator API; the body is JSON or none. */
  Answer admin(String method, String path, Object body) {
    return fx.send(
        HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + path))
            .header("Content-Type", "application/json")
            .method(method, publisher(body)));
  }

  /** {@code GET /admin/state}: the archive's files by name. */
  Map<String, String> export(String query) {
    HttpResponse<byte[]> response = bytes(HttpRequest.newBuilder(stateUri(query)).GET());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "export answered " + response.statusCode() + ": " + new String(response.body()));
    }
    return unzip(response.body());
  }

  /** {@code POST /admin/state?query} with {@code files} zipped. */
  Answer load(Map<String, String> files, String query) {
    return fx.send(
        HttpRequest.newBuilder(stateUri(query))
            .header("Content-Type", "application/zip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(zip(files))));
  }

  private URI stateUri(String query) {
    return URI.create(
        fx.krrLocal().baseUrl() + "/admin/state" + (query.isEmpty() ? "" : "?" + query));
  }

  private HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
    try {
      return fx.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> unzip(byte[] zip) {
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  static byte[] zip(Map<String, String> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        out.putNextEntry(new ZipEntry(file.getKey()));
        out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh RSA 2048 key for RS256 with a unique kid. */
  static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID("state-" + UUID.randomUUID())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.BodyPublisher publisher(Object body) {
    if (body == null) {
      return HttpRequest.BodyPublishers.noBody();
    }
    try {
      return HttpRequest.BodyPublishers.ofString(
          body instanceof String s ? s : JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
