package io.krrkit.local.internal.access;

import java.util.List;
import java.util.Objects;

/**
 * An authority where consumers delegate API access to suppliers ({@code GET /delegationsources}):
 * its OAuth2 {@code issuer}, the value to set as a scope's {@code delegation_source}.
 *
 * @param name what to call it, e.g. {@code Altinn TT02}
 * @param issuer the issuer URL, e.g. {@code https://tt02.altinn.no/}
 */
public record DelegationSource(String name, String issuer) {

  /** Checks that both parts are set. */
  public DelegationSource {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(issuer, "issuer == null");
  }

  /**
   * The sources the emulator lists: Altinn's test environment, as Maskinporten's TEST does, and
   * {@code configured} (the issuer the emulator names in delegated tokens) when it differs.
   */
  public static List<DelegationSource> known(String configured) {
    DelegationSource altinn = new DelegationSource("Altinn TT02", "https://tt02.altinn.no/");
    return altinn.issuer().equals(configured)
        ? List.of(altinn)
        : List.of(altinn, new DelegationSource("krr-local", configured));
  }
}
