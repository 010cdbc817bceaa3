package io.krrkit.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A Norwegian national identity number: fødselsnummer, D-number (day + 40), H-number (month + 40)
 * or synthetic test number (month + 80, as in Tenor), with both mod-11 control digits checked.
 *
 * <p>{@link #toString()} is masked ({@code 2091****016}); use {@link #value()} where the whole
 * number is needed, and never in a log line.
 *
 * <pre>{@code
 * Personidentifikator id = Personidentifikator.of("20914695016");
 * id.type();        // SYNTHETIC
 * id.birthDate();   // 1946-11-20
 * }</pre>
 */
public record Personidentifikator(String value) implements Comparable<Personidentifikator> {

  private static final int[] K1_WEIGHTS = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  private static final int[] K2_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

  /** What kind of identity number this is, read from the day and month digits. */
  public enum Type {
    FODSELSNUMMER,
    D_NUMMER,
    H_NUMMER,
    /** A synthetic test number (month + 80); also used with D-number days. */
    SYNTHETIC
  }

  /** Validates; throws {@link InvalidIdentifierException} naming the rule that failed. */
  public Personidentifikator {
    Objects.requireNonNull(value, "value == null");
    Optional<Problem> problem = problem(value);
    if (problem.isPresent()) {
      throw new InvalidIdentifierException(problem.get().rule(), problem.get().message());
    }
  }

  /** Parses and validates an identity number. */
  @JsonCreator
  public static Personidentifikator of(String value) {
    return new Personidentifikator(value);
  }

  /** True if {@code value} is a valid identity number. */
  public static boolean isValid(String value) {
    return value != null && problem(value).isEmpty();
  }

  /**
   * Why {@code value} is not a valid identity number, or empty if it is. The message never contains
   * the whole value.
   */
  public static Optional<String> validate(String value) {
    if (value == null) {
      return Optional.of("personidentifikator is missing");
    }
    return problem(value).map(Problem::message);
  }

  /** The type, read from the day and month digits. */
  public Type type() {
    int day = twoDigits(0);
    int month = twoDigits(2);
    if (month > 80) {
      return Type.SYNTHETIC;
    }
    if (month > 40) {
      return Type.H_NUMMER;
    }
    return day > 40 ? Type.D_NUMMER : Type.FODSELSNUMMER;
  }

  /** True for synthetic test numbers (month + 80). */
  public boolean isSynthetic() {
    return type() == Type.SYNTHETIC;
  }

  /** The birth date, with the century read from the individual number. */
  public LocalDate birthDate() {
    return birthDate(value).orElseThrow();
  }

  /** The whole number, for the wire. Never log it; {@link #toString()} is masked. */
  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return Masking.identifier(value);
  }

  @Override
  public int compareTo(Personidentifikator other) {
    return value.compareTo(other.value);
  }

  /**
   * Computes the two control digits for nine leading digits, or empty when no valid number starts
   * with them (a control digit would be 10). Used by generators of synthetic numbers.
   */
  public static Optional<String> withControlDigits(String firstNine) {
    // ASCII only: Character.isDigit also accepts other scripts' digits, which '0' arithmetic
    // breaks.
    if (firstNine.length() != 9 || !firstNine.chars().allMatch(c -> isAsciiDigit((char) c))) {
      throw new IllegalArgumentException("need nine digits");
    }
    int k1 = control(firstNine, K1_WEIGHTS);
    if (k1 == 10) {
      return Optional.empty();
    }
    int k2 = control(firstNine + k1, K2_WEIGHTS);
    if (k2 == 10) {
      return Optional.empty();
    }
    return Optional.of(firstNine + k1 + k2);
  }

  private static Optional<Problem> problem(String value) {
    if (value.length() != 11) {
      return fail(
          "length", "personidentifikator must be 11 digits, got " + value.length() + " characters");
    }
    for (int i = 0; i < 11; i++) {
      if (!isAsciiDigit(value.charAt(i))) {
        return fail(
            "digits", "personidentifikator must be digits only; position " + (i + 1) + " is not");
      }
    }
    if (birthDate(value).isEmpty()) {
      return fail(
          "date",
          "personidentifikator does not start with a valid date (DDMMYY, D-number day+40,"
              + " H-number month+40 or synthetic month+80)");
    }
    int k1 = control(value.substring(0, 9), K1_WEIGHTS);
    if (k1 == 10 || k1 != value.charAt(9) - '0') {
      return fail("control-digit-1", "personidentifikator fails control digit 1 (mod 11)");
    }
    int k2 = control(value.substring(0, 10), K2_WEIGHTS);
    if (k2 == 10 || k2 != value.charAt(10) - '0') {
      return fail("control-digit-2", "personidentifikator fails control digit 2 (mod 11)");
    }
    return Optional.empty();
  }

  /** A failed rule; exceptions are built only when thrown, so validation stays cheap. */
  private record Problem(String rule, String message) {}

  private static Optional<Problem> fail(String rule, String message) {
    return Optional.of(new Problem(rule, message));
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int control(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    int k = 11 - sum % 11;
    return k == 11 ? 0 : k;
  }

  private static Optional<LocalDate> birthDate(String value) {
    int day = Integer.parseInt(value.substring(0, 2));
    int month = Integer.parseInt(value.substring(2, 4));
    int yy = Integer.parseInt(value.substring(4, 6));
    int individual = Integer.parseInt(value.substring(6, 9));
    if (day > 40) {
      day -= 40;
    }
    if (month > 80) {
      month -= 80;
    } else if (month > 40) {
      month -= 40;
    }
    try {
      return Optional.of(LocalDate.of(century(individual, yy) + yy, month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The century from the individual number ranges of the Norwegian population register. */
  private static int century(int individual, int yy) {
    if (individual <= 499) {
      return 1900;
    }
    if (individual <= 749 && yy >= 54) {
      return 1800;
    }
    if (yy <= 39) {
      return 2000;
    }
    // 900-999 with 40-99 is the 1900s; 750-899 with 40-99 is unassigned, read it the same way.
    return 1900;
  }

  private int twoDigits(int from) {
    return Integer.parseInt(value.substring(from, from + 2));
  }
}
