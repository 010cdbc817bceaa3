package io.krrkit.core;

import java.time.Duration;
import java.util.List;

/**
 * What Maskinporten accepts in a JWT grant (RFC 7523; spec.md#jwt-grant), in one place for the
 * client that builds grants ({@code maskinporten-client}) and the emulator that checks them ({@code
 * krr-local}): the grant type, the claim names, the signing algorithms and the time limits. Plain
 * constants, no JOSE types, so krr-core stays free of a JOSE library.
 *
 * <pre>{@code
 * if (!JwtGrantRules.isSigningAlgorithm(header.alg())) { ... }       // MP-124
 * if (!JwtGrantRules.isAllowedLifetime(Duration.between(iat, exp))) { ... } // MP-130
 * }</pre>
 */
public final class JwtGrantRules {
  /** {@code grant_type} of a token request carrying a JWT grant. */
  public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  /** Claim {@code iss}: the client_id. */
  public static final String ISS = "iss";

  /** Claim {@code aud}: the Maskinporten issuer. */
  public static final String AUD = "aud";

  /** Claim {@code sub}: when sent, the client_id again. */
  public static final String SUB = "sub";

  /** Claim {@code iat}, whole seconds. */
  public static final String IAT = "iat";

  /** Claim {@code exp}, whole seconds, at most {@link #MAX_LIFETIME} after {@code iat}. */
  public static final String EXP = "exp";

  /** Claim {@code jti}: single use. */
  public static final String JTI = "jti";

  /** Claim {@code scope}: space-separated scopes. */
  public static final String SCOPE = "scope";

  /** Claim {@code resource}: the audience(s) asked for the access token (RFC 8707). */
  public static final String RESOURCE = "resource";

  /** Claim {@code pid}: the person the token is restricted to. */
  public static final String PID = "pid";

  /**
   * Claim {@code consumer_org}: the consumer a supplier asks for; excludes {@link #ISS_ONBEHALFOF}.
   */
  public static final String CONSUMER_ORG = "consumer_org";

  /**
   * Claim {@code iss_onbehalfof}: the registered on-behalf-of id; excludes {@link #CONSUMER_ORG}.
   */
  public static final String ISS_ONBEHALFOF = "iss_onbehalfof";

  /** {@code alg} values Maskinporten accepts on a grant; RS256 first, the default. */
  public static final List<String> SIGNING_ALGORITHMS = List.of("RS256", "RS384", "RS512");

  /** The longest grant, {@code exp - iat}, in seconds. */
  public static final long MAX_LIFETIME_SECONDS = 120;

  /** The longest grant, {@code exp - iat}: 120 s (MP-130 beyond). */
  public static final Duration MAX_LIFETIME = Duration.ofSeconds(MAX_LIFETIME_SECONDS);

  /** How far {@code iat} and {@code exp} may be from Maskinporten's clock: 10 s. */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(10);

  private JwtGrantRules() {}

  /** Whether {@code alg} is one of {@link #SIGNING_ALGORITHMS} (exact, as JOSE names are). */
  public static boolean isSigningAlgorithm(String alg) {
    return alg != null && SIGNING_ALGORITHMS.contains(alg);
  }

  /** Whether {@code exp - iat} is 1 s to {@link #MAX_LIFETIME}. */
  public static boolean isAllowedLifetime(Duration lifetime) {
    return lifetime != null
        && lifetime.compareTo(Duration.ofSeconds(1)) >= 0
        && lifetime.compareTo(MAX_LIFETIME) <= 0;
  }

  /** {@link #SIGNING_ALGORITHMS} for messages: {@code "RS256, RS384 or RS512"}. */
  public static String signingAlgorithmsText() {
    List<String> all = SIGNING_ALGORITHMS;
    return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
  }
}
