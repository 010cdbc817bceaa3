package io.krrkit.local.internal.certificate;

import java.time.Instant;
import java.util.Optional;

/** Where the emulator's one test CA is kept, shared by every node on the store. */
public interface CertificateAuthorityRepository {
  /** The stored CA, if one was created. */
  Optional<CertificateAuthority> find();

  /** Stores {@code authority}; {@code false} when another node stored one first. */
  boolean insert(CertificateAuthority authority, Instant created);
}
