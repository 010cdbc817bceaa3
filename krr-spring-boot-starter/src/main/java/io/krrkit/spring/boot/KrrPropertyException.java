package io.krrkit.spring.boot;

import java.util.Objects;

/**
 * A {@code krr.*} property is missing or wrong, found while the starter makes its beans. {@link
 * KrrPropertyFailureAnalyzer} shows it at start-up as the property, what is wrong and what to set.
 * Messages never contain key material or passwords.
 */
public final class KrrPropertyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String property;
  private final String action;

  /**
   * @param property the property, e.g. {@code krr.maskinporten.client-id}
   * @param problem what is wrong with it
   * @param action what to set
   */
  public KrrPropertyException(String property, String problem, String action) {
    super(Objects.requireNonNull(property, "property == null") + ": " + problem);
    this.property = property;
    this.action = Objects.requireNonNull(action, "action == null");
  }

  /** The property, e.g. {@code krr.maskinporten.key}. */
  public String property() {
    return property;
  }

  /** What to set to fix it. */
  public String action() {
    return action;
  }
}
