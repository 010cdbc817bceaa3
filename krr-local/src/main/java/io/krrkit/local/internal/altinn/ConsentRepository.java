package io.krrkit.local.internal.altinn;

import java.util.List;
import java.util.Optional;

/** Where consents are kept. */
public interface ConsentRepository {
  /** Stores {@code consent}; false when its id is taken. */
  boolean insert(Consent consent);

  /** The consent with {@code id}. */
  Optional<Consent> find(String id);

  /** Every consent, oldest first. */
  List<Consent> findAll();

  /** Removes one; false when there was none with {@code id}. */
  boolean delete(String id);

  /** Removes all. */
  void deleteAll();
}
