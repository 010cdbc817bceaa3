package io.krrkit.local.internal.signing;

import java.util.List;

/** The emulator's signing keys in the store, shared by every node on that store. */
public interface SigningKeyRepository {
  /** Active keys, newest generation first. */
  List<SigningKey> findActive();

  /**
   * Inserts a key unless its generation is taken (another node won the race).
   *
   * @return true when inserted, false when the generation already exists
   */
  boolean insert(SigningKey key);
}
