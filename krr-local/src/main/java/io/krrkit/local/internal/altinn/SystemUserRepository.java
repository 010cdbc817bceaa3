package io.krrkit.local.internal.altinn;

import io.krrkit.core.OrgNumber;
import java.util.List;
import java.util.Optional;

/** Where system users are kept. */
public interface SystemUserRepository {
  /** Stores {@code user}; false when its client, organisation and external ref are taken. */
  boolean insert(SystemUser user);

  /** The system user of {@code clientId}'s system for {@code org} with {@code externalRef}. */
  Optional<SystemUser> find(String clientId, OrgNumber org, String externalRef);

  /** Every system user, oldest first. */
  List<SystemUser> findAll();

  /** Removes one; false when there was none with {@code id}. */
  boolean delete(String id);

  /** Removes all. */
  void deleteAll();
}
