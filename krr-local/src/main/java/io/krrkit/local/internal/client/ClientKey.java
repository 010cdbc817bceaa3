package io.krrkit.local.internal.client;

import java.time.Instant;
import java.util.Objects;

/**
 * A public key registered on a client.
 *
 * @param clientId the client holding the key
 * @param kid key id, unique across all clients
 * @param publicJwk the public JWK as JSON (RSA, {@code kty, alg, use, e, n}, maybe {@code x5c})
 * @param created when the key was uploaded
 * @param expires after this the key no longer authenticates the client (MP-121)
 */
public record ClientKey(
    String clientId, String kid, String publicJwk, Instant created, Instant expires) {
  /** Checks that nothing is missing. */
  public ClientKey {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(kid, "kid == null");
    Objects.requireNonNull(publicJwk, "publicJwk == null");
    Objects.requireNonNull(created, "created == null");
    Objects.requireNonNull(expires, "expires == null");
  }

  /** True when the key has expired at {@code now}. */
  public boolean isExpired(Instant now) {
    return !now.isBefore(expires);
  }
}
