package io.krrkit.local.internal.krr.synthetic;

import io.krrkit.core.Personidentifikator;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The synthetic identity numbers the generator draws from, walked in a seeded pseudo-random order
 * without repeats: birth dates 1925-01-01..2009-12-31, month + 80, individual numbers 000-499 for
 * the 1900s and 500-999 for the 2000s (so the century reads right), both mod-11 control digits.
 * About one nine-digit prefix in six has no valid control digits and is skipped.
 *
 * <p>Individual numbers 900-999 of the 1900s are never drawn: {@link KnownPersons} lives there, so
 * the two never collide.
 */
final class IdentitySpace {
  static final LocalDate FIRST_DAY = LocalDate.of(1925, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2009, 12, 31);
  private static final int INDIVIDUALS_PER_DAY = 500;
  private static final long DAYS = ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;

  /** Nine-digit prefixes in the space (valid or not). */
  static final long SIZE = DAYS * INDIVIDUALS_PER_DAY;

  private final FeistelPermutation order;

  IdentitySpace(long seed) {
    this.order = new FeistelPermutation(seed, SIZE);
  }

  /**
   * The {@code index}-th prefix in this seed's order, as an identity number, or empty when the
   * prefix has no valid control digits. Distinct indexes give distinct numbers.
   */
  Optional<Personidentifikator> at(long index) {
    long slot = order.apply(index);
    LocalDate birth = FIRST_DAY.plusDays(slot / INDIVIDUALS_PER_DAY);
    int individual =
        (int) (slot % INDIVIDUALS_PER_DAY) + (birth.getYear() >= 2000 ? INDIVIDUALS_PER_DAY : 0);
    char[] digits = new char[9];
    put(digits, 0, birth.getDayOfMonth(), 2);
    put(digits, 2, birth.getMonthValue() + 80, 2);
    put(digits, 4, birth.getYear() % 100, 2);
    put(digits, 6, individual, 3);
    return Personidentifikator.withControlDigits(new String(digits)).map(Personidentifikator::new);
  }

  /** Writes {@code value} as {@code width} decimal digits at {@code from}. */
  private static void put(char[] digits, int from, int value, int width) {
    for (int i = from + width - 1; i >= from; i--) {
      digits[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
