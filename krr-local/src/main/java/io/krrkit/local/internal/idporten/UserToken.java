package io.krrkit.local.internal.idporten;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The claims of an ID-porten access token that a resource server (KRR's user API, userinfo) acts
 * on, after {@link UserTokenVerifier} checked type, issuer, signature and expiry.
 *
 * @param pid the logged-in person
 * @param clientId the client the person logged in to
 * @param scopes what the person let the client do
 * @param expiresAt {@code exp}
 * @param jti the token's id, which userinfo looks up to refuse a revoked token
 */
public record UserToken(
    Personidentifikator pid, String clientId, Set<Scope> scopes, Instant expiresAt, String jti) {
  /** Checks required claims and freezes the scopes. */
  public UserToken {
    Objects.requireNonNull(pid, "pid == null");
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    scopes = Set.copyOf(scopes);
  }

  /** True when the token carries {@code scope}. */
  public boolean hasScope(Scope scope) {
    return scopes.contains(scope);
  }
}
