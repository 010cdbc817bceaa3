package io.krrkit.local.internal.client;

import java.time.Instant;
import java.util.Objects;

/**
 * A client's static secret ({@code client_secret_basic} / {@code client_secret_post}) as the store
 * holds it: its SHA-256 only, never the value the client presents.
 *
 * @param secretHash hex SHA-256 of the secret
 * @param expires Digdir's maximum lifetime (360 days) after {@code created}
 */
public record ClientSecret(String clientId, String secretHash, Instant created, Instant expires) {
  public ClientSecret {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(secretHash, "secretHash == null");
    Objects.requireNonNull(created, "created == null");
    Objects.requireNonNull(expires, "expires == null");
  }
}
