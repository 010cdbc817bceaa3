package io.krrkit.local.internal.client;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Keys of registered clients. */
public interface ClientKeyRepository {
  /** All keys of one client, oldest first. */
  List<ClientKey> findByClient(String clientId);

  /** The key with this {@code kid}, on whichever client holds it. */
  Optional<ClientKey> findByKid(String kid);

  /**
   * The one way keys change: in one transaction that locks the client, {@code change} gets the keys
   * the client holds (oldest first) and returns the set it is to hold instead. Changes of one
   * client so run one after another, each from what the one before left, and a rule {@code change}
   * checks (at most five keys) holds however requests interleave. {@code change} runs while the
   * lock is held: it must not use the store; a runtime exception from it writes nothing.
   *
   * @return the keys held afterwards; empty, writing nothing, when the client does not exist
   */
  Optional<List<ClientKey>> change(String clientId, UnaryOperator<List<ClientKey>> change);

  /** Replaces the client's whole key set (POST /jwks semantics); nothing without the client. */
  default void replaceAll(String clientId, List<ClientKey> keys) {
    List<ClientKey> replacement = List.copyOf(keys);
    change(clientId, held -> replacement);
  }
}
