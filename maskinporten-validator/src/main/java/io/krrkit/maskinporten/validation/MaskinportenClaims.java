package io.krrkit.maskinporten.validation;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The claims of a validated Maskinporten access token.
 *
 * @param clientId {@code client_id}, the integration that got the token
 * @param clientAmr {@code client_amr}: {@code private_key_jwt} or {@code virksomhetssertifikat}
 * @param consumer {@code consumer.ID}: the organisation the token acts for
 * @param supplier {@code supplier.ID} when a supplier acts for the consumer, else {@code null}
 * @param scopes {@code scope}
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 * @param jti {@code jti}
 * @param pid {@code pid} of a person-restricted token, else {@code null}
 * @param audience {@code aud} of an audience-restricted token, else empty
 * @param delegationSource {@code delegation_source} of a delegated token, else {@code null}
 * @param clientOnBehalfOf {@code client_onbehalfof} of an on-behalf-of token, else {@code null}
 * @param authorizationDetails {@code authorization_details} (RFC 9396) as Maskinporten reflects
 *     them, each a JSON object ({@code type}, and for {@code urn:altinn:systemuser} the system user
 *     and its organisation, for {@code urn:altinn:consent} the consent), else empty
 */
public record MaskinportenClaims(
    String clientId,
    String clientAmr,
    OrgNumber consumer,
    OrgNumber supplier,
    Set<Scope> scopes,
    Instant issuedAt,
    Instant expiresAt,
    String jti,
    String pid,
    List<String> audience,
    String delegationSource,
    String clientOnBehalfOf,
    List<Map<String, Object>> authorizationDetails) {

  /** Freezes the collections and checks the claims every token has. */
  public MaskinportenClaims {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(consumer, "consumer == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    audience = audience == null ? List.of() : List.copyOf(audience);
    authorizationDetails =
        authorizationDetails == null
            ? List.of()
            : authorizationDetails.stream()
                .map(d -> Collections.unmodifiableMap(new LinkedHashMap<>(d)))
                .toList();
  }

  /** The claims of a token without {@code authorization_details}. */
  public MaskinportenClaims(
      String clientId,
      String clientAmr,
      OrgNumber consumer,
      OrgNumber supplier,
      Set<Scope> scopes,
      Instant issuedAt,
      Instant expiresAt,
      String jti,
      String pid,
      List<String> audience,
      String delegationSource,
      String clientOnBehalfOf) {
    this(
        clientId,
        clientAmr,
        consumer,
        supplier,
        scopes,
        issuedAt,
        expiresAt,
        jti,
        pid,
        audience,
        delegationSource,
        clientOnBehalfOf,
        List.of());
  }

  /** The {@code authorization_details} of {@code type} (such as {@code urn:altinn:consent}). */
  public List<Map<String, Object>> authorizationDetails(String type) {
    return authorizationDetails.stream().filter(d -> type.equals(d.get("type"))).toList();
  }

  /** True when the token carries {@code scope}. */
  public boolean hasScope(Scope scope) {
    return scopes.contains(scope);
  }

  /** Leaves the person out: {@code pid} is an identity number. */
  @Override
  public String toString() {
    return "MaskinportenClaims[clientId="
        + clientId
        + ", consumer="
        + consumer
        + ", supplier="
        + supplier
        + ", scopes="
        + scopes
        + ", expiresAt="
        + expiresAt
        + (pid == null ? "" : ", pid=***")
        + "]";
  }
}
