package io.krrkit.core;

/**
 * Thrown when a string is not a valid identity number, organisation number or scope. The message
 * names the rule that failed and never contains the whole value.
 */
public final class InvalidIdentifierException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String rule;

  InvalidIdentifierException(String rule, String message) {
    super(message);
    this.rule = rule;
  }

  /**
   * The rule that failed, a stable word for programs: {@code length}, {@code digits}, {@code date},
   * {@code control-digit-1}, {@code control-digit-2} (identity numbers), {@code control-digit}
   * (organisation numbers), {@code format} (scopes).
   */
  public String rule() {
    return rule;
  }
}
