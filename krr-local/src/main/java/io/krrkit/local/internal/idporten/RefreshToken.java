package io.krrkit.local.internal.idporten;

import java.time.Instant;
import java.util.Objects;

/** A refresh token as stored (by the hash of its value). */
public record RefreshToken(String tokenHash, Grant grant, Instant expires, boolean used) {
  public RefreshToken {
    Objects.requireNonNull(tokenHash, "tokenHash == null");
    Objects.requireNonNull(grant, "grant == null");
    Objects.requireNonNull(expires, "expires == null");
  }
}
