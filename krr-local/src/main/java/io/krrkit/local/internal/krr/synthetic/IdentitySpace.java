package io.krrkit.local.internal.krr.synthetic;

import io.krrkit.core.Personidentifikator;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * The valid synthetic identity numbers the generator draws from, in a seeded pseudo-random order
 * without repeats: birth dates 1925-01-01..2009-12-31, month + 80, individual numbers 000-499 for
 * the 1900s and 500-999 for the 2000s (so the century reads right), both mod-11 control digits.
 *
 * <p>Every index names a valid number, and every number in the space has one index ({@link
 * #indexOf}), so "is this number among the first n of the population?" takes constant time. That
 * works because whether a nine-digit prefix has valid control digits depends on its date only
 * through the date digits' two weighted sums mod 11 (and the century): 242 classes of days, each
 * with one sorted list of its valid individual numbers, and a running count of valid numbers per
 * day give the rank of any number and the number of any rank.
 *
 * <p>Individual numbers 900-999 of the 1900s are never drawn: {@link KnownPersons} lives there, so
 * the two never collide.
 */
final class IdentitySpace {
  static final LocalDate FIRST_DAY = LocalDate.of(1925, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2009, 12, 31);
  private static final int INDIVIDUALS_PER_DAY = 500;
  private static final int DAYS = (int) ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;
  private static final long FIRST_EPOCH_DAY = FIRST_DAY.toEpochDay();
  private static final int[] K1_DATE = {3, 7, 6, 1, 8, 9};
  private static final int[] K2_DATE = {5, 4, 3, 2, 7, 6};

  /** By class (weighted sums mod 11 and century), the valid individual numbers, ascending. */
  private static final short[][] VALID = new short[11 * 11 * 2][];

  /** By day, the six date digits as a number (ddmmyy, month + 80). */
  private static final int[] DATE_DIGITS = new int[DAYS];

  /** By day, its class. */
  private static final short[] DAY_CLASS = new short[DAYS];

  /** By day, how many valid numbers the days before it hold; one more entry for the total. */
  private static final int[] FIRST_RANK = new int[DAYS + 1];

  static {
    for (int s1 = 0; s1 < 11; s1++) {
      for (int s2 = 0; s2 < 11; s2++) {
        for (int century = 0; century < 2; century++) {
          VALID[classOf(s1, s2, century)] = validIndividuals(s1, s2, century);
        }
      }
    }
    for (int day = 0; day < DAYS; day++) {
      LocalDate date = FIRST_DAY.plusDays(day);
      int digits =
          date.getDayOfMonth() * 10_000 + (date.getMonthValue() + 80) * 100 + date.getYear() % 100;
      DATE_DIGITS[day] = digits;
      DAY_CLASS[day] =
          (short)
              classOf(
                  weighted(digits, K1_DATE) % 11,
                  weighted(digits, K2_DATE) % 11,
                  date.getYear() >= 2000 ? 1 : 0);
      FIRST_RANK[day + 1] = FIRST_RANK[day] + VALID[DAY_CLASS[day]].length;
    }
  }

  /** Valid numbers in the space (about 12.98 million). */
  static final long SIZE = FIRST_RANK[DAYS];

  private final FeistelPermutation order;

  IdentitySpace(long seed) {
    this.order = new FeistelPermutation(seed, SIZE);
  }

  /** The {@code index}-th number in this seed's order. Distinct indexes give distinct numbers. */
  Personidentifikator at(long index) {
    int rank = (int) order.apply(index);
    int found = Arrays.binarySearch(FIRST_RANK, rank);
    // Every day holds valid numbers, so the running counts rise strictly.
    int day = found >= 0 ? found : -found - 2;
    int individual = VALID[DAY_CLASS[day]][rank - FIRST_RANK[day]];
    return new Personidentifikator(number(day, individual));
  }

  /** The index of {@code id} in this seed's order, or -1 when the space does not hold it. */
  long indexOf(Personidentifikator id) {
    String v = id.value();
    int dd = twoDigits(v, 0);
    int month = twoDigits(v, 2) - 80;
    int yy = twoDigits(v, 4);
    int individual = twoDigits(v, 6) * 10 + (v.charAt(8) - '0');
    int year = (individual < INDIVIDUALS_PER_DAY ? 1900 : 2000) + yy;
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, dd).toEpochDay();
    } catch (DateTimeException e) {
      return -1;
    }
    long day = epochDay - FIRST_EPOCH_DAY;
    if (day < 0 || day >= DAYS) {
      return -1;
    }
    int within = Arrays.binarySearch(VALID[DAY_CLASS[(int) day]], (short) individual);
    if (within < 0 || !number((int) day, individual).equals(v)) {
      return -1;
    }
    return order.inverse(FIRST_RANK[(int) day] + within);
  }

  private static int classOf(int s1, int s2, int century) {
    return (s1 * 11 + s2) * 2 + century;
  }

  private static short[] validIndividuals(int s1, int s2, int century) {
    short[] valid = new short[INDIVIDUALS_PER_DAY];
    int n = 0;
    for (int i = 0; i < INDIVIDUALS_PER_DAY; i++) {
      int individual = century * INDIVIDUALS_PER_DAY + i;
      if (controlDigits(s1, s2, individual) >= 0) {
        valid[n++] = (short) individual;
      }
    }
    return Arrays.copyOf(valid, n);
  }

  /**
   * Both control digits as {@code 10 * k1 + k2}, or -1 when either would be 10, for a day whose
   * date digits weigh {@code s1} and {@code s2} (mod 11).
   */
  private static int controlDigits(int s1, int s2, int individual) {
    int g = individual / 100;
    int h = individual / 10 % 10;
    int i = individual % 10;
    int k1 = control(s1 + 4 * g + 5 * h + 2 * i);
    if (k1 == 10) {
      return -1;
    }
    int k2 = control(s2 + 5 * g + 4 * h + 3 * i + 2 * k1);
    return k2 == 10 ? -1 : 10 * k1 + k2;
  }

  private static int control(int weightedSum) {
    return (11 - weightedSum % 11) % 11;
  }

  private static int weighted(int sixDigits, int[] weights) {
    int sum = 0;
    for (int i = 5; i >= 0; i--) {
      sum += weights[i] * (sixDigits % 10);
      sixDigits /= 10;
    }
    return sum;
  }

  /** The eleven digits of {@code individual} born on {@code day} (valid for the day's class). */
  private static String number(int day, int individual) {
    int cls = DAY_CLASS[day];
    int k = controlDigits(cls / 2 / 11, cls / 2 % 11, individual);
    char[] digits = new char[11];
    put(digits, 0, DATE_DIGITS[day], 6);
    put(digits, 6, individual, 3);
    put(digits, 9, k, 2);
    return new String(digits);
  }

  /** Writes {@code value} as {@code width} decimal digits at {@code from}. */
  private static void put(char[] digits, int from, int value, int width) {
    for (int i = from + width - 1; i >= from; i--) {
      digits[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  private static int twoDigits(String v, int from) {
    return (v.charAt(from) - '0') * 10 + (v.charAt(from + 1) - '0');
  }
}
