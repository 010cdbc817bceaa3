package io.krrkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * krr-local's operator API ({@code {base}/admin}, on with {@code krr serve --admin}) over HTTP:
 * JSON in, JSON out, refusals as {@link CliErrors.Failure} with the emulator's description.
 */
final class OperatorApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String base;
  // krr serve --operator-token: the same environment variable sends it on every call.
  private final String operatorToken = System.getenv("KRR_LOCAL_OPERATOR_TOKEN");
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** Talks to the emulator at {@code base} (no trailing slash). */
  OperatorApi(String base) {
    this.base = base;
  }

  /** {@code GET path}. */
  JsonNode get(String path) throws IOException, InterruptedException {
    return send("GET", path, null);
  }

  /** {@code method path} with {@code fields} as a JSON body. */
  JsonNode send(String method, String path, Map<String, ?> fields)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = newRequest(path);
    if (fields == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fields)));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return read(method, path, response);
  }

  /** {@code POST path} with {@code body} of {@code contentType}, answering JSON. */
  JsonNode post(String path, byte[] body, String contentType)
      throws IOException, InterruptedException {
    HttpRequest request =
        newRequest(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return read("POST", path, http.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  /** {@code DELETE path?fields} (query parameters, as every HTTP tool can send them). */
  JsonNode delete(String path, Map<String, String> fields)
      throws IOException, InterruptedException {
    String query =
        fields.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send("DELETE", path + "?" + query, null);
  }

  private static JsonNode read(String method, String path, HttpResponse<String> response) {
    return read(method, path, response.statusCode(), response.body());
  }

  private static JsonNode read(String method, String path, int status, String text) {
    JsonNode body = parse(text);
    if (status == 404 && body.path("error").isMissingNode()) {
      throw new CliErrors.Failure(
          ExitCode.SERVICE_ERROR,
          method
              + " "
              + path
              + " answered 404: start the emulator with the operator API ('krr serve --admin')");
    }
    if (status >= 300) {
      String description = body.path("error_description").asText("HTTP " + status);
      throw new CliErrors.Failure(ExitCode.SERVICE_ERROR, method + " " + path + ": " + description);
    }
    return body;
  }

  /**
   * {@code method path} with {@code fields} as a JSON body (or none when {@code null}), answering
   * the raw body: for files such as a PKCS#12 certificate or a PEM CA.
   */
  byte[] sendForBytes(String method, String path, Map<String, ?> fields)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = newRequest(path);
    request.method(
        method,
        fields == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fields)));
    if (fields != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() >= 300) {
      // Refusals are JSON: let read() turn them into the same failures as the JSON calls.
      read(
          method, path, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body();
  }

  private HttpRequest.Builder newRequest(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    if (operatorToken != null && !operatorToken.isBlank()) {
      request.header("Authorization", "Bearer " + operatorToken.trim());
    }
    return request;
  }

  private static JsonNode parse(String text) {
    try {
      return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }
}
