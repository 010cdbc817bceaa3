package io.krrkit.local.internal.client;

import java.util.Optional;

/** Where client secrets (their hashes) live: at most one per client. */
public interface ClientSecretRepository {
  Optional<ClientSecret> find(String clientId);

  /** Stores {@code secret}, replacing the client's previous one. */
  void replace(ClientSecret secret);

  /** Removes the client's secret, if any. */
  void delete(String clientId);
}
