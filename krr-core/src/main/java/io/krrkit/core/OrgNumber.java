package io.krrkit.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A Norwegian organisation number (organisasjonsnummer): nine digits, the last a mod-11 control
 * digit with weights 3 2 7 6 5 4 3 2.
 *
 * <pre>{@code
 * OrgNumber org = OrgNumber.of("310000027");
 * org.iso6523(); // "0192:310000027", as in Maskinporten's consumer claim
 * }</pre>
 */
public record OrgNumber(String value) {
  private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

  /** ISO 6523 actor id prefix for Norwegian organisation numbers. */
  public static final String ISO6523_PREFIX = "0192:";

  /** Validates; throws {@link InvalidIdentifierException} naming the rule that failed. */
  public OrgNumber {
    Objects.requireNonNull(value, "value == null");
    if (value.length() != 9) {
      throw new InvalidIdentifierException(
          "length", "organisation number must be 9 digits, got " + value.length() + " characters");
    }
    if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidIdentifierException("digits", "organisation number must be digits only");
    }
    if (control(value) != value.charAt(8) - '0') {
      throw new InvalidIdentifierException(
          "control-digit", "organisation number fails its control digit (mod 11)");
    }
  }

  /** Parses and validates an organisation number. */
  @JsonCreator
  public static OrgNumber of(String value) {
    return new OrgNumber(value);
  }

  /** True if {@code value} is a valid organisation number. */
  public static boolean isValid(String value) {
    try {
      of(value);
      return true;
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  /**
   * Parses {@code 0192:310000027} (the {@code ID} of Maskinporten's {@code consumer} claim) or a
   * bare organisation number.
   */
  public static OrgNumber fromIso6523(String actorId) {
    Objects.requireNonNull(actorId, "actorId == null");
    return of(actorId.startsWith(ISO6523_PREFIX) ? actorId.substring(5) : actorId);
  }

  /** The ISO 6523 actor id, {@code 0192:<orgno>}. */
  public String iso6523() {
    return ISO6523_PREFIX + value;
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Control digit for eight leading digits, or -1 when none exists (remainder 1). */
  static int control(String digits) {
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum += (digits.charAt(i) - '0') * WEIGHTS[i];
    }
    int k = 11 - sum % 11;
    if (k == 11) {
      return 0;
    }
    return k == 10 ? -1 : k;
  }
}
