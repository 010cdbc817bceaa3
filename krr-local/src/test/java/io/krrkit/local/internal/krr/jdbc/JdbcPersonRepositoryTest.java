package io.krrkit.local.internal.krr.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.JaNei;
import io.krrkit.core.krr.KrrTimestamps;
import io.krrkit.local.internal.krr.Change;
import io.krrkit.local.internal.krr.Overlay;
import io.krrkit.local.internal.krr.PopulationSpec;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.local.internal.krr.SeedClaim;
import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.store.StoreEngine;
import io.krrkit.local.internal.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The register's store on each engine: the UNNEST lookup, change ids, bulk seeding. */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class JdbcPersonRepositoryTest {
  static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
  static final Personidentifikator KARI = Personidentifikator.of("01817090148");

  static Database database;
  static Jdbc jdbc;

  @Parameter StoreEngine engine;

  JdbcPersonRepository persons;

  @BeforeParameterizedClassInvocation
  static void openStore(StoreEngine engine) {
    database = engine.open();
    jdbc = new Jdbc(database.dataSource());
  }

  @AfterParameterizedClassInvocation
  static void closeStore() {
    database.close();
  }

  @BeforeEach
  void emptyStore() {
    jdbc.update("DELETE FROM person");
    jdbc.update("DELETE FROM person_certificate");
    jdbc.update("DELETE FROM person_forgotten");
    persons = new JdbcPersonRepository(jdbc);
  }

  static RegisterEntry everyField() {
    return RegisterEntry.aktiv(KARI)
        .reservert(KrrTimestamps.parse("2023-06-13T13:42:34+02"))
        .epost(
            "kari@example.com",
            KrrTimestamps.parse("2023-06-10T21:00:01+02"),
            KrrTimestamps.parse("2024-01-02T03:04:05+01"))
        .epostDuplisert(JaNei.JA)
        .mobil(
            "+4799999999",
            KrrTimestamps.parse("2022-02-02T02:02:02+01"),
            KrrTimestamps.parse("2024-04-04T04:04:04+02"))
        .mobilDuplisert(JaNei.NEI)
        .digitalPost("kari.nordmann#9YDT", "984661185", "MIIBcertificate")
        .spraak("se", KrrTimestamps.parse("2021-07-07T07:07:07+02"))
        .build();
  }

  long changeId(Personidentifikator id) {
    return jdbc.queryOne(
            "SELECT change_id FROM person WHERE personidentifikator = ?",
            rs -> rs.getLong(1),
            id.value())
        .orElseThrow();
  }

  @Test
  void readsBackEveryFieldItStored() {
    persons.put(everyField());

    assertThat(persons.findById(KARI)).contains(everyField());
  }

  @Test
  void putReplacesTheEntryAndGivesItANewChangeIdAbove200Million() {
    persons.put(everyField());
    long first = changeId(KARI);

    persons.put(RegisterEntry.slettet(KARI));

    assertThat(persons.findById(KARI)).contains(RegisterEntry.slettet(KARI));
    assertThat(first).isGreaterThan(200_000_000L);
    assertThat(changeId(KARI)).isGreaterThan(first);
    assertThat(persons.count()).isEqualTo(1);
  }

  @Test
  void listsChangesInChangeIdOrderAfterTheGivenId() {
    SyntheticRegister synthetic = new SyntheticRegister(5, Shares.DEFAULT, NOW);
    persons.insertAll(synthetic.entries(50));
    long seeded = persons.latestChangeId();
    persons.put(everyField());
    persons.put(RegisterEntry.slettet(KARI));

    List<Change> all = persons.changesAfter(Change.NONE, 1000);
    List<Change> latest = persons.changesAfter(seeded, 10);

    assertThat(all).extracting(Change::changeId).isSorted().doesNotHaveDuplicates();
    assertThat(all).hasSize((int) persons.count());
    assertThat(latest).hasSize(1);
    assertThat(latest.get(0).changeId()).isEqualTo(persons.latestChangeId()).isGreaterThan(seeded);
    assertThat(latest.get(0).entry()).isEqualTo(RegisterEntry.slettet(KARI));
  }

  @Test
  void pagesThroughThePopulationInIdentifierOrder() {
    persons.insertAll(new SyntheticRegister(9, Shares.DEFAULT, NOW).entries(300));

    List<RegisterEntry> first = persons.page(null, 100);
    List<RegisterEntry> second = persons.page(first.get(99).personidentifikator(), 100);

    assertThat(first).hasSize(100);
    assertThat(second).isNotEmpty();
    assertThat(second.get(0).personidentifikator().value())
        .isGreaterThan(first.get(99).personidentifikator().value());
  }

  @Test
  void overlayAnswersAThousandPersonsInOneCallAndSkipsUnknownOnes() {
    SyntheticRegister synthetic = new SyntheticRegister(7, Shares.DEFAULT, NOW);
    persons.insertAll(synthetic.entries(1200));
    List<Personidentifikator> population =
        synthetic.population(1200).map(p -> p.personidentifikator()).limit(1000).toList();
    long registered = synthetic.population(1200).limit(1000).filter(p -> p.isRegistered()).count();

    var found = persons.overlay(population).entries();

    assertThat(found).hasSize((int) registered);
    assertThat(found.values()).allMatch(e -> population.contains(e.personidentifikator()));
  }

  @Test
  void overlayRefusesMoreThanAThousandIds() {
    List<Personidentifikator> ids =
        new SyntheticRegister(7, Shares.DEFAULT, NOW)
            .population(1001)
            .map(p -> p.personidentifikator())
            .toList();

    assertThatThrownBy(() -> persons.overlay(ids))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 1000");
  }

  @Test
  void aForgottenPersonIsInTheOverlayUntilAPutBringsThemBack() {
    persons.put(everyField());

    boolean forgot = persons.forget(KARI, true);
    Overlay forgotten = persons.overlay(List.of(KARI));
    persons.put(everyField());
    Overlay back = persons.overlay(List.of(KARI));

    assertThat(forgot).isTrue();
    assertThat(forgotten.entries()).isEmpty();
    assertThat(forgotten.forgotten()).containsExactly(KARI);
    assertThat(back.entries()).containsOnlyKeys(KARI);
    assertThat(back.forgotten()).isEmpty();
  }

  @Test
  void forgettingOutsideThePopulationRemovesTheRowOnly() {
    persons.put(everyField());

    assertThat(persons.forget(KARI, false)).isTrue();
    assertThat(persons.forget(KARI, false)).isFalse();
    assertThat(persons.overlay(List.of(KARI)).forgotten()).isEmpty();
    assertThat(persons.count()).isZero();
  }

  @Test
  void theOverlayCarriesThePopulationTheStoreRecords() {
    PopulationSpec spec = new PopulationSpec(5_500_000, 3, NOW);
    try (SeedClaim claim = persons.claimSeeding().orElseThrow()) {
      claim.draw(spec, NOW);
    }

    assertThat(persons.overlay(List.of()).population()).contains(spec);
    assertThat(persons.overlay(List.of(KARI)).population()).contains(spec);
    assertThat(persons.population()).contains(spec);
  }

  @Test
  void bulkInsertCountsRowsAndStoresASharedCertificateOnce() {
    long inserted = persons.insertAll(new SyntheticRegister(3, Shares.DEFAULT, NOW).entries(5000));

    long certificates =
        jdbc.queryOne("SELECT COUNT(*) FROM person_certificate", rs -> rs.getLong(1)).orElseThrow();
    long withMailbox =
        jdbc.queryOne(
                "SELECT COUNT(*) FROM person WHERE certificate_fingerprint IS NOT NULL",
                rs -> rs.getLong(1))
            .orElseThrow();
    assertThat(persons.count()).isEqualTo(inserted).isBetween(4000L, 4500L);
    assertThat(certificates).isEqualTo(1);
    assertThat(withMailbox).isGreaterThan(1500);
  }

  @Test
  void bulkInsertReadsBackEveryFieldAsPutDoesEvenWithCharactersThatNeedEscaping() {
    RegisterEntry odd =
        RegisterEntry.aktiv(KARI)
            .digitalPost("kari\\nordmann\t#9YDT\\N", "984661185", "MIIB\ncertificate")
            .build();

    persons.insertAll(Stream.of(everyField()));
    assertThat(persons.findById(KARI)).contains(everyField());

    persons.deleteAll();
    persons.insertAll(Stream.of(odd));
    assertThat(persons.findById(KARI)).contains(odd);
  }

  @Test
  void bulkInsertOfAnExistingPersonFailsAsADuplicateKey() {
    persons.put(everyField());

    assertThatThrownBy(() -> persons.insertAll(Stream.of(RegisterEntry.slettet(KARI))))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isDuplicateKey()).isTrue());
  }
}
