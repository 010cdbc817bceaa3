package io.krrkit.local.internal.idporten;

import java.util.Optional;

/** Refresh tokens, shared by every node on the store. */
public interface RefreshTokenRepository {
  void insert(RefreshToken token);

  Optional<RefreshToken> find(String tokenHash);

  /** Marks the token used; false when it was used before (the check and the mark are atomic). */
  boolean markUsed(String tokenHash);

  /** Revokes every refresh token of {@code clientId} for {@code pid} (the grant). */
  void revokeGrant(String clientId, String pid);

  /** Revokes the refresh tokens descending from the code stored under {@code origin}. */
  void revokeOrigin(String origin);

  /** Revokes the authentication-only refresh tokens of session {@code sid}. */
  void revokeAuthenticationOnly(String sid);
}
