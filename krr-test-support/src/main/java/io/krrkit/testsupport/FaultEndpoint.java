package io.krrkit.testsupport;

/**
 * The groups of endpoints a fault rule can target ({@link Faults#on}), each named on the wire by
 * {@link #wireName()} as the operator API's {@code POST /admin/faults} takes it. The same groups as
 * krr-local's own {@code io.krrkit.local.FaultEndpoint}, which this module cannot see.
 */
public enum FaultEndpoint {
  /** Maskinporten's token endpoint, {@code POST /maskinporten/token}. */
  TOKEN("token"),
  /** Maskinporten's key set, {@code GET /maskinporten/jwk}. */
  JWKS("jwks"),
  /** Maskinporten's metadata, at both of its locations. */
  METADATA("metadata"),
  /** KRR's lookups, {@code /kontaktregisteret/…} but the change feed. */
  KRR_LOOKUP("krr_lookup"),
  /** KRR's change feed, {@code POST /kontaktregisteret/rest/v2/krr/hentEndringer}. */
  KRR_CHANGES("krr_changes"),
  /** The self-service API, {@code /selvbetjening/…}. */
  SELFSERVICE("selfservice"),
  /** ID-porten, {@code /idporten/…}. */
  IDPORTEN("idporten");

  private final String wireName;

  FaultEndpoint(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the operator API and the CLI, such as {@code krr_lookup}. */
  public String wireName() {
    return wireName;
  }

  /**
   * The group named {@code name} on the wire.
   *
   * @throws IllegalArgumentException for a name the operator API does not know
   */
  public static FaultEndpoint fromWireName(String name) {
    for (FaultEndpoint endpoint : values()) {
      if (endpoint.wireName.equals(name)) {
        return endpoint;
      }
    }
    throw new IllegalArgumentException("unknown fault endpoint " + name);
  }
}
