package io.krrkit.selfservice;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A register where consumers delegate API access to suppliers ({@code GET /delegationsources}),
 * such as Altinn. Its {@code issuer} is what a scope's {@code delegation_source} names.
 *
 * @param name a short name, e.g. {@code altinn}
 * @param description what it is
 * @param issuer the OAuth2 issuer, e.g. {@code https://tt02.altinn.no/}
 */
public record DelegationSource(
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("issuer") String issuer) {

  /** Requires the issuer. */
  public DelegationSource {
    Objects.requireNonNull(issuer, "issuer == null");
  }
}
