package io.krrkit.core.krr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class KrrTimestampsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // The register's own form (oppslagstjenesten_rest.md, krr_attributter.md).
    "2023-06-10T21:00:01+02,        2023-06-10T19:00:01Z, +02:00",
    "2023-06-10T21:00:01+02:00,     2023-06-10T19:00:01Z, +02:00",
    "2023-06-10T21:00:01+0200,      2023-06-10T19:00:01Z, +02:00",
    "2023-06-10T19:00:01Z,          2023-06-10T19:00:01Z, Z",
    "2023-01-10T21:00:01+01,        2023-01-10T20:00:01Z, +01:00",
    "2023-06-10T21:00:01.5+02,      2023-06-10T19:00:01.500Z, +02:00",
    "2023-06-10T21:00:01.123456+02:00, 2023-06-10T19:00:01.123456Z, +02:00",
    // krr_attributter.md's example, fractions and Z.
    "2023-08-05T10:45:15.768Z,      2023-08-05T10:45:15.768Z, Z",
    "2021-09-15T10:20:43.354+02:00, 2021-09-15T08:20:43.354Z, +02:00",
    "2023-06-10T21:00+02,           2023-06-10T19:00:00Z, +02:00",
    "' 2023-06-10T21:00:01+02 ',    2023-06-10T19:00:01Z, +02:00",
  })
  void parsesEveryFormRealAnswersUse(String text, Instant instant, ZoneOffset offset) {
    OffsetDateTime parsed = KrrTimestamps.parse(text);

    assertThat(parsed.toInstant()).isEqualTo(instant);
    assertThat(parsed.getOffset()).isEqualTo(offset);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t"})
  void readsBlankAsAbsent(String blank) {
    assertThat(KrrTimestamps.parse(blank)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "2023-06-10",
        "2023-06-10T21:00:01",
        "2023-06-10 21:00:01+02",
        "2023-13-10T21:00:01+02",
        "2023-02-30T21:00:01+01",
        "2023-06-10T24:00:01+02",
        "2023-06-10T21:00:01+2",
        "2023-06-10T21:00:01+02:00 trailing",
        "2023-06-10T21:60:01+02",
        "2023-06-10T21:00:60+02",
        "2023-06-10T21:00:01+19",
        "2023-06-10T21:00:01+02:60",
        "2023-06-10T21:00:01+02:0x",
        "2023-06-10T21:00:01+0a",
        "2023-06-1xT21:00:01+02",
        "2023-06-10T21:00:01Y",
        "1686423601"
      })
  void rejectsTextThatIsNotATimestamp(String text) {
    assertThatThrownBy(() -> KrrTimestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void writesSummerTimeWithHourOnlyOffsetPlusTwo() {
    OffsetDateTime utc = OffsetDateTime.parse("2023-06-10T19:00:01Z");

    assertThat(KrrTimestamps.format(utc)).isEqualTo("2023-06-10T21:00:01+02");
  }

  @Test
  void writesWinterTimeWithHourOnlyOffsetPlusOne() {
    OffsetDateTime utc = OffsetDateTime.parse("2023-01-10T20:00:01Z");

    assertThat(KrrTimestamps.format(utc)).isEqualTo("2023-01-10T21:00:01+01");
  }

  @Test
  void writesNorwegianTimeWhateverTheInputOffset() {
    OffsetDateTime newYork = OffsetDateTime.parse("2023-06-10T15:00:01-04:00");

    assertThat(KrrTimestamps.format(newYork)).isEqualTo("2023-06-10T21:00:01+02");
  }

  @Test
  void writesWholeSecondsAsTheRegisterDoes() {
    OffsetDateTime withFraction = OffsetDateTime.parse("2023-08-05T10:45:15.768Z");

    assertThat(KrrTimestamps.format(withFraction)).isEqualTo("2023-08-05T12:45:15+02");
  }

  @Test
  void followsTheSwitchToSummerTime() {
    // Norway moved its clocks from 02:00 +01 to 03:00 +02 on 2023-03-26.
    assertThat(KrrTimestamps.format(OffsetDateTime.parse("2023-03-26T00:59:59Z")))
        .isEqualTo("2023-03-26T01:59:59+01");
    assertThat(KrrTimestamps.format(OffsetDateTime.parse("2023-03-26T01:00:00Z")))
        .isEqualTo("2023-03-26T03:00:00+02");
  }

  @Test
  void readsBackWhatItWrites() {
    OffsetDateTime t = OffsetDateTime.parse("2024-11-30T23:59:59Z");

    assertThat(KrrTimestamps.parse(KrrTimestamps.format(t)).toInstant()).isEqualTo(t.toInstant());
  }

  @Test
  void writesWhatTheGeneralFormatterWritesForAnyInstant() {
    java.time.format.DateTimeFormatter general =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssX")
            .withZone(java.time.ZoneId.of("Europe/Oslo"));
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);
    long from = Instant.parse("1850-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 10_000; i++) {
      Instant t = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));

      assertThat(KrrTimestamps.format(t.atOffset(ZoneOffset.UTC)))
          .as(t.toString())
          .isEqualTo(general.format(t));
    }
  }

  @Test
  void readsEveryOffsetFormAsTheIsoParserReadsItsOwn() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    long from = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("9000-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 10_000; i++) {
      int hours = random.nextInt(0, 15);
      int minutes = random.nextBoolean() ? 0 : random.nextInt(0, 60);
      ZoneOffset offset = ZoneOffset.ofHoursMinutes(hours, minutes);
      OffsetDateTime t = Instant.ofEpochSecond(random.nextLong(from, to)).atOffset(offset);
      String local = t.toLocalDateTime().toString();
      String seconds = local.length() == 16 ? local + ":00" : local; // toString drops ":00"
      String hh = String.format("+%02d", hours);
      String mm = String.format("%02d", minutes);

      assertThat(KrrTimestamps.parse(seconds + hh + ":" + mm)).as(seconds).isEqualTo(t);
      assertThat(KrrTimestamps.parse(seconds + hh + mm)).as(seconds).isEqualTo(t);
      if (minutes == 0) {
        assertThat(KrrTimestamps.parse(seconds + hh)).as(seconds).isEqualTo(t);
      }
      if (hours == 0 && minutes == 0) {
        assertThat(KrrTimestamps.parse(seconds + "Z")).as(seconds).isEqualTo(t);
      }
    }
  }
}
