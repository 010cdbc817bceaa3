package io.krrkit.core;

/**
 * Masks values that must never reach a log line or an exception message in full: identity numbers,
 * tokens, assertions and keys.
 *
 * <pre>{@code
 * Masking.identifier("20914695016"); // "2091****016"
 * Masking.secret("eyJraWQiOi...");    // "eyJr…(812 chars)"
 * }</pre>
 */
public final class Masking {
  private Masking() {}

  /**
   * Masks an identity number (or anything shaped like one): the first four and last three
   * characters stay, the rest become {@code *}. Values of 7 characters or fewer are masked whole.
   */
  public static String identifier(String value) {
    if (value == null) {
      return "null";
    }
    if (value.length() <= 7) {
      return "*".repeat(value.length());
    }
    return value.substring(0, 4)
        + "*".repeat(value.length() - 7)
        + value.substring(value.length() - 3);
  }

  /** Masks a secret (token, assertion, key): only its first four characters and length stay. */
  public static String secret(String value) {
    if (value == null) {
      return "null";
    }
    if (value.length() <= 8) {
      return "****";
    }
    return value.substring(0, 4) + "…(" + value.length() + " chars)";
  }
}
