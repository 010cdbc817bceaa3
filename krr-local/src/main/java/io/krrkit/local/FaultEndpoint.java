package io.krrkit.local;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The groups of endpoints a fault rule can target ({@link Controls#faults()}, {@code POST
 * /admin/faults}), each named on the wire by {@link #wireName()}.
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

  private static final String MASKINPORTEN_METADATA = "/.well-known/oauth-authorization-server";

  private final String wireName;

  FaultEndpoint(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the operator API and the CLI, such as {@code krr_lookup}. */
  public String wireName() {
    return wireName;
  }

  /** The endpoint group named {@code name} on the wire (case-insensitive). */
  public static Optional<FaultEndpoint> fromWireName(String name) {
    return Arrays.stream(values())
        .filter(e -> e.wireName.equals(name == null ? null : name.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  /** The wire names, comma-separated, for error messages and help. */
  public static String wireNames() {
    return String.join(", ", Arrays.stream(values()).map(FaultEndpoint::wireName).toList());
  }

  /** The group {@code path} belongs to, or empty when faults never apply to it. */
  public static Optional<FaultEndpoint> of(String path) {
    if (path.equals("/maskinporten/token")) {
      return Optional.of(TOKEN);
    }
    if (path.equals("/maskinporten/jwk")) {
      return Optional.of(JWKS);
    }
    if (path.equals("/maskinporten" + MASKINPORTEN_METADATA)
        || path.equals(MASKINPORTEN_METADATA + "/maskinporten")) {
      return Optional.of(METADATA);
    }
    if (path.equals("/kontaktregisteret/rest/v2/krr/hentEndringer")) {
      return Optional.of(KRR_CHANGES);
    }
    if (path.startsWith("/kontaktregisteret/")) {
      return Optional.of(KRR_LOOKUP);
    }
    if (path.startsWith("/selvbetjening/")) {
      return Optional.of(SELFSERVICE);
    }
    if (path.startsWith("/idporten/") || path.equals("/idporten")) {
      return Optional.of(IDPORTEN);
    }
    return Optional.empty();
  }
}
