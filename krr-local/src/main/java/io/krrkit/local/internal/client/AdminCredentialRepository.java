package io.krrkit.local.internal.client;

import io.krrkit.core.OrgNumber;
import java.util.Optional;

/** The admin credential of each organisation the emulator bootstraps, one per organisation. */
public interface AdminCredentialRepository {
  /** The credential kept for {@code org}. */
  Optional<AdminCredential> findByOrg(OrgNumber org);

  /**
   * Keeps {@code credential} for {@code org} unless one is kept already (another node may have been
   * first); true when this one was stored.
   */
  boolean insertIfAbsent(OrgNumber org, AdminCredential credential);
}
