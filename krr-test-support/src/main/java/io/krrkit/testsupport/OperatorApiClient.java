package io.krrkit.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The emulator's operator API ({@code /admin/…}) over HTTP, for an emulator in a container or
 * another process: {@link #faults()} ({@code /admin/faults}) and {@link #journal()} ({@code
 * /admin/journal}), the same {@link Faults} and {@link RequestVerifier} as krr-junit's in-process
 * ones. krr-testcontainers' {@code KrrLocalContainer} uses it.
 *
 * <pre>{@code
 * OperatorApiClient api = new OperatorApiClient("http://localhost:7070", operatorToken);
 * api.faults().on(FaultEndpoint.TOKEN).status(503).times(1).add();
 * RequestVerifier.of(api.journal()).tokenRequests().status(503).times(1);
 * }</pre>
 */
public final class OperatorApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String baseUrl;
  private final String token;
  private final HttpClient http;

  /**
   * The operator API of the emulator at {@code baseUrl} ({@code http://host:port}).
   *
   * @param token the operator token ({@code KRR_LOCAL_OPERATOR_TOKEN}), or {@code null} where the
   *     emulator asks for none
   */
  public OperatorApiClient(String baseUrl, String token) {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /** Fault injection through {@code /admin/faults}. */
  public Faults faults() {
    return new Faults(new HttpFaults());
  }

  /** The request journal through {@code /admin/journal}. */
  public JournalSource journal() {
    return new HttpJournal();
  }

  /**
   * Sends {@code method} to {@code path} (such as {@code /admin/reset}) with a JSON body or none.
   *
   * @return the answer's body
   * @throws IllegalArgumentException when the emulator answers 400, with its message
   * @throws IllegalStateException for any other answer but 2xx
   * @throws UncheckedIOException when the emulator does not answer
   */
  public String send(String method, String path, String json) {
    HttpResponse<String> response = exchange(method, path, json);
    int status = response.statusCode();
    if (status / 100 == 2) {
      return response.body();
    }
    String message = errorDescription(response.body());
    if (status == 400) {
      throw new IllegalArgumentException(message);
    }
    throw new IllegalStateException(
        "the operator API answered " + status + " to " + method + " " + path + ": " + message);
  }

  private HttpResponse<String> exchange(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(TIMEOUT)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the operator API at " + baseUrl + " did not answer " + method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling the operator API", e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("the operator API answered something that is not JSON");
    }
  }

  private static String errorDescription(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      String description = node == null ? "" : node.path("error_description").asText("");
      return description.isEmpty() ? "(no error description)" : description;
    } catch (IOException e) {
      return "(no error description)";
    }
  }

  /** {@code /admin/faults}: a rule as its JSON, the rules from theirs. */
  private final class HttpFaults implements Faults.Backend {
    @Override
    public String add(Faults.Spec rule) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("endpoint", rule.endpoint().wireName());
      putIfSet(json, "status", rule.status());
      putIfSet(json, "connection", rule.connection());
      putIfSet(json, "sequence", rule.sequence());
      putIfSet(json, "retry_after", rule.retryAfter());
      putIfSet(json, "latency", rule.latency());
      putIfSet(json, "jitter", rule.jitter());
      putIfSet(json, "hold", rule.hold());
      putIfSet(json, "times", rule.times());
      putIfSet(json, "probability", rule.probability());
      putIfSet(json, "seed", rule.seed());
      putIfSet(json, "from", rule.from());
      putIfSet(json, "until", rule.until());
      String body;
      try {
        body = JSON.writeValueAsString(json);
      } catch (IOException e) {
        throw new IllegalStateException("a fault rule could not be written as JSON", e);
      }
      return read(send("POST", "/admin/faults", body)).path("id").asText();
    }

    @Override
    public List<Faults.Rule> rules() {
      List<Faults.Rule> rules = new ArrayList<>();
      for (JsonNode rule : read(send("GET", "/admin/faults", null)).path("rules")) {
        rules.add(rule(rule));
      }
      return List.copyOf(rules);
    }

    @Override
    public int applied(String id) {
      HttpResponse<String> response = exchange("GET", "/admin/faults/" + encoded(id), null);
      if (response.statusCode() == 404) {
        return -1;
      }
      if (response.statusCode() != 200) {
        send("GET", "/admin/faults/" + encoded(id), null); // throws with the emulator's message
      }
      return read(response.body()).path("applied").asInt();
    }

    @Override
    public boolean remove(String id) {
      HttpResponse<String> response = exchange("DELETE", "/admin/faults/" + encoded(id), null);
      if (response.statusCode() == 404) {
        return false;
      }
      if (response.statusCode() != 204) {
        send("DELETE", "/admin/faults/" + encoded(id), null);
      }
      return true;
    }

    @Override
    public void clear() {
      send("DELETE", "/admin/faults", null);
    }

    private static Faults.Rule rule(JsonNode rule) {
      JsonNode remaining = rule.path("remaining");
      return new Faults.Rule(
          rule.path("id").asText(),
          FaultEndpoint.fromWireName(rule.path("endpoint").asText()),
          rule.path("applied").asInt(),
          remaining.isNumber() ? remaining.asInt() : -1,
          rule.path("exhausted").asBoolean());
    }

    private static void putIfSet(Map<String, Object> json, String field, Object value) {
      if (value != null) {
        json.put(field, value instanceof Duration || value instanceof Instant ? "" + value : value);
      }
    }

    private static String encoded(String id) {
      return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** {@code /admin/journal}: every entry the journal holds, in one or two requests. */
  private final class HttpJournal implements JournalSource {
    @Override
    public List<JournalEntry> entries() {
      JsonNode page = read(send("GET", "/admin/journal", null));
      int count = page.path("count").asInt();
      if (count > page.path("entries").size()) {
        int limit = Math.min(count, page.path("capacity").asInt(count));
        page = read(send("GET", "/admin/journal?limit=" + limit, null));
      }
      List<JournalEntry> entries = new ArrayList<>();
      for (JsonNode entry : page.path("entries")) {
        entries.add(entry(entry));
      }
      return List.copyOf(entries);
    }

    @Override
    public void clear() {
      send("DELETE", "/admin/journal", null);
    }

    private static JournalEntry entry(JsonNode json) {
      Map<String, String> details = new LinkedHashMap<>();
      json.path("details")
          .fields()
          .forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
      return new JournalEntry(
          json.path("sequence").asLong(),
          Instant.parse(json.path("time").asText()),
          json.path("service").asText(),
          json.path("method").asText(),
          json.path("path").asText(),
          json.path("status").asInt(),
          Duration.ofNanos(Math.round(json.path("duration_ms").asDouble() * 1_000_000)),
          text(json, "client_id"),
          text(json, "scope"),
          text(json, "trace_id"),
          details);
    }

    private static String text(JsonNode json, String field) {
      JsonNode value = json.get(field);
      return value == null || value.isNull() ? null : value.asText();
    }
  }
}
