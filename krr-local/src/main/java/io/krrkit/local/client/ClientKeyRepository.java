package io.krrkit.local.client;

import java.util.List;
import java.util.Optional;

/** Keys of registered clients. */
public interface ClientKeyRepository {
  /** All keys of one client, oldest first. */
  List<ClientKey> findByClient(String clientId);

  /** The key with this {@code kid}, on whichever client holds it. */
  Optional<ClientKey> findByKid(String kid);

  /** Replaces the client's whole key set in one transaction (POST /jwks semantics). */
  void replaceAll(String clientId, List<ClientKey> keys);

  /** Removes one key; true when it existed on that client. */
  boolean delete(String clientId, String kid);
}
