package io.krrkit.local.internal.krr;

import static io.krrkit.core.Scope.KRR_DIGITALPOST_READ;
import static io.krrkit.core.Scope.KRR_KONTAKTINFORMASJON_READ;
import static io.krrkit.local.internal.krr.synthetic.KnownPersons.ACTIVE;
import static io.krrkit.local.internal.krr.synthetic.KnownPersons.DIGDIR_EXAMPLE;
import static io.krrkit.local.internal.krr.synthetic.KnownPersons.EMAIL_ONLY;
import static io.krrkit.local.internal.krr.synthetic.KnownPersons.MOBILE_ONLY;
import static io.krrkit.local.internal.krr.synthetic.KnownPersons.NOT_REGISTERED;
import static io.krrkit.local.internal.krr.synthetic.KnownPersons.RESERVED;
import static io.krrkit.local.internal.krr.synthetic.KnownPersons.SLETTET;
import static io.krrkit.local.internal.krr.synthetic.KnownPersons.STALE;
import static io.krrkit.local.internal.krr.synthetic.KnownPersons.WITH_DIGITAL_POST;
import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.JaNei;
import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.Status;
import io.krrkit.core.krr.Varslingsstatus;
import io.krrkit.local.OffsetClock;
import io.krrkit.local.internal.krr.jdbc.JdbcPersonRepository;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import io.krrkit.local.internal.krr.synthetic.RegisterSeeder;
import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.krr.synthetic.SyntheticPerson;
import io.krrkit.local.internal.krr.synthetic.SyntheticPopulation;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.store.StoreEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Drawing the register's population on each engine: what it records (no person stored), once, also
 * with several nodes at once; the known persons it computes.
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class RegisterSeederTest {
  static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
  static final int POPULATION = 2000;

  static Database database;
  static OffsetClock clock = new OffsetClock(Clock.fixed(NOW, ZoneOffset.UTC));
  static Register register;
  static boolean drew;

  @Parameter StoreEngine engine;

  @BeforeParameterizedClassInvocation
  static void seed(StoreEngine engine) {
    database = engine.open();
    register = registerOn(database);
    drew = new RegisterSeeder(register, clock).seedIfEmpty(POPULATION, 9);
  }

  @AfterParameterizedClassInvocation
  static void close() {
    database.close();
  }

  Map<String, Person> lookUpKnownPersons() {
    List<Person> answer =
        register.lookup(
            new Lookup(
                KnownPersons.ALL,
                Set.of(KRR_KONTAKTINFORMASJON_READ, KRR_DIGITALPOST_READ),
                ApiVersion.V1,
                false));
    return answer.stream()
        .collect(Collectors.toMap(Person::personidentifikator, Function.identity()));
  }

  static Register registerOn(Database database) {
    return new Register(
        new JdbcPersonRepository(new Jdbc(database.dataSource())),
        clock,
        SyntheticPopulation.with(Shares.DEFAULT));
  }

  static Person of(Map<String, Person> answer, Personidentifikator id) {
    return answer.get(id.value());
  }

  @Test
  void recordsThePopulationAndStoresNoPerson() {
    List<SyntheticPerson> population =
        new SyntheticRegister(9, Shares.DEFAULT, NOW).population(POPULATION).toList();
    Map<Personidentifikator, RegisterEntry> found =
        register.findAll(
            population.stream().limit(1000).map(SyntheticPerson::personidentifikator).toList());

    assertThat(drew).isTrue();
    assertThat(register.populationSpec()).contains(new PopulationSpec(POPULATION, 9, NOW));
    assertThat(register.count()).isZero();
    assertThat(found.values())
        .containsExactlyInAnyOrderElementsOf(
            population.stream()
                .limit(1000)
                .filter(SyntheticPerson::isRegistered)
                .map(SyntheticPerson::entry)
                .toList());
  }

  @Test
  void leavesARegisterWithAPopulationAlone() {
    boolean again = new RegisterSeeder(register, clock).seedIfEmpty(POPULATION, 10);

    assertThat(again).isFalse();
    assertThat(register.populationSpec()).contains(new PopulationSpec(POPULATION, 9, NOW));
  }

  @Test
  void aResetEmptiesTheStoreAndKeepsThePopulationDrawnAtStart() {
    RegisterSeeder seeder = new RegisterSeeder(register, clock);
    register.putAll(new SyntheticRegister(99, Shares.DEFAULT, NOW).entries(20).limit(3));
    clock.advance(Duration.ofHours(1));
    try {
      assertThat(register.count()).isEqualTo(3);

      assertThat(seeder.restore(POPULATION, 9)).isTrue();

      assertThat(register.count()).isZero();
      assertThat(register.populationSpec()).contains(new PopulationSpec(POPULATION, 9, NOW));

      assertThat(seeder.restore(POPULATION, 10)).as("another seed is drawn as of now").isTrue();
      assertThat(register.populationSpec())
          .contains(new PopulationSpec(POPULATION, 10, NOW.plus(Duration.ofHours(1))));
    } finally {
      clock.setOffset(Duration.ZERO);
      seeder.reseed(POPULATION, 9);
    }
  }

  @Test
  void seedersStartingTogetherOnOneEmptyStoreDrawOnce() {
    try (Database shared = engine.open()) {
      Register onShared = registerOn(shared);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        List<CompletableFuture<Boolean>> seeders =
            IntStream.range(0, 3).mapToObj(i -> seedWhenGo(onShared, go, pool, i)).toList();
        go.countDown();

        List<Boolean> drawn =
            seeders.stream().map(s -> s.orTimeout(60, TimeUnit.SECONDS).join()).toList();

        assertThat(drawn).containsOnlyOnce(true);
        assertThat(onShared.populationSpec()).isPresent();
        assertThat(onShared.count()).isZero();
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static CompletableFuture<Boolean> seedWhenGo(
      Register register, CountDownLatch go, ExecutorService pool, int seed) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          return new RegisterSeeder(register, clock).seedIfEmpty(POPULATION, seed);
        },
        pool);
  }

  @Test
  void knownPersonsShowTheCaseTheyAreNamedFor() {
    Map<String, Person> answer = lookUpKnownPersons();

    assertThat(of(answer, DIGDIR_EXAMPLE).kontaktinformasjon().epostadresse())
        .isEqualTo("NULLstillt@default.digdir.no");
    assertThat(of(answer, ACTIVE).varslingsstatus()).isEqualTo(Varslingsstatus.KAN_VARSLES);
    assertThat(of(answer, ACTIVE).digitalPost()).isNull();
    assertThat(of(answer, WITH_DIGITAL_POST).digitalPost()).isNotNull();
    assertThat(of(answer, WITH_DIGITAL_POST).sertifikat()).isNotNull();
    assertThat(of(answer, RESERVED).reservasjon()).isEqualTo(JaNei.JA);
    assertThat(of(answer, RESERVED).reservasjonstidspunkt()).isNotNull();
    assertThat(of(answer, STALE).varslingsstatus()).isEqualTo(Varslingsstatus.KAN_IKKE_VARSLES);
    assertThat(of(answer, STALE).kontaktinformasjon()).isNull();
    assertThat(of(answer, STALE).digitalPost()).isNull();
    assertThat(of(answer, SLETTET).status()).isEqualTo(Status.SLETTET);
    assertThat(of(answer, NOT_REGISTERED).status()).isEqualTo(Status.IKKE_REGISTRERT);
    assertThat(of(answer, EMAIL_ONLY).kontaktinformasjon().mobiltelefonnummer()).isNull();
    assertThat(of(answer, EMAIL_ONLY).kontaktinformasjon().epostadresse()).isNotNull();
    assertThat(of(answer, MOBILE_ONLY).kontaktinformasjon().epostadresse()).isNull();
    assertThat(of(answer, MOBILE_ONLY).kontaktinformasjon().mobiltelefonnummer()).isNotNull();
  }

  @Test
  void freshKnownPersonsGoStaleWhenTheClockMoves18MonthsOn() {
    clock.advance(Duration.ofDays(18 * 31));
    try {
      Map<String, Person> answer = lookUpKnownPersons();

      assertThat(of(answer, ACTIVE).varslingsstatus()).isEqualTo(Varslingsstatus.KAN_IKKE_VARSLES);
      assertThat(of(answer, ACTIVE).kontaktinformasjon()).isNull();
      assertThat(of(answer, WITH_DIGITAL_POST).digitalPost()).isNull();
    } finally {
      clock.setOffset(Duration.ZERO);
    }
  }

  @Test
  void everyKnownNumberIsAValidSyntheticNumber() {
    assertThat(KnownPersons.ALL)
        .hasSize(Set.copyOf(KnownPersons.ALL).size())
        .allMatch(Personidentifikator::isSynthetic);
    assertThat(KnownPersons.entries(NOW))
        .extracting(RegisterEntry::personidentifikator)
        .containsExactlyInAnyOrderElementsOf(
            KnownPersons.ALL.stream().filter(id -> !id.equals(NOT_REGISTERED)).toList());
  }
}
