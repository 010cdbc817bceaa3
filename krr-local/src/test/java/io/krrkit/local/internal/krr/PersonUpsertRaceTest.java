package io.krrkit.local.internal.krr;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.Race;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import io.krrkit.local.internal.store.StoreEngine;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Eight operators {@code PUT /admin/persons/{id}} the same new person at once, on each engine: the
 * upsert is idempotent, so every one is answered 200 or 201 (never a 5xx), exactly one of them 201
 * Created, and the register holds the person once.
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class PersonUpsertRaceTest {
  private static final int RACERS = 8;
  private static final String PERSON = "/admin/persons/" + KnownPersons.NOT_REGISTERED.value();
  private static final String BODY =
      "{\"reservasjon\":\"NEI\",\"kontaktinformasjon\":{\"epostadresse\":\"kari@example.com\","
          + "\"epostadresse_oppdatert\":\"2024-06-01T12:00:00+02\"}}";

  static LocalFixture fx;

  @Parameter StoreEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(StoreEngine engine) {
    fx = LocalFixture.start(engine.emulator().seedPersons(0).adminApi(true));
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    fx.close();
  }

  @Test
  void concurrentFirstPutsOfOnePersonAreIdempotent() {
    List<String> violations = new ArrayList<>();
    long serverErrors = 0;
    int trials = Race.trials();
    for (int trial = 0; trial < trials; trial++) {
      send("DELETE", PERSON + "?purge=true", null);

      List<Integer> statuses =
          Race.run(RACERS, i -> send("PUT", PERSON, BODY)).stream().map(Answer::status).toList();

      serverErrors += statuses.stream().filter(s -> s >= 500).count();
      long created = statuses.stream().filter(s -> s == 201).count();
      long replaced = statuses.stream().filter(s -> s == 200).count();
      Answer shown = send("GET", PERSON, null);
      boolean stored =
          shown.status() == 200
              && "kari@example.com"
                  .equals(shown.json().at("/kontaktinformasjon/epostadresse").asText());
      if (created != 1 || replaced != RACERS - 1 || !stored) {
        violations.add("trial " + trial + ": statuses " + statuses + ", stored " + stored);
      }
    }

    assertThat(violations)
        .as(
            "%d of %d trials on %s, %d of %d answers 5xx",
            violations.size(), trials, engine, serverErrors, trials * RACERS)
        .isEmpty();
  }

  private static Answer send(String method, String path, String body) {
    return fx.send(
        HttpRequest.newBuilder(URI.create(fx.krrLocal().baseUrl() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
  }
}
