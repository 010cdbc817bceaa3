package io.krrkit.local.internal.krr;

import static io.krrkit.core.Scope.KRR_DIGITALPOST_READ;
import static io.krrkit.core.Scope.KRR_KONTAKTINFORMASJON_READ;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.Status;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.Wiring;
import io.krrkit.local.internal.http.Json;
import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.krr.synthetic.SyntheticPerson;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import io.krrkit.local.internal.store.StoreEngine;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Norway's 5.5 million persons, computed, on each engine over HTTP: ready at start with no person
 * stored, looked up as the generator draws them, with what the store holds winning, in one query
 * per batch; the feed, the log-in search and a reset on top.
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class ComputedPopulationTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final int POPULATION = 5_500_000;
  static final Set<Scope> BOTH = Set.of(KRR_KONTAKTINFORMASJON_READ, KRR_DIGITALPOST_READ);
  static final ObjectMapper KRR = Json.krr();
  static final SyntheticRegister GENERATOR = new SyntheticRegister(1, Shares.DEFAULT, T0);

  static LocalFixture fx;
  static String both;

  @Parameter StoreEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(StoreEngine engine) {
    fx =
        LocalFixture.start(
            engine
                .emulator()
                .seedPersons(POPULATION)
                .adminApi(true)
                .clock(Clock.fixed(T0, ZoneOffset.UTC)));
    both =
        fx.accessToken(
            fx.client()
                .type(IntegrationType.KRR)
                .scopes(KRR_KONTAKTINFORMASJON_READ, KRR_DIGITALPOST_READ)
                .register());
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    fx.close();
  }

  static Wiring wiring() {
    return Internals.of(fx.krrLocal());
  }

  /** The registered persons among positions {@code from} to {@code to} of the population. */
  static List<SyntheticPerson> registered(long from, long to) {
    return LongStream.range(from, to)
        .mapToObj(GENERATOR::person)
        .filter(SyntheticPerson::isRegistered)
        .toList();
  }

  static List<Personidentifikator> ids(List<SyntheticPerson> persons) {
    return persons.stream().map(SyntheticPerson::personidentifikator).toList();
  }

  static long storedRows() {
    return wiring().jdbc.queryOne("SELECT COUNT(*) FROM person", rs -> rs.getLong(1)).orElseThrow();
  }

  @Test
  void startsWithThePopulationRecordedAndNoPersonStored() {
    assertThat(wiring().register.populationSpec()).contains(new PopulationSpec(POPULATION, 1, T0));
    assertThat(storedRows()).isLessThanOrEqualTo(2); // at most what the tests here wrote
  }

  @Test
  void syntheticPersonsLookUpAsTheGeneratorDrawsThemUpToTheLastOne() {
    List<SyntheticPerson> first = registered(0, 400);
    List<SyntheticPerson> last = registered(POPULATION - 400, POPULATION);
    List<SyntheticPerson> wanted = Stream.concat(first.stream(), last.stream()).toList();
    Personidentifikator beyond = GENERATOR.person(POPULATION).personidentifikator();
    List<Personidentifikator> ids = Stream.concat(ids(wanted).stream(), Stream.of(beyond)).toList();

    List<Person> answer = lookUp(ids);

    Disclosure disclosure = new Disclosure(BOTH, T0);
    assertThat(answer)
        .as("every registered person, as drawn, and none beyond the population's size")
        .containsExactlyElementsOf(wanted.stream().map(p -> disclosure.of(p.entry())).toList());
  }

  @Test
  void storedAndForgottenPersonsWinOverThePopulationInOneQueryPerBatch() {
    List<SyntheticPerson> some = active(registered(10_000, 12_000));
    Personidentifikator changed = some.get(0).personidentifikator();
    Personidentifikator deleted = some.get(1).personidentifikator();
    Personidentifikator forgotten = some.get(2).personidentifikator();
    admin(
        "PUT",
        changed,
        "{\"reservasjon\":\"JA\",\"reservasjonstidspunkt\":\"2024-01-02T10:00:00+01\"}");
    admin("DELETE", deleted, null);
    Answer purged = admin("DELETE", forgotten, null, "?purge=true");
    List<Personidentifikator> batch = new ArrayList<>(ids(some.subList(0, 1000)));

    long queriesBefore = wiring().jdbc.queries();
    List<Person> answer = lookUp(batch);
    long queries = wiring().jdbc.queries() - queriesBefore;

    assertThat(purged.status()).isEqualTo(204);
    assertThat(queries).as("queries for a mixed batch of 1000").isEqualTo(1);
    assertThat(answer).hasSize(999);
    assertThat(answer.get(0).reservasjon().name()).isEqualTo("JA");
    assertThat(answer.get(1).status()).isEqualTo(Status.SLETTET);
    assertThat(answer.get(2).personidentifikator()).isNotEqualTo(forgotten.value());
    Disclosure disclosure = new Disclosure(BOTH, T0);
    assertThat(answer.subList(2, 999))
        .containsExactlyElementsOf(
            some.subList(3, 1000).stream().map(p -> disclosure.of(p.entry())).toList());
    assertThat(storedRows()).isEqualTo(2);
  }

  @Test
  void theLogInSearchOffersActivePersonsWithoutWalkingThePopulation() {
    SyntheticPerson far = active(registered(5_000_000, 5_000_100)).get(0);

    List<String> any = wiring().persons.active("", 20);
    List<String> exact = wiring().persons.active(far.personidentifikator().value(), 5);

    assertThat(any).hasSize(20).isSorted();
    assertThat(wiring().register.findAll(any.stream().map(Personidentifikator::of).toList()))
        .hasSize(20)
        .allSatisfy((id, entry) -> assertThat(entry.status()).isEqualTo(Status.AKTIV));
    assertThat(exact).containsExactly(far.personidentifikator().value());
    assertThat(wiring().persons.exists(far.personidentifikator().value())).isTrue();
  }

  @Test
  void theChangeFeedListsThePopulationFirstThenWhatWasWritten() {
    JsonNode first = feed(Change.NONE);
    long end = Change.NONE + 8 + POPULATION;
    JsonNode tail = feed(end - 50);

    assertThat(first.get("list")).hasSize(1000);
    assertThat(first.get("sisteEndringsId").asLong()).isGreaterThanOrEqualTo(end);
    Set<String> lastOnes =
        ids(registered(POPULATION - 50, POPULATION)).stream()
            .map(Personidentifikator::value)
            .collect(Collectors.toSet());
    List<String> listed = new ArrayList<>();
    tail.get("list").forEach(p -> listed.add(p.get("personidentifikator").asText()));
    assertThat(listed).containsAll(lastOnes);
  }

  private static List<SyntheticPerson> active(List<SyntheticPerson> persons) {
    return persons.stream().filter(p -> p.status() == Status.AKTIV).toList();
  }

  private static List<Person> lookUp(List<Personidentifikator> ids) {
    String body =
        ids.stream()
            .map(id -> "\"" + id.value() + "\"")
            .collect(Collectors.joining(", ", "{\"personidentifikatorer\": [", "]}"));
    Answer answer =
        fx.postJson(fx.krrLocal().kontaktregisteretUrl() + "/rest/v2/personer", both, body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<Person> persons = new ArrayList<>();
    answer.json().get("personer").forEach(p -> persons.add(KRR.convertValue(p, Person.class)));
    return persons;
  }

  private static JsonNode feed(long from) {
    String token =
        fx.accessToken(
            fx.client().type(IntegrationType.KRR).scopes(Register.HENTENDRING_READ).register());
    Answer answer =
        fx.postJson(
            fx.krrLocal().kontaktregisteretUrl() + "/rest/v2/krr/hentEndringer",
            token,
            "{\"fraEndringsId\": " + from + "}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static Answer admin(String method, Personidentifikator id, String body) {
    return admin(method, id, body, "");
  }

  private static Answer admin(String method, Personidentifikator id, String body, String query) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    Answer answer =
        fx.send(
            HttpRequest.newBuilder(
                    URI.create(fx.krrLocal().baseUrl() + "/admin/persons/" + id.value() + query))
                .header("Content-Type", "application/json")
                .method(method, publisher));
    assertThat(answer.status()).as(answer.body()).isBetween(200, 204);
    return answer;
  }
}
