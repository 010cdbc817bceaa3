package io.krrkit.local.internal.idporten;

import java.util.Optional;

/** Access tokens issued (their jti and grant), shared by every node on the store. */
public interface IssuedTokenRepository {
  void insert(IssuedToken token);

  Optional<IssuedToken> find(String jti);

  /** Revokes every access token of {@code clientId} for {@code pid} (the grant). */
  void revokeGrant(String clientId, String pid);

  /** Revokes the access tokens descending from the code stored under {@code origin}. */
  void revokeOrigin(String origin);

  /** Revokes the authentication-only access tokens of session {@code sid}. */
  void revokeAuthenticationOnly(String sid);
}
