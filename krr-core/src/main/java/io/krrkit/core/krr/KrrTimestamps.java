package io.krrkit.core.krr;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.zone.ZoneRules;

/**
 * Reads and writes KRR timestamps. Real answers use an hour-only offset ({@code
 * 2023-06-10T21:00:01+02}); documents also show {@code +02:00}, {@code Z} and fractional seconds.
 * {@link OffsetDateTime#parse} rejects {@code +02}, so clients must use {@link #parse(String)}.
 */
public final class KrrTimestamps {
  private static final DateTimeFormatter READ =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalEnd()
          // Longest patterns first: +HH:MM:ss, +HH:MM, +HHMM, +HH, Z.
          .optionalStart()
          .appendOffset("+HH:MM:ss", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter()
          // The default (smart) resolver would turn 2023-02-30 into 2023-02-28 and 24:00 into the
          // next day; a register timestamp like that is corrupt and must be rejected.
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(IsoChronology.INSTANCE);

  /** How the register writes timestamps: seconds, Norwegian time, hour-only offset. */
  private static final DateTimeFormatter WRITE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssX").withZone(ZoneId.of("Europe/Oslo"));

  private KrrTimestamps() {}

  /**
   * Parses a KRR timestamp in any form real answers use. Blank input gives {@code null}.
   *
   * @throws DateTimeParseException when the text is not a timestamp
   */
  public static OffsetDateTime parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.trim();
    OffsetDateTime fast = parseRegisterForm(trimmed);
    return fast != null ? fast : OffsetDateTime.parse(trimmed, READ);
  }

  /**
   * The forms the register writes, {@code 2023-06-10T21:00:01+02}, {@code +02:00}, {@code +0200}
   * and {@code Z}, read without the formatter (a bulk lookup reads millions of them); null for any
   * other text or an invalid field, which the formatter then reads or rejects with its message.
   */
  private static OffsetDateTime parseRegisterForm(String t) {
    int n = t.length();
    if (n < 20
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
      return null;
    }
    int year = number(t, 0, 4);
    int month = number(t, 5, 2);
    int day = number(t, 8, 2);
    int hour = number(t, 11, 2);
    int minute = number(t, 14, 2);
    int second = number(t, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int offsetHours;
    int offsetMinutes = 0;
    if (n == 20 && t.charAt(19) == 'Z') {
      offsetHours = 0;
    } else if (t.charAt(19) != '+') {
      return null;
    } else if (n == 22) {
      offsetHours = number(t, 20, 2);
    } else if (n == 24) {
      offsetHours = number(t, 20, 2);
      offsetMinutes = number(t, 22, 2);
    } else if (n == 25 && t.charAt(22) == ':') {
      offsetHours = number(t, 20, 2);
      offsetMinutes = number(t, 23, 2);
    } else {
      return null;
    }
    if ((offsetHours | offsetMinutes) < 0) {
      return null;
    }
    try {
      return OffsetDateTime.of(
          LocalDateTime.of(year, month, day, hour, minute, second),
          ZoneOffset.ofHoursMinutes(offsetHours, offsetMinutes));
    } catch (DateTimeException e) {
      return null; // 2023-02-30, 24:00, +19: the formatter rejects it with its message
    }
  }

  /** The decimal number of {@code width} ASCII digits at {@code at}, or -1. */
  private static int number(String t, int at, int width) {
    int value = 0;
    for (int i = at; i < at + width; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static final ZoneRules OSLO = ZoneId.of("Europe/Oslo").getRules();

  /** Formats as the register does: {@code 2023-06-10T21:00:01+02}, in Norwegian time. */
  public static String format(OffsetDateTime t) {
    Instant instant = t.toInstant();
    ZoneOffset offset = OSLO.getOffset(instant);
    LocalDateTime local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, offset);
    int hours = offset.getTotalSeconds() / 3600;
    if (offset.getTotalSeconds() % 3600 != 0 || local.getYear() < 1000 || local.getYear() > 9999) {
      return WRITE.format(instant); // historical odd offsets and far years: the general path
    }
    // Answers hold thousands of timestamps; this is several times faster than the formatter.
    char[] out = "0000-00-00T00:00:00+00".toCharArray();
    digits(out, 0, local.getYear(), 4);
    digits(out, 5, local.getMonthValue(), 2);
    digits(out, 8, local.getDayOfMonth(), 2);
    digits(out, 11, local.getHour(), 2);
    digits(out, 14, local.getMinute(), 2);
    digits(out, 17, local.getSecond(), 2);
    if (hours == 0) {
      return new String(out, 0, 19) + "Z";
    }
    out[19] = hours < 0 ? '-' : '+';
    digits(out, 20, Math.abs(hours), 2);
    return new String(out);
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
