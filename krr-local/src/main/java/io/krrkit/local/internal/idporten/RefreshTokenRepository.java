package io.krrkit.local.internal.idporten;

import java.util.Optional;

/** Refresh tokens, shared by every node on the store. */
public interface RefreshTokenRepository {
  void insert(RefreshToken token);

  Optional<RefreshToken> find(String tokenHash);

  /** Marks the token used; false when it was used before (the check and the mark are atomic). */
  boolean markUsed(String tokenHash);
}
