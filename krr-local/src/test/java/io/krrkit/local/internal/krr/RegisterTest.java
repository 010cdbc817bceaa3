package io.krrkit.local.internal.krr;

import static io.krrkit.core.Scope.KRR_DIGITALPOST_READ;
import static io.krrkit.core.Scope.KRR_KONTAKTINFORMASJON_READ;
import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.JaNei;
import io.krrkit.core.krr.KrrTimestamps;
import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.Status;
import io.krrkit.core.krr.Varslingsstatus;
import io.krrkit.local.internal.krr.jdbc.JdbcPersonRepository;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegisterTest {
  static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
  static final Personidentifikator KARI = Personidentifikator.of("01817090148");
  static final Personidentifikator OLA = Personidentifikator.of("02827590161");
  static final Personidentifikator UNKNOWN = Personidentifikator.of("06869590124");
  static final Set<Scope> BOTH = Set.of(KRR_KONTAKTINFORMASJON_READ, KRR_DIGITALPOST_READ);

  static Database database;
  static Jdbc jdbc;
  Register register;

  @BeforeAll
  static void openStore() {
    database = Database.h2InMemory();
    jdbc = new Jdbc(database.dataSource());
  }

  @AfterAll
  static void closeStore() {
    database.close();
  }

  @BeforeEach
  void emptyRegister() {
    jdbc.update("DELETE FROM person");
    register = new Register(new JdbcPersonRepository(jdbc), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static OffsetDateTime t(String text) {
    return KrrTimestamps.parse(text);
  }

  static RegisterEntryBuilder kari(OffsetDateTime changed, OffsetDateTime verified) {
    return RegisterEntry.aktiv(KARI)
        .reservasjonOppdatert(t("2020-01-02T03:04:05+01"))
        .epost("kari@example.com", changed, verified)
        .mobil("+4799999999", changed, verified)
        .digitalPost("kari.nordmann#9YDT", "984661185", "MIIBcert")
        .spraak("nn", t("2021-02-03T04:05:06+01"));
  }

  Person lookupOne(Personidentifikator id, Set<Scope> scopes) {
    List<Person> answer = register.lookup(new Lookup(List.of(id), scopes, ApiVersion.V2, true));
    assertThat(answer).hasSize(1);
    return answer.get(0);
  }

  @Test
  void answersEveryRegisteredFieldWithBothScopes() {
    register.put(kari(t("2024-01-10T12:00:00+01"), t("2024-04-01T12:00:00+02")).build());

    Person p = lookupOne(KARI, BOTH);

    assertThat(p.personidentifikator()).isEqualTo(KARI.value());
    assertThat(p.status()).isEqualTo(Status.AKTIV);
    assertThat(p.reservasjon()).isEqualTo(JaNei.NEI);
    assertThat(p.reservasjonstidspunkt()).isNull();
    assertThat(p.reservasjonOppdatert()).isEqualTo(t("2020-01-02T03:04:05+01"));
    assertThat(p.varslingsstatus()).isEqualTo(Varslingsstatus.KAN_VARSLES);
    assertThat(p.kontaktinformasjon().epostadresse()).isEqualTo("kari@example.com");
    assertThat(p.kontaktinformasjon().mobiltelefonnummerSistVerifisert())
        .isEqualTo(t("2024-04-01T12:00:00+02"));
    assertThat(p.digitalPost().postkasseleverandoeradresse()).isEqualTo("984661185");
    assertThat(p.sertifikat()).isEqualTo("MIIBcert");
    assertThat(p.spraak()).isEqualTo("nn");
    assertThat(p.spraakOppdatert()).isEqualTo(t("2021-02-03T04:05:06+01"));
  }

  @Test
  void contactScopeShowsContactLanguageAndVarslingsstatusButNoMailbox() {
    register.put(kari(t("2024-01-10T12:00:00+01"), null).build());

    Person p = lookupOne(KARI, Set.of(KRR_KONTAKTINFORMASJON_READ));

    assertThat(p.kontaktinformasjon()).isNotNull();
    assertThat(p.varslingsstatus()).isEqualTo(Varslingsstatus.KAN_VARSLES);
    assertThat(p.spraak()).isEqualTo("nn");
    assertThat(p.digitalPost()).isNull();
    assertThat(p.sertifikat()).isNull();
  }

  @Test
  void digitalPostScopeShowsMailboxAndCertificateOnly() {
    register.put(kari(t("2024-01-10T12:00:00+01"), null).build());

    Person p = lookupOne(KARI, Set.of(KRR_DIGITALPOST_READ));

    assertThat(p.digitalPost().postkasseadresse()).isEqualTo("kari.nordmann#9YDT");
    assertThat(p.sertifikat()).isEqualTo("MIIBcert");
    assertThat(p.kontaktinformasjon()).isNull();
    assertThat(p.varslingsstatus()).isNull();
    assertThat(p.spraak()).isNull();
    assertThat(p.spraakOppdatert()).isNull();
    assertThat(p.reservasjon()).isEqualTo(JaNei.NEI);
    assertThat(p.reservasjonOppdatert()).isEqualTo(t("2020-01-02T03:04:05+01"));
  }

  @Test
  void withholdsContactMailboxAndCertificateWhenNothingChangedOrVerifiedIn18Months() {
    // NOW is 2024-05-01T12:00+02 in Norway; 18 months before is 2022-11-01T12:00+01.
    register.put(kari(t("2022-11-01T11:59:59+01"), t("2022-10-15T00:00:00+02")).build());

    Person p = lookupOne(KARI, BOTH);

    assertThat(p.varslingsstatus()).isEqualTo(Varslingsstatus.KAN_IKKE_VARSLES);
    assertThat(p.kontaktinformasjon()).isNull();
    assertThat(p.digitalPost()).isNull();
    assertThat(p.sertifikat()).isNull();
    assertThat(p.spraak()).isEqualTo("nn");
    assertThat(p.status()).isEqualTo(Status.AKTIV);
  }

  @Test
  void contactChangedExactly18MonthsAgoIsStillFresh() {
    register.put(kari(t("2022-11-01T12:00:00+01"), null).build());

    Person p = lookupOne(KARI, BOTH);

    assertThat(p.varslingsstatus()).isEqualTo(Varslingsstatus.KAN_VARSLES);
    assertThat(p.kontaktinformasjon()).isNotNull();
  }

  @Test
  void aRecentVerificationKeepsOldContactFresh() {
    register.put(kari(t("2015-01-01T00:00:00+01"), t("2024-03-01T00:00:00+01")).build());

    assertThat(lookupOne(KARI, BOTH).varslingsstatus()).isEqualTo(Varslingsstatus.KAN_VARSLES);
  }

  @Test
  void oneFreshChannelKeepsBothChannelsShown() {
    register.put(
        RegisterEntry.aktiv(KARI)
            .epost("kari@example.com", t("2015-01-01T00:00:00+01"), null)
            .mobil("+4799999999", t("2024-03-01T00:00:00+01"), null)
            .build());

    Person p = lookupOne(KARI, BOTH);

    assertThat(p.varslingsstatus()).isEqualTo(Varslingsstatus.KAN_VARSLES);
    assertThat(p.kontaktinformasjon().epostadresse()).isEqualTo("kari@example.com");
  }

  @Test
  void reservedPersonShowsReservationTimeAndCannotBeNotified() {
    register.put(
        RegisterEntry.aktiv(KARI)
            .reservert(t("2023-06-13T13:42:34+02"))
            .mobil("+4799999999", t("2024-03-01T00:00:00+01"), null)
            .build());

    Person p = lookupOne(KARI, BOTH);

    assertThat(p.reservasjon()).isEqualTo(JaNei.JA);
    assertThat(p.reservasjonstidspunkt()).isEqualTo(t("2023-06-13T13:42:34+02"));
    assertThat(p.reservasjonOppdatert()).isEqualTo(t("2023-06-13T13:42:34+02"));
    assertThat(p.varslingsstatus()).isEqualTo(Varslingsstatus.KAN_IKKE_VARSLES);
    assertThat(p.kontaktinformasjon().mobiltelefonnummer()).isEqualTo("+4799999999");
  }

  @Test
  void reservationTimeIsShownWithoutAnyScopeButVarslingsstatusIsNot() {
    register.put(RegisterEntry.aktiv(KARI).reservert(t("2023-06-13T13:42:34+02")).build());

    Person p = lookupOne(KARI, Set.of(KRR_DIGITALPOST_READ));

    assertThat(p.reservasjonstidspunkt()).isEqualTo(t("2023-06-13T13:42:34+02"));
    assertThat(p.varslingsstatus()).isNull();
  }

  @Test
  void slettetShowsStatusAndNoReservationOnly() {
    register.put(RegisterEntry.slettet(KARI));

    Person p = lookupOne(KARI, BOTH);

    assertThat(p)
        .isEqualTo(
            new Person(
                KARI.value(),
                JaNei.NEI,
                Status.SLETTET,
                Varslingsstatus.KAN_IKKE_VARSLES,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
  }

  @Test
  void personWithoutContactCannotBeNotifiedButKeepsMailbox() {
    register.put(
        RegisterEntry.aktiv(KARI).digitalPost("kari#1234", "922020175", "MIIBcert").build());

    Person p = lookupOne(KARI, BOTH);

    assertThat(p.varslingsstatus()).isEqualTo(Varslingsstatus.KAN_IKKE_VARSLES);
    assertThat(p.digitalPost().postkasseleverandoeradresse()).isEqualTo("922020175");
  }

  @Test
  void v1AnswersEveryUnknownPersonAsIkkeRegistrert() {
    List<Person> answer = register.lookup(new Lookup(List.of(UNKNOWN), BOTH, ApiVersion.V1, false));

    assertThat(answer)
        .containsExactly(
            new Person(
                UNKNOWN.value(),
                JaNei.NEI,
                Status.IKKE_REGISTRERT,
                Varslingsstatus.KAN_IKKE_VARSLES,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
  }

  @Test
  void v2LeavesUnknownPersonsOutUnlessAskedToIncludeThem() {
    register.put(kari(t("2024-01-10T12:00:00+01"), null).build());
    List<Personidentifikator> ids = List.of(UNKNOWN, KARI);

    List<Person> plain = register.lookup(new Lookup(ids, BOTH, ApiVersion.V2, false));
    List<Person> included = register.lookup(new Lookup(ids, BOTH, ApiVersion.V2, true));

    assertThat(plain).extracting(Person::personidentifikator).containsExactly(KARI.value());
    assertThat(included)
        .extracting(Person::status)
        .containsExactly(Status.IKKE_REGISTRERT, Status.AKTIV);
  }

  @Test
  void unknownPersonWithoutContactScopeHasNoVarslingsstatus() {
    Person p = lookupOne(UNKNOWN, Set.of(KRR_DIGITALPOST_READ));

    assertThat(p.status()).isEqualTo(Status.IKKE_REGISTRERT);
    assertThat(p.varslingsstatus()).isNull();
  }

  @Test
  void keepsRequestOrderAndAnswersDuplicatesEachTime() {
    register.put(kari(t("2024-01-10T12:00:00+01"), null).build());
    register.put(RegisterEntry.slettet(OLA));

    List<Person> answer =
        register.lookup(
            new Lookup(List.of(OLA, KARI, UNKNOWN, OLA, KARI), BOTH, ApiVersion.V1, false));

    assertThat(answer)
        .extracting(Person::personidentifikator)
        .containsExactly(OLA.value(), KARI.value(), UNKNOWN.value(), OLA.value(), KARI.value());
  }

  @Test
  void theRuleFollowsTheClock() {
    RegisterEntry entry = kari(t("2024-01-10T12:00:00+01"), null).build();

    assertThat(entry.isStale(NOW)).isFalse();
    assertThat(entry.isStale(Instant.parse("2025-07-10T10:00:00Z"))).isFalse();
    assertThat(entry.isStale(Instant.parse("2025-07-10T10:00:01Z"))).isTrue();
  }
}
