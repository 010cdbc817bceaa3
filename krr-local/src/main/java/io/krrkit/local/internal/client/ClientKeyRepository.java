package io.krrkit.local.internal.client;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Keys of registered clients. */
public interface ClientKeyRepository {
  /** All keys of one client, oldest first. */
  List<ClientKey> findByClient(String clientId);

  /** The key with this {@code kid}, on whichever client holds it. */
  Optional<ClientKey> findByKid(String kid);

  /** Replaces the client's whole key set in one transaction (POST /jwks semantics). */
  void replaceAll(String clientId, List<ClientKey> keys);

  /**
   * Replaces the client's key set with {@code keys} only while it holds exactly the kids {@code
   * expected}, checked and written in one transaction that locks the client: a change made from
   * what was read, which another change cannot overtake (so the five-key rule holds).
   *
   * @return false, writing nothing, when the client's kids differ from {@code expected}
   */
  boolean replaceAllIf(String clientId, Set<String> expected, List<ClientKey> keys);

  /** Removes one key; true when it existed on that client. */
  boolean delete(String clientId, String kid);
}
