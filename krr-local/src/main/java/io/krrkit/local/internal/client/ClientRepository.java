package io.krrkit.local.internal.client;

import io.krrkit.core.OrgNumber;
import java.util.List;
import java.util.Optional;

/** Registered clients. */
public interface ClientRepository {
  /** The client with this id. */
  Optional<RegisteredClient> findById(String clientId);

  /** Clients owned by {@code owner}, oldest first. */
  List<RegisteredClient> findByOwner(OrgNumber owner);

  /** Clients {@code supplier} registered for its customers, oldest first. */
  List<RegisteredClient> findBySupplier(OrgNumber supplier);

  /** Inserts or replaces the client. */
  void save(RegisteredClient client);

  /** Every client, oldest first. */
  List<RegisteredClient> findAll();

  /** The organisations that own at least one client. */
  List<OrgNumber> owners();

  /** Deletes the client and its keys; true when it existed. */
  boolean delete(String clientId);
}
