package io.krrkit.local.internal.client;

import java.util.List;
import java.util.Optional;

/** On-behalf-of registrations of clients. */
public interface OnBehalfOfRepository {
  /** The registration {@code onbehalfof} of {@code clientId}. */
  Optional<OnBehalfOf> find(String clientId, String onbehalfof);

  /** The registrations of {@code clientId}, oldest first. */
  List<OnBehalfOf> findByClient(String clientId);

  /** Inserts the registration; false when the client has one with that id already. */
  boolean insert(OnBehalfOf registration);

  /** Removes a registration; true when it existed. */
  boolean delete(String clientId, String onbehalfof);
}
