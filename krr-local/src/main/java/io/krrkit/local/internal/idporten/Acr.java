package io.krrkit.local.internal.idporten;

import java.util.List;

/**
 * ID-porten's levels of assurance ({@code oidc_protocol_new_idporten}): {@code acr_values} asks for
 * a minimum, the ID token's {@code acr} says what the log-in reached.
 */
final class Acr {
  static final String SUBSTANTIAL = "idporten-loa-substantial";
  static final String HIGH = "idporten-loa-high";
  static final List<String> SUPPORTED = List.of(SUBSTANTIAL, HIGH);

  private Acr() {}

  /**
   * The level a log-in for {@code acrValues} reaches: the lowest level asked (the values are a
   * minimum), substantial when none is asked.
   *
   * @throws OidcException invalid_request for a value ID-porten does not know
   */
  static String requested(String acrValues) {
    if (acrValues == null || acrValues.isBlank()) {
      return SUBSTANTIAL;
    }
    String lowest = null;
    for (String value : acrValues.trim().split(" +")) {
      if (!SUPPORTED.contains(value)) {
        throw OidcException.invalidRequest(
            "acr_values may hold " + SUBSTANTIAL + " and " + HIGH + " (space-separated)");
      }
      if (lowest == null || rank(value) < rank(lowest)) {
        lowest = value;
      }
    }
    return lowest;
  }

  /** Whether a session at {@code reached} satisfies a request for {@code asked}. */
  static boolean satisfies(String reached, String asked) {
    return rank(reached) >= rank(asked);
  }

  private static int rank(String acr) {
    return HIGH.equals(acr) ? 2 : 1;
  }
}
