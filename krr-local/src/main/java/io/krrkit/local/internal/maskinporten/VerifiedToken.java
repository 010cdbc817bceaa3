package io.krrkit.local.internal.maskinporten;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The claims of a Maskinporten access token that a resource server (the self-service API, KRR) acts
 * on, after {@link AccessTokenVerifier} checked issuer, signature and expiry.
 *
 * @param clientId {@code client_id}
 * @param consumer the organisation the token acts for ({@code consumer.ID})
 * @param supplier {@code supplier.ID} when a supplier acts for the consumer, else {@code null}
 * @param scopes {@code scope}
 * @param expiresAt {@code exp}
 * @param pid {@code pid} for person-restricted tokens, else {@code null}
 * @param audience {@code aud} when the token is audience-restricted, else empty
 */
public record VerifiedToken(
    String clientId,
    OrgNumber consumer,
    OrgNumber supplier,
    Set<Scope> scopes,
    Instant expiresAt,
    String pid,
    List<String> audience) {
  /** Freezes collections and checks required claims. */
  public VerifiedToken {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(consumer, "consumer == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    audience = audience == null ? List.of() : List.copyOf(audience);
  }

  /** True when the token carries {@code scope}. */
  public boolean hasScope(Scope scope) {
    return scopes.contains(scope);
  }
}
