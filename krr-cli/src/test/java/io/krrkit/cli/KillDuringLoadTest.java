package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krrkit.core.Personidentifikator;
import io.krrkit.local.internal.store.FreshStore;
import io.krrkit.local.internal.store.StoreEngine;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills a real {@code krr serve} process with {@code kill -9} in the middle of a mixed write load,
 * restarts it on the same store, and checks that every write it acknowledged (2xx) is there:
 * clients and keys (self-service API), persons (operator API), and every used grant ({@code jti}),
 * which must be refused as a replay (MP-012). Several rounds on each engine: H2 file ({@code
 * --data}) and PostgreSQL ({@code --db}). {@code -Dkrr.killTest.rounds=N} and {@code
 * -Dkrr.killTest.loadMillis=MS} run it longer.
 */
class KillDuringLoadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROUNDS = Integer.getInteger("krr.killTest.rounds", 3);
  private static final long LOAD_MILLIS = Long.getLong("krr.killTest.loadMillis", 3000);
  private static final int THREADS = 4;
  private static final String SCOPES = "idporten:dcr.read idporten:dcr.write idporten:dcr.modify";
  private static final AtomicInteger PERSON_NUMBER = new AtomicInteger();

  @TempDir Path temp;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> persons = new ConcurrentHashMap<>(); // id -> e-mail
  private final Queue<String> clients = new ConcurrentLinkedQueue<>();
  private final Map<String, String> keys = new ConcurrentHashMap<>(); // kid -> client id
  private final Queue<String> grants = new ConcurrentLinkedQueue<>();
  private final AtomicLong refused = new AtomicLong();
  private final Queue<String> samples = new ConcurrentLinkedQueue<>();
  private java.security.interfaces.RSAPublicKey uploadKey;

  @ParameterizedTest
  @EnumSource(StoreEngine.class)
  void everyAcknowledgedWriteAndUsedGrantSurvivesKill9(StoreEngine engine) throws Exception {
    uploadKey = new RSAKeyGenerator(2048).generate().toRSAPublicKey();
    List<String> store = storeArgs(engine);
    Random random = new Random();
    long lost = 0;
    long replayed = 0;
    long acknowledged = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      EmulatorProcess node = start(store, round);
      Counts checked = verify(node);
      lost += checked.lost;
      replayed += checked.replayed;
      clear();
      runLoadAndKill(node, 1000 + random.nextInt((int) Math.max(1, LOAD_MILLIS - 1000)));
      acknowledged += persons.size() + clients.size() + keys.size() + grants.size();
    }
    EmulatorProcess last = start(store, ROUNDS + 1);
    try {
      Counts checked = verify(last);
      lost += checked.lost;
      replayed += checked.replayed;
    } finally {
      last.kill9();
    }
    System.out.printf(
        "KillDuringLoadTest %s: %d rounds, %d writes and grants acknowledged, %d lost, %d grants"
            + " replayed, %d refused%n",
        engine, ROUNDS, acknowledged, lost, replayed, refused.get());
    assertThat(acknowledged).as("the load made writes").isGreaterThan(ROUNDS * 20L);
    assertThat(samples).as("unexpected answers").isEmpty();
    assertThat(lost).as("acknowledged writes lost after kill -9").isZero();
    assertThat(replayed).as("used grants accepted again after kill -9").isZero();
  }

  private List<String> storeArgs(StoreEngine engine) {
    // One port for every round: the issuer (and so the grants' aud) stays the same.
    String port = Integer.toString(EmulatorProcess.freePort());
    List<String> args =
        new ArrayList<>(List.of("--port", port, "--admin", "--seed-persons", "200"));
    args.addAll(List.of("--bootstrap-out", temp.resolve("bootstrap.json").toString()));
    if (engine == StoreEngine.H2) {
      args.addAll(List.of("--data", temp.resolve("data").toString()));
    } else {
      FreshStore db = engine.freshStore();
      args.addAll(List.of("--db", db.url(), "--db-user", db.user()));
    }
    return args;
  }

  private EmulatorProcess start(List<String> store, int round) {
    return EmulatorProcess.start(temp.resolve("serve-" + round + ".log"), store);
  }

  private void clear() {
    persons.clear();
    clients.clear();
    keys.clear();
    grants.clear();
  }

  private void runLoadAndKill(EmulatorProcess node, long killAfterMillis) throws Exception {
    JsonNode bootstrap = JSON.readTree(Files.readString(temp.resolve("bootstrap.json")));
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      Thread t = new Thread(() -> load(node, bootstrap), "load-" + i);
      t.start();
      threads.add(t);
    }
    // The kill moment is what is random here: killed then, unless the node died before it.
    node.waitForExit(killAfterMillis);
    node.kill9();
    for (Thread t : threads) {
      t.join(30_000);
    }
  }

  /** Writes until the emulator dies; records each write it acknowledged. */
  private void load(EmulatorProcess node, JsonNode bootstrap) {
    String token = null;
    String keyless = null;
    String api = node.baseUrl() + "/selvbetjening/api/v1";
    try {
      for (int n = 0; ; n++) {
        switch (n % 4) {
          case 0 -> token = grant(node, bootstrap);
          case 1 -> keyless = createClient(api, token);
          case 2 -> {
            if (keyless != null) {
              uploadKey(api, token, keyless);
              keyless = null;
            }
          }
          default -> putPerson(node);
        }
      }
    } catch (IOException e) {
      // killed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String grant(EmulatorProcess node, JsonNode bootstrap)
      throws IOException, InterruptedException {
    String assertion = assertion(node.issuer(), bootstrap);
    HttpResponse<String> answer = postToken(node, assertion);
    if (answer.statusCode() != 200) {
      refuse("token", answer);
      return null;
    }
    grants.add(assertion);
    return JSON.readTree(answer.body()).get("access_token").asText();
  }

  private String createClient(String api, String token) throws IOException, InterruptedException {
    if (token == null) {
      return null;
    }
    String body = "{\"integration_type\":\"krr\",\"client_name\":\"kill\",\"description\":\"KRR\"}";
    HttpResponse<String> answer = send("POST", api + "/clients", token, body);
    if (answer.statusCode() / 100 != 2) {
      refuse("client", answer);
      return null;
    }
    String id = JSON.readTree(answer.body()).get("client_id").asText();
    clients.add(id);
    return id;
  }

  private void uploadKey(String api, String token, String clientId)
      throws IOException, InterruptedException {
    String kid = "kill-" + UUID.randomUUID();
    String jwk =
        new RSAKey.Builder(uploadKey)
            .keyID(kid)
            .algorithm(JWSAlgorithm.RS256)
            .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
            .build()
            .toJSONString();
    HttpResponse<String> answer =
        send("POST", api + "/clients/" + clientId + "/jwks", token, "{\"keys\":[" + jwk + "]}");
    if (answer.statusCode() / 100 != 2) {
      refuse("jwks", answer);
      return;
    }
    keys.put(kid, clientId);
  }

  private void putPerson(EmulatorProcess node) throws IOException, InterruptedException {
    String id = nextPerson();
    String email = "p" + id.substring(6) + "-" + UUID.randomUUID() + "@example.com";
    String body =
        "{\"kontaktinformasjon\":{\"epostadresse\":\""
            + email
            + "\",\"epostadresse_oppdatert\":\"2024-06-01T12:00:00+02:00\"}}";
    HttpResponse<String> answer = send("PUT", node.baseUrl() + "/admin/persons/" + id, null, body);
    if (answer.statusCode() / 100 != 2) {
      refuse("person", answer);
      return;
    }
    persons.put(id, email);
  }

  /** Checks the writes and grants of the last round on a restarted node. */
  private Counts verify(EmulatorProcess node) throws Exception {
    JsonNode bootstrap = JSON.readTree(Files.readString(temp.resolve("bootstrap.json")));
    String token = grant(node, bootstrap);
    String api = node.baseUrl() + "/selvbetjening/api/v1";
    long lost = 0;
    for (Map.Entry<String, String> person : persons.entrySet()) {
      HttpResponse<String> answer =
          send("GET", node.baseUrl() + "/admin/persons/" + person.getKey(), null, null);
      if (answer.statusCode() != 200 || !answer.body().contains(person.getValue())) {
        lost++;
      }
    }
    for (String client : clients) {
      if (send("GET", api + "/clients/" + client, token, null).statusCode() != 200) {
        lost++;
      }
    }
    for (Map.Entry<String, String> key : keys.entrySet()) {
      HttpResponse<String> answer =
          send("GET", api + "/clients/" + key.getValue() + "/jwks", token, null);
      if (answer.statusCode() != 200 || !answer.body().contains(key.getKey())) {
        lost++;
      }
    }
    long replayed = 0;
    for (String assertion : grants) {
      HttpResponse<String> answer = postToken(node, assertion);
      if (answer.statusCode() != 400 || !answer.body().contains("MP-012")) {
        samples.add("replay " + answer.statusCode() + " " + answer.body());
        replayed++;
      }
    }
    return new Counts(lost, replayed);
  }

  private void refuse(String what, HttpResponse<String> answer) {
    refused.incrementAndGet();
    if (samples.size() < 5) {
      String body = answer.body();
      samples.add(
          what + " " + answer.statusCode() + " " + body.substring(0, Math.min(300, body.length())));
    }
  }

  private record Counts(long lost, long replayed) {}

  private HttpResponse<String> postToken(EmulatorProcess node, String assertion)
      throws IOException, InterruptedException {
    String form =
        "grant_type="
            + URLEncoder.encode(
                "urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
            + "&assertion="
            + assertion;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(node.issuer() + "token"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String url, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String assertion(String issuer, JsonNode bootstrap) {
    try {
      RSAKey key = RSAKey.parse(bootstrap.get("private_jwk").toString());
      Instant now = Instant.now();
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer(bootstrap.get("client_id").asText())
              .audience(issuer)
              .claim("scope", SCOPES)
              .issueTime(java.util.Date.from(now))
              .expirationTime(java.util.Date.from(now.plusSeconds(110)))
              .jwtID(UUID.randomUUID().toString())
              .build();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(bootstrap.get("kid").asText())
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign a grant", e);
    }
  }

  /** A synthetic (month + 80) identity number, new on each call. */
  private static String nextPerson() {
    while (true) {
      int n = PERSON_NUMBER.incrementAndGet();
      String firstNine =
          String.format("%02d%02d%02d%03d", 1 + n % 28, 81 + (n / 28) % 12, 90, (n / 336) % 1000);
      var id = Personidentifikator.withControlDigits(firstNine);
      if (id.isPresent()) {
        return id.get();
      }
    }
  }
}
