package io.krrkit.local.internal.client;

import io.krrkit.core.Masking;
import java.util.Objects;

/**
 * The self-service admin client the emulator keeps for its organisation, with the private key that
 * signs its JWT grants. {@link #toString()} masks the key.
 *
 * @param clientId the admin client's client_id (the {@code iss} of its grants)
 * @param kid the key id registered on the client
 * @param privateJwk the RSA private key as a JWK (JSON)
 */
public record AdminCredential(String clientId, String kid, String privateJwk) {
  /** Checks that nothing is missing. */
  public AdminCredential {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(kid, "kid == null");
    Objects.requireNonNull(privateJwk, "privateJwk == null");
  }

  @Override
  public String toString() {
    return "AdminCredential[clientId="
        + clientId
        + ", kid="
        + kid
        + ", privateJwk="
        + Masking.secret(privateJwk)
        + "]";
  }
}
