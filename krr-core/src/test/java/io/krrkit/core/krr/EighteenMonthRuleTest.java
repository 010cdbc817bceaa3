package io.krrkit.core.krr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EighteenMonthRuleTest {
  private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

  /** Winter in Norway (+01); eighteen months earlier was summer (+02). */
  private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 3, 15, 12, 0, 0, 0, OSLO);

  private static final OffsetDateTime EXACTLY_18_MONTHS = at(NOW.minusMonths(18));
  private static final OffsetDateTime DAY_BEFORE = at(NOW.minusMonths(18).minusDays(1));
  private static final OffsetDateTime DAY_AFTER = at(NOW.minusMonths(18).plusDays(1));
  private static final OffsetDateTime LAST_WEEK = at(NOW.minusWeeks(1));

  @Test
  void countsExactlyEighteenMonthsAsStillFresh() {
    assertThat(EighteenMonthRule.isFresh(EXACTLY_18_MONTHS, null, now())).isTrue();
    assertThat(EighteenMonthRule.isFresh(null, EXACTLY_18_MONTHS, now())).isTrue();
  }

  @Test
  void countsOneSecondMoreAsStale() {
    OffsetDateTime justBefore = EXACTLY_18_MONTHS.minusSeconds(1);

    assertThat(EighteenMonthRule.isFresh(justBefore, justBefore, now())).isFalse();
  }

  @Test
  void countsOneDayBeforeTheBoundaryAsStaleAndOneDayAfterAsFresh() {
    assertThat(EighteenMonthRule.isFresh(DAY_BEFORE, DAY_BEFORE, now())).isFalse();
    assertThat(EighteenMonthRule.isFresh(DAY_AFTER, DAY_AFTER, now())).isTrue();
  }

  @Test
  void findsEitherTimestampFreshEnough() {
    assertThat(EighteenMonthRule.isFresh(DAY_BEFORE, DAY_AFTER, now())).isTrue();
    assertThat(EighteenMonthRule.isFresh(DAY_AFTER, DAY_BEFORE, now())).isTrue();
    assertThat(EighteenMonthRule.isFresh(null, null, now())).isFalse();
  }

  @Test
  void countsMonthsInNorwegianTimeAcrossDaylightSaving() {
    // 12:00 in Oslo on 15 March (+01) minus 18 months is 12:00 in Oslo on 15 September (+02).
    assertThat(EighteenMonthRule.cutoff(now())).isEqualTo(Instant.parse("2023-09-15T10:00:00Z"));
  }

  @Test
  void clampsToTheLastDayOfAShorterMonth() {
    Instant endOfAugust = ZonedDateTime.of(2025, 8, 31, 12, 0, 0, 0, OSLO).toInstant();

    assertThat(EighteenMonthRule.cutoff(endOfAugust))
        .isEqualTo(ZonedDateTime.of(2024, 2, 29, 12, 0, 0, 0, OSLO).toInstant());
  }

  @Test
  void ignoresFreshTimestampsOfAChannelWithoutValue() {
    Kontaktinformasjon noValues =
        new Kontaktinformasjon(null, LAST_WEEK, LAST_WEEK, null, "", LAST_WEEK, LAST_WEEK, null);

    assertThat(EighteenMonthRule.hasFreshContact(noValues, now())).isFalse();
    assertThat(EighteenMonthRule.hasFreshContact(null, now())).isFalse();
  }

  @Test
  void letsAnActiveUnreservedPersonWithOneFreshChannelBeNotified() {
    Kontaktinformasjon k = contact(DAY_BEFORE, DAY_AFTER);

    assertThat(EighteenMonthRule.varslingsstatus(Status.AKTIV, JaNei.NEI, k, now()))
        .isEqualTo(Varslingsstatus.KAN_VARSLES);
  }

  @Test
  void refusesWhenEveryChannelIsStale() {
    Kontaktinformasjon k = contact(DAY_BEFORE, DAY_BEFORE);

    assertThat(EighteenMonthRule.varslingsstatus(Status.AKTIV, JaNei.NEI, k, now()))
        .isEqualTo(Varslingsstatus.KAN_IKKE_VARSLES);
  }

  @Test
  void refusesAReservedPersonWhateverTheirContactData() {
    Kontaktinformasjon fresh = contact(LAST_WEEK, LAST_WEEK);

    assertThat(EighteenMonthRule.varslingsstatus(Status.AKTIV, JaNei.JA, fresh, now()))
        .isEqualTo(Varslingsstatus.KAN_IKKE_VARSLES);
  }

  @ParameterizedTest
  @EnumSource(
      value = Status.class,
      names = {"SLETTET", "IKKE_REGISTRERT"})
  void refusesPersonsWhoAreNotActive(Status status) {
    Kontaktinformasjon fresh = contact(LAST_WEEK, LAST_WEEK);

    assertThat(EighteenMonthRule.varslingsstatus(status, JaNei.NEI, fresh, now()))
        .isEqualTo(Varslingsstatus.KAN_IKKE_VARSLES);
  }

  @Test
  void offersOnlyTheFreshChannelOfAPerson() {
    Person person = person(JaNei.NEI, contact(DAY_AFTER, DAY_BEFORE));

    assertThat(person.canBeNotified(now())).isTrue();
    assertThat(person.usableEpostadresse(now())).isEqualTo("ola@example.no");
    assertThat(person.usableMobiltelefonnummer(now())).isNull();
  }

  @Test
  void offersTheOtherChannelWhenOnlyItIsFresh() {
    Person person = person(JaNei.NEI, contact(DAY_BEFORE, EXACTLY_18_MONTHS));

    assertThat(person.usableEpostadresse(now())).isNull();
    assertThat(person.usableMobiltelefonnummer(now())).isEqualTo("+4799999999");
  }

  @Test
  void offersNoChannelOnceBothAreStale() {
    Person person = person(JaNei.NEI, contact(DAY_AFTER, DAY_AFTER));
    Instant twoDaysLater = NOW.plusDays(2).toInstant();

    assertThat(person.canBeNotified(now())).isTrue();
    assertThat(person.canBeNotified(twoDaysLater)).isFalse();
    assertThat(person.usableEpostadresse(twoDaysLater)).isNull();
    assertThat(person.usableMobiltelefonnummer(twoDaysLater)).isNull();
  }

  @Test
  void offersNoChannelOfAReservedPerson() {
    Person person = person(JaNei.JA, contact(LAST_WEEK, LAST_WEEK));

    assertThat(person.canBeNotified(now())).isFalse();
    assertThat(person.usableEpostadresse(now())).isNull();
    assertThat(person.usableMobiltelefonnummer(now())).isNull();
  }

  @Test
  void offersNothingForAPersonWithoutContactData() {
    Person unknown = Person.ikkeRegistrert("20914695016");

    assertThat(unknown.canBeNotified(now())).isFalse();
    assertThat(unknown.usableEpostadresse(now())).isNull();
  }

  /** E-mail and mobile, each last updated (and verified) at the given time. */
  private static Kontaktinformasjon contact(OffsetDateTime epost, OffsetDateTime mobil) {
    return new Kontaktinformasjon(
        "ola@example.no", epost, null, JaNei.NEI, "+4799999999", null, mobil, JaNei.NEI);
  }

  private static Person person(JaNei reservasjon, Kontaktinformasjon k) {
    return new Person(
        "20914695016", reservasjon, Status.AKTIV, null, null, null, k, null, null, "nb", null);
  }

  private static OffsetDateTime at(ZonedDateTime t) {
    return t.toOffsetDateTime();
  }

  private static Instant now() {
    return NOW.toInstant();
  }
}
