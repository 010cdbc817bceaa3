package io.krrkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.krr.synthetic.SyntheticPerson;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import io.krrkit.maskinporten.JwtGrant;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import io.krrkit.maskinporten.TokenRequest;
import io.krrkit.selfservice.ClientKey;
import io.krrkit.selfservice.ClientRequest;
import io.krrkit.selfservice.SelfServiceClient;
import io.krrkit.selfservice.SelfServiceEnvironment;
import io.krrkit.selfservice.SelfServiceErrorException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The soak: a mixed load at about half of the measured capacity against a running {@code krr serve}
 * process, sampling that process's memory, threads and file descriptors, and printing a table and
 * the memory slope at the end. Started by {@code bench/soak.sh}; a benchmark, not a test.
 *
 * <p>The mix: {@code /token} with a fresh grant (every 50th call replays the last good grant and
 * must get MP-012), {@code /rest/v2/personer} with 1000 seeded persons (every 50th call sends an id
 * of 10 digits and must get 400), and self-service write cycles (create a KRR client, replace its
 * key set with two keys, rename it, delete it; every 10th cycle also tries six keys and must get
 * 400). Only answers other than those count as errors.
 */
public final class Soak {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 1000;

  private final String url;
  private final Path bootstrap;
  private final long pid;
  private final Duration duration;
  private final Duration sample;
  private final double tokenRate;
  private final double lookupRate;
  private final double writeRate;
  private final int persons;
  private final long seed;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private Soak(String[] args) {
    url = LoadGenerator.stringOption(args, "--url", "http://localhost:7171");
    bootstrap = Path.of(LoadGenerator.stringOption(args, "--bootstrap", "bootstrap.json"));
    pid = Long.parseLong(LoadGenerator.stringOption(args, "--pid", "0"));
    duration = parseDuration(LoadGenerator.stringOption(args, "--duration", "2m"));
    Duration fallbackSample = duration.dividedBy(20);
    sample =
        parseDuration(
            LoadGenerator.stringOption(
                args,
                "--sample",
                fallbackSample.getSeconds() < 10 ? "10s" : fallbackSample.getSeconds() + "s"));
    tokenRate = Double.parseDouble(LoadGenerator.stringOption(args, "--token-rate", "200"));
    lookupRate = Double.parseDouble(LoadGenerator.stringOption(args, "--lookup-rate", "15"));
    writeRate = Double.parseDouble(LoadGenerator.stringOption(args, "--write-rate", "2"));
    persons = LoadGenerator.intOption(args, "--persons", 100_000);
    seed = Long.parseLong(LoadGenerator.stringOption(args, "--seed", "1"));
  }

  /** {@code soak --pid N --url U --bootstrap F --duration 2m [--sample 10s] [--token-rate R] …}. */
  public static void main(String[] args) throws Exception {
    new Soak(args).run();
  }

  /** {@code 90s}, {@code 2m}, {@code 1h}, or plain seconds. */
  static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    char unit = t.charAt(t.length() - 1);
    if (Character.isDigit(unit)) {
      return Duration.ofSeconds(Long.parseLong(t));
    }
    long n = Long.parseLong(t.substring(0, t.length() - 1));
    return switch (unit) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> throw new IllegalArgumentException("a duration like 90s, 2m or 1h: " + text);
    };
  }

  private void run() throws Exception {
    if (pid <= 0) {
      throw new IllegalArgumentException("--pid of the krr serve process is required");
    }
    ProcessProbe probe = new ProcessProbe(pid);
    JsonNode b = JSON.readTree(Files.readString(bootstrap));
    String issuer = b.get("issuer").asText();
    SelfServiceClient selfService =
        SelfServiceClient.builder()
            .environment(SelfServiceEnvironment.custom(url + "/selvbetjening"))
            .maskinporten(
                client(
                    issuer,
                    b.get("client_id").asText(),
                    RSAKey.parse(b.get("private_jwk").toString())))
            .build();
    RSAKey key = new RSAKeyGenerator(2048).keyID("soak-key").generate();
    String clientId = selfService.createClient(ClientRequest.krr("soak").build()).clientId();
    selfService.uploadKey(clientId, key);
    List<RSAKey> uploadKeys = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      uploadKeys.add(new RSAKeyGenerator(2048).generate());
    }
    List<PacedLoad> loads =
        List.of(
            new PacedLoad("token", tokenRate, 16, tokenAction(issuer, clientId, key)),
            new PacedLoad(
                "lookup",
                lookupRate,
                6,
                lookupAction(
                    client(issuer, clientId, key), lookupBodies(), url + "/kontaktregisteret")),
            new PacedLoad("writes", writeRate, 4, writeAction(selfService, uploadKeys)));
    System.out.printf(
        Locale.ROOT,
        "soak: %s against pid %d at %s: token %.0f/s, lookup %.0f/s x %d persons, self-service"
            + " write cycles %.1f/s; a sample (full GC in the server) every %d s%n",
        duration,
        pid,
        url,
        tokenRate,
        lookupRate,
        BATCH,
        writeRate,
        sample.getSeconds());
    new SoakReport(probe, loads, duration, sample).run();
  }

  private static MaskinportenClient client(String issuer, String clientId, RSAKey key) {
    return MaskinportenClient.builder()
        .environment(MaskinportenEnvironment.custom(issuer))
        .clientId(clientId)
        .signingKey(key)
        .build();
  }

  private PacedLoad.Action tokenAction(String issuer, String clientId, RSAKey key) {
    URI tokenUri = URI.create(issuer + "token");
    AtomicReference<String> lastGood = new AtomicReference<>();
    return n -> {
      String replay = n % 50 == 49 ? lastGood.get() : null;
      String form = replay != null ? replay : tokenForm(issuer, clientId, key);
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(tokenUri)
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (replay != null) {
        if (r.statusCode() == 400 && r.body().contains("MP-012")) {
          return PacedLoad.Result.refused(1);
        }
        throw new PacedLoad.UnexpectedAnswer("token replay " + r.statusCode());
      }
      if (r.statusCode() != 200) {
        throw new PacedLoad.UnexpectedAnswer("token " + r.statusCode());
      }
      lastGood.set(form);
      return PacedLoad.Result.ok(1);
    };
  }

  private static String tokenForm(String issuer, String clientId, RSAKey key) throws Exception {
    String grant =
        JwtGrant.builder()
            .audience(issuer)
            .issuer(clientId)
            .scope(Scope.KRR_KONTAKTINFORMASJON_READ)
            .build()
            .sign(key);
    return "grant_type="
        + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
        + "&assertion="
        + grant;
  }

  private PacedLoad.Action lookupAction(
      MaskinportenClient maskinporten, List<String> bodies, String krr) {
    URI personer = URI.create(krr + "/rest/v2/personer");
    TokenRequest scopes =
        TokenRequest.of(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ);
    return n -> {
      boolean refusal = n % 50 == 49;
      String body =
          refusal
              ? "{\"personidentifikatorer\":[\"1234567890\"]}"
              : bodies.get((int) (n % bodies.size()));
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(personer)
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .header("Authorization", maskinporten.getToken(scopes).authorizationHeader())
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      int expected = refusal ? 400 : 200;
      if (r.statusCode() != expected) {
        throw new PacedLoad.UnexpectedAnswer(
            (refusal ? "lookup bad id " : "lookup ") + r.statusCode());
      }
      return refusal ? PacedLoad.Result.refused(1) : PacedLoad.Result.ok(1);
    };
  }

  /** Bodies of 1000 registered persons each, drawn as the server's generator drew them. */
  private List<String> lookupBodies() {
    List<String> ids =
        new SyntheticRegister(seed, Shares.DEFAULT, Clock.systemUTC().instant())
            .population(persons)
            .filter(SyntheticPerson::isRegistered)
            .map(p -> p.personidentifikator().value())
            .toList();
    List<String> bodies = new ArrayList<>();
    for (int from = 0; from + BATCH <= ids.size(); from += BATCH) {
      bodies.add(
          "{\"personidentifikatorer\":[\""
              + String.join("\",\"", ids.subList(from, from + BATCH))
              + "\"]}");
    }
    return bodies;
  }

  /** One write cycle: create, replace the key set, rename, (every 10th: six keys), delete. */
  private static PacedLoad.Action writeAction(SelfServiceClient selfService, List<RSAKey> keys) {
    return n -> {
      try {
        return writeCycle(selfService, keys, n);
      } catch (SelfServiceErrorException e) {
        throw new PacedLoad.UnexpectedAnswer("writes " + e.status());
      }
    };
  }

  private static PacedLoad.Result writeCycle(
      SelfServiceClient selfService, List<RSAKey> keys, long n) throws PacedLoad.UnexpectedAnswer {
    String id = selfService.createClient(ClientRequest.krr("soak " + n).build()).clientId();
    selfService.uploadKeys(id, List.of(publicKey(keys.get(0), n, 0), publicKey(keys.get(1), n, 1)));
    selfService.updateClient(id, ClientRequest.krr("soak " + n + " renamed").build());
    boolean refusal = n % 10 == 9;
    if (refusal) {
      List<ClientKey> six = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        six.add(publicKey(keys.get(i), n, i));
      }
      try {
        selfService.uploadKeys(id, six);
        throw new PacedLoad.UnexpectedAnswer("six keys accepted");
      } catch (SelfServiceErrorException e) {
        if (e.status() != 400) {
          throw new PacedLoad.UnexpectedAnswer("six keys " + e.status());
        }
      }
    }
    selfService.deleteClient(id);
    return refusal ? PacedLoad.Result.refused(5) : PacedLoad.Result.ok(4);
  }

  /** A key's public part under a kid of its own (kids are unique across all clients). */
  private static ClientKey publicKey(RSAKey key, long cycle, int index) {
    return ClientKey.of(
        new RSAKey.Builder(key.toPublicJWK()).keyID("soak-" + cycle + "-" + index).build());
  }
}
