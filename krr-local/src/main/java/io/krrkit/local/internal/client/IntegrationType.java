package io.krrkit.local.internal.client;

import io.krrkit.core.Scope;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The self-service integration types, with their wire names. */
public enum IntegrationType {
  KRR("krr"),
  MASKINPORTEN("maskinporten"),
  API_KLIENT("api_klient"),
  IDPORTEN("idporten");

  private final String wireName;

  IntegrationType(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the self-service API ({@code integration_type}). */
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
