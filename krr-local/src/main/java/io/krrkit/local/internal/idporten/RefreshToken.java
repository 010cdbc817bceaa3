package io.krrkit.local.internal.idporten;

import java.time.Instant;
import java.util.Objects;

/**
 * A refresh token as stored (by the hash of its value).
 *
 * @param revoked by {@code /revoke}, a logout (authentication-only grants) or a code redeemed twice
 */
public record RefreshToken(
    String tokenHash, Grant grant, Instant expires, boolean used, boolean revoked) {
  public RefreshToken {
    Objects.requireNonNull(tokenHash, "tokenHash == null");
    Objects.requireNonNull(grant, "grant == null");
    Objects.requireNonNull(expires, "expires == null");
  }

  public RefreshToken(String tokenHash, Grant grant, Instant expires, boolean used) {
    this(tokenHash, grant, expires, used, false);
  }
}
