package io.krrkit.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What a self-service client is for ({@code integration_type}); it cannot change after creation.
 * One type for the self-service client library and the emulator, so both read and write the same
 * wire names.
 */
public enum IntegrationType {
  /**
   * Lookups in KRR; gets {@code krr:global/kontaktinformasjon.read} and {@code digitalpost.read}.
   */
  KRR("krr"),
  /** Maskinporten tokens for the scopes it is given. */
  MASKINPORTEN("maskinporten"),
  /** An end-user system acting for a logged-in person through ID-porten. */
  API_KLIENT("api_klient"),
  /** Login with ID-porten. */
  IDPORTEN("idporten");

  private final String wireName;

  IntegrationType(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the self-service API ({@code integration_type}), e.g. {@code krr}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Looks up a type by its wire name. */
  public static Optional<IntegrationType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }

  /** Scopes this type gets automatically (KRR: both {@code krr:global/*} read scopes). */
  public Set<Scope> automaticScopes() {
    return this == KRR
        ? Set.of(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ)
        : Set.of();
  }

  /** True when clients of this type may get Maskinporten (jwt-bearer) tokens. */
  public boolean usesMaskinporten() {
    return this == KRR || this == MASKINPORTEN;
  }
}
