package io.krrkit.selfservice;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a client is for ({@code integration_type}); it cannot change after creation. */
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

  /** The name in the API, e.g. {@code krr}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }
}
