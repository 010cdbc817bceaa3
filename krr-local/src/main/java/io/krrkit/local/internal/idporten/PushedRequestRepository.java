package io.krrkit.local.internal.idporten;

import java.util.Optional;

/** Pushed authorization requests, shared by every node on the store. */
public interface PushedRequestRepository {
  void insert(PushedRequest request);

  Optional<PushedRequest> find(String requestHash);

  /** Marks the request used; false when it was used before (atomic). */
  boolean markUsed(String requestHash);
}
