package io.krrkit.local.internal.krr.synthetic;

import io.krrkit.local.internal.krr.RegisterEntry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The shares the synthetic register is drawn with, each a fraction in [0, 1].
 *
 * @param aktiv of the population: registered and active (KRR holds just under 4.6 of 5.5 million)
 * @param slettet of the population: deleted from the register; the rest is not registered
 * @param reservert of active persons: reserved against digital communication
 * @param digitalPost of active, unreserved persons: with a digital post mailbox
 * @param stale of active persons: contact information older than 18 months
 * @param epost of active persons: with an e-mail address
 * @param mobil of active persons: with a mobile number
 * @param spraak of active persons, by language ({@code nb}, {@code nn}, {@code en}, {@code se});
 *     sums to 1, drawn in the map's order
 */
public record Shares(
    double aktiv,
    double slettet,
    double reservert,
    double digitalPost,
    double stale,
    double epost,
    double mobil,
    Map<String, Double> spraak) {

  /**
   * The shares of spec.md#synthetic-register: 84 % AKTIV, 1 % SLETTET, 0.5 % reserved, 50 % digital
   * post, ....
   */
  public static final Shares DEFAULT =
      new Shares(0.84, 0.01, 0.005, 0.5, 0.10, 0.90, 0.95, languages(0.85, 0.10, 0.04, 0.01));

  /** Checks every share and that the languages sum to 1. */
  public Shares {
    requireFraction("aktiv", aktiv);
    requireFraction("slettet", slettet);
    requireFraction("aktiv + slettet", aktiv + slettet);
    requireFraction("reservert", reservert);
    requireFraction("digitalPost", digitalPost);
    requireFraction("stale", stale);
    requireFraction("epost", epost);
    requireFraction("mobil", mobil);
    spraak = new LinkedHashMap<>(Objects.requireNonNull(spraak, "spraak == null"));
    spraak.forEach(Shares::requireLanguage);
    double sum = spraak.values().stream().mapToDouble(Double::doubleValue).sum();
    if (Math.abs(sum - 1.0) > 1e-9) {
      throw new IllegalArgumentException("spraak shares must sum to 1, got " + sum);
    }
    spraak = Collections.unmodifiableMap(spraak);
  }

  /** Language shares in KRR's order: nb, nn, en, se. */
  public static Map<String, Double> languages(double nb, double nn, double en, double se) {
    Map<String, Double> shares = new LinkedHashMap<>();
    shares.put("nb", nb);
    shares.put("nn", nn);
    shares.put("en", en);
    shares.put("se", se);
    return shares;
  }

  private static void requireLanguage(String language, Double share) {
    if (!RegisterEntry.SPRAAK.contains(language)) {
      throw new IllegalArgumentException(
          "spraak must be among " + RegisterEntry.SPRAAK + ", was " + language);
    }
    requireFraction("spraak " + language, share);
  }

  private static void requireFraction(String name, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(name + " must be a share in [0, 1], was " + share);
    }
  }
}
