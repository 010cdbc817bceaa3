package io.krrkit.local.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.krrkit.core.Scope;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.Race;
import io.krrkit.local.internal.store.StoreEngine;
import io.krrkit.local.internal.web.http.WebVisitor;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The key rules under concurrent writes, over HTTP on each engine (spec.md#client-keys): {@code
 * POST /clients/{id}/jwks} replaces the whole set and the web page's "add key" adds one, and
 * however they interleave a client holds at most five keys and the set is what some order of the
 * writes one after another would leave.
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class KeySetRaceTest {
  private static final int RACERS = 6;
  // Kids must be unique, moduli need not: three key pairs give every key of every trial.
  private static final List<RSAKey> PAIRS = IntStream.range(0, 3).mapToObj(i -> newPair()).toList();

  static LocalFixture fx;
  static WebVisitor web;

  @Parameter StoreEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(StoreEngine engine) {
    fx = LocalFixture.start(engine.emulator().seedPersons(0));
    web = WebVisitor.logIn(fx);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    fx.close();
  }

  @Test
  void concurrentUploadsEachReplaceTheWholeSet() {
    List<String> violations = new ArrayList<>();
    int trials = Race.trials();
    for (int trial = 0; trial < trials; trial++) {
      String token = token();
      String id = createClient(token);
      List<List<String>> sets = IntStream.range(0, RACERS).mapToObj(i -> kids(i % 5 + 1)).toList();

      List<Answer> answers = Race.run(RACERS, i -> upload(token, id, sets.get(i)));

      Set<String> held = held(token, id);
      boolean allAccepted = answers.stream().allMatch(a -> a.status() == 200);
      if (!allAccepted || sets.stream().noneMatch(s -> held.equals(Set.copyOf(s)))) {
        violations.add(trial(trial, answers, held));
      }
    }

    assertThat(violations).as("%d of %d trials on %s", violations.size(), trials, engine).isEmpty();
  }

  @Test
  void uploadsAndWebAddsTogetherKeepAtMostFiveKeys() {
    List<String> violations = new ArrayList<>();
    int trials = Race.trials();
    for (int trial = 0; trial < trials; trial++) {
      String token = token();
      String id = createClient(token);
      upload(token, id, kids(4));
      // Even racers upload sets of 3, 4 and 5 keys; odd racers add one key on the web page.
      List<List<String>> sets =
          IntStream.range(0, RACERS).mapToObj(i -> kids(i % 2 == 0 ? 3 + i / 2 : 1)).toList();

      List<Answer> answers =
          Race.run(
              RACERS,
              i -> i % 2 == 0 ? upload(token, id, sets.get(i)) : webAdd(id, sets.get(i).get(0)));

      Set<String> held = held(token, id);
      Set<String> webAdded = new HashSet<>();
      boolean answeredWell = true;
      for (int i = 0; i < RACERS; i++) {
        int status = answers.get(i).status();
        if (i % 2 == 0) {
          answeredWell &= status == 200;
        } else if (status == 303) {
          webAdded.add(sets.get(i).get(0));
        } else {
          answeredWell &= status == 400; // refused: the integration holds five keys already
        }
      }
      // Serial order: the last upload's set, then the web adds after it that still had room.
      boolean serial =
          IntStream.range(0, RACERS)
              .filter(i -> i % 2 == 0)
              .mapToObj(sets::get)
              .anyMatch(s -> held.containsAll(s) && webAdded.containsAll(minus(held, s)));
      if (held.size() > KeyRing.MAX_KEYS || !answeredWell || !serial) {
        violations.add(trial(trial, answers, held));
      }
    }

    assertThat(violations).as("%d of %d trials on %s", violations.size(), trials, engine).isEmpty();
  }

  @Test
  void concurrentWebAddsStopAtFiveKeys() {
    int racers = KeyRing.MAX_KEYS + 2;
    List<String> violations = new ArrayList<>();
    int trials = Race.trials();
    for (int trial = 0; trial < trials; trial++) {
      String token = token();
      String id = createClient(token);
      List<String> kids = kids(racers);

      List<Answer> answers = Race.run(racers, i -> webAdd(id, kids.get(i)));

      Set<String> held = held(token, id);
      Set<String> added =
          IntStream.range(0, racers)
              .filter(i -> answers.get(i).status() == 303)
              .mapToObj(kids::get)
              .collect(Collectors.toSet());
      boolean answeredWell = answers.stream().allMatch(a -> a.status() == 303 || a.status() == 400);
      if (held.size() > KeyRing.MAX_KEYS || !held.equals(added) || !answeredWell) {
        violations.add(trial(trial, answers, held));
      }
    }

    assertThat(violations).as("%d of %d trials on %s", violations.size(), trials, engine).isEmpty();
  }

  private static String token() {
    return fx.accessToken(Scope.DCR_READ, Scope.DCR_WRITE, Scope.DCR_MODIFY);
  }

  private static String createClient(String token) {
    Answer created =
        api(token, "/clients", "{\"integration_type\":\"krr\",\"client_name\":\"race\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return created.json().get("client_id").asText();
  }

  private static Answer upload(String token, String clientId, List<String> kids) {
    String keys = kids.stream().map(KeySetRaceTest::publicJwk).collect(Collectors.joining(","));
    return api(token, "/clients/" + clientId + "/jwks", "{\"keys\":[" + keys + "]}");
  }

  private static Answer webAdd(String clientId, String kid) {
    return web.postForm("/integrasjoner/" + clientId + "/nokler", Map.of("key", publicJwk(kid)));
  }

  private static Set<String> held(String token, String clientId) {
    Answer answer = api(token, "/clients/" + clientId + "/jwks", null);
    Set<String> kids = new HashSet<>();
    for (JsonNode key : answer.json().path("keys")) {
      kids.add(key.get("kid").asText());
    }
    return kids;
  }

  private static Answer api(String token, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(fx.krrLocal().selfServiceUrl() + "/api/v1" + path))
            .header("Authorization", "Bearer " + token);
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.POST(HttpRequest.BodyPublishers.ofString(body));
    }
    return fx.send(request);
  }

  private static List<String> kids(int count) {
    return IntStream.range(0, count).mapToObj(i -> "race-" + UUID.randomUUID()).toList();
  }

  private static String publicJwk(String kid) {
    RSAKey pair = PAIRS.get(Math.floorMod(kid.hashCode(), PAIRS.size()));
    return new RSAKey.Builder(pair.getModulus(), pair.getPublicExponent())
        .keyID(kid)
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.RS256)
        .build()
        .toJSONString();
  }

  private static Set<String> minus(Set<String> held, List<String> set) {
    Set<String> rest = new HashSet<>(held);
    set.forEach(rest::remove);
    return rest;
  }

  private static String trial(int trial, List<Answer> answers, Set<String> held) {
    return "trial "
        + trial
        + ": statuses "
        + answers.stream().map(Answer::status).toList()
        + ", "
        + held.size()
        + " keys held";
  }

  private static RSAKey newPair() {
    try {
      return new RSAKeyGenerator(2048).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a test key", e);
    }
  }
}
