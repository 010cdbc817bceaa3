package io.krrkit.spring.boot;

/**
 * Which of Digdir's environments a client talks to when no custom URL is given ({@code
 * krr.*.issuer} or {@code krr.*.base-url}, as for krr-local).
 */
public enum DigdirEnvironment {
  /** Digdir's test environment (test.maskinporten.no, test.kontaktregisteret.no, …). */
  TEST,
  /** Production. */
  PRODUCTION
}
