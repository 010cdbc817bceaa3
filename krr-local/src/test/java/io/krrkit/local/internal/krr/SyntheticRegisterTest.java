package io.krrkit.local.internal.krr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.Status;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.krr.synthetic.SyntheticPerson;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticRegisterTest {
  static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
  static final int SIZE = 20_000;

  static List<SyntheticPerson> population;
  static List<RegisterEntry> aktiv;

  @BeforeAll
  static void draw() {
    population = new SyntheticRegister(42, Shares.DEFAULT, NOW).population(SIZE).toList();
    aktiv =
        population.stream()
            .filter(p -> p.status() == Status.AKTIV)
            .map(SyntheticPerson::entry)
            .toList();
  }

  static double share(List<RegisterEntry> of, Predicate<RegisterEntry> which) {
    return of.stream().filter(which).count() / (double) of.size();
  }

  @Test
  void theSameSeedGivesTheSameRegister() {
    List<SyntheticPerson> again =
        new SyntheticRegister(42, Shares.DEFAULT, NOW).population(SIZE).toList();

    assertThat(again).isEqualTo(population);
  }

  @Test
  void anotherSeedDrawsOtherPeople() {
    Set<Personidentifikator> other =
        new SyntheticRegister(43, Shares.DEFAULT, NOW)
            .population(1000)
            .map(SyntheticPerson::personidentifikator)
            .collect(Collectors.toSet());

    long shared =
        population.stream()
            .limit(1000)
            .filter(p -> other.contains(p.personidentifikator()))
            .count();
    assertThat(shared).isLessThan(10);
  }

  @Test
  void aSmallerPopulationIsThePrefixOfALargerOne() {
    List<SyntheticPerson> small =
        new SyntheticRegister(42, Shares.DEFAULT, NOW).population(500).toList();

    assertThat(small).isEqualTo(population.subList(0, 500));
  }

  @Test
  void everyNumberIsAValidUniqueSyntheticNumberApartFromTheKnownPersons() {
    Set<String> seen = new HashSet<>();
    for (SyntheticPerson p : population) {
      String id = p.personidentifikator().value();
      assertThat(Personidentifikator.isValid(id)).as(p.toString()).isTrue();
      assertThat(p.personidentifikator().isSynthetic()).as(p.toString()).isTrue();
      assertThat(seen.add(id)).as("unique").isTrue();
      int year = p.personidentifikator().birthDate().getYear();
      int individual = Integer.parseInt(id.substring(6, 9));
      assertThat(year < 2000 && individual >= 900).as("known persons' range").isFalse();
    }
    assertThat(KnownPersons.ALL).noneMatch(k -> seen.contains(k.value()));
  }

  @Test
  void statusSharesFollowTheParameters() {
    Map<Status, Long> byStatus =
        population.stream()
            .collect(Collectors.groupingBy(SyntheticPerson::status, Collectors.counting()));

    assertThat(byStatus.get(Status.AKTIV) / (double) SIZE).isCloseTo(0.84, within(0.01));
    assertThat(byStatus.get(Status.SLETTET) / (double) SIZE).isCloseTo(0.01, within(0.003));
    assertThat(byStatus.get(Status.IKKE_REGISTRERT) / (double) SIZE).isCloseTo(0.15, within(0.01));
  }

  @Test
  void attributeSharesOfActivePersonsFollowTheParameters() {
    List<RegisterEntry> unreserved = aktiv.stream().filter(e -> !e.isReservert()).toList();

    assertThat(share(aktiv, RegisterEntry::isReservert)).isCloseTo(0.005, within(0.002));
    assertThat(share(unreserved, e -> e.digitalPost() != null)).isCloseTo(0.5, within(0.015));
    assertThat(share(aktiv, e -> e.isStale(NOW))).isCloseTo(0.10, within(0.01));
    assertThat(share(aktiv, e -> epost(e) != null)).isCloseTo(0.90, within(0.01));
    assertThat(share(aktiv, e -> mobil(e) != null)).isCloseTo(0.95, within(0.008));
    assertThat(share(aktiv, e -> "nb".equals(e.spraak()))).isCloseTo(0.85, within(0.01));
    assertThat(share(aktiv, e -> "nn".equals(e.spraak()))).isCloseTo(0.10, within(0.01));
    assertThat(share(aktiv, e -> "en".equals(e.spraak()))).isCloseTo(0.04, within(0.006));
    assertThat(share(aktiv, e -> "se".equals(e.spraak()))).isCloseTo(0.01, within(0.003));
  }

  @Test
  void sharesAreParameters() {
    Shares allDeletedOrActive = new Shares(0.5, 0.5, 0, 1, 0, 1, 0, Shares.languages(0, 1, 0, 0));

    List<SyntheticPerson> drawn =
        new SyntheticRegister(1, allDeletedOrActive, NOW).population(2000).toList();

    assertThat(drawn).allMatch(SyntheticPerson::isRegistered);
    List<RegisterEntry> active =
        drawn.stream().filter(p -> p.status() == Status.AKTIV).map(p -> p.entry()).toList();
    assertThat(active)
        .isNotEmpty()
        .allMatch(e -> e.digitalPost() != null && mobil(e) == null && "nn".equals(e.spraak()))
        .noneMatch(e -> e.isStale(NOW));
  }

  @Test
  void contactValuesLookRealAndTimestampsLieBeforeNowInWholeSeconds() {
    for (RegisterEntry e : aktiv) {
      if (epost(e) != null) {
        assertThat(epost(e)).matches("[a-z]+\\.[a-z]+\\d{1,2}@example\\.(com|org|net)");
      }
      if (mobil(e) != null) {
        assertThat(mobil(e)).matches("\\+47[49]\\d{7}");
      }
      if (e.digitalPost() != null) {
        assertThat(e.digitalPost().postkasseadresse()).matches("[a-zø]+\\.[a-zøæå]+#[A-Z2-9]{4}");
        assertThat(e.digitalPost().postkasseleverandoeradresse()).isIn("984661185", "922020175");
      }
      assertThat(timestamps(e))
          .allMatch(t -> !t.toInstant().isAfter(NOW) && t.getNano() == 0, e.toString());
    }
  }

  @Test
  void mailboxHoldersCarryAParsableX509Certificate() throws Exception {
    String certificate =
        aktiv.stream().map(RegisterEntry::sertifikat).filter(Objects::nonNull).findFirst().get();

    X509Certificate x509 =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(Base64.getDecoder().decode(certificate)));

    assertThat(x509.getSubjectX500Principal().getName()).contains("krr-kit synthetic person");
  }

  static String epost(RegisterEntry e) {
    return e.kontaktinformasjon() == null ? null : e.kontaktinformasjon().epostadresse();
  }

  static String mobil(RegisterEntry e) {
    return e.kontaktinformasjon() == null ? null : e.kontaktinformasjon().mobiltelefonnummer();
  }

  static List<OffsetDateTime> timestamps(RegisterEntry e) {
    var k = e.kontaktinformasjon();
    Stream<OffsetDateTime> contact =
        k == null
            ? Stream.empty()
            : Stream.of(
                k.epostadresseOppdatert(),
                k.epostadresseSistVerifisert(),
                k.mobiltelefonnummerOppdatert(),
                k.mobiltelefonnummerSistVerifisert());
    return Stream.concat(
            contact,
            Stream.of(e.reservasjonstidspunkt(), e.reservasjonOppdatert(), e.spraakOppdatert()))
        .filter(Objects::nonNull)
        .toList();
  }
}
