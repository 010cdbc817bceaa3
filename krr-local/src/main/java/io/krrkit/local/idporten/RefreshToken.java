package io.krrkit.local.idporten;

import java.time.Instant;
import java.util.Objects;

/** A refresh token as stored (by the hash of its value). */
record RefreshToken(String tokenHash, Grant grant, Instant expires, boolean used) {
  RefreshToken {
    Objects.requireNonNull(tokenHash, "tokenHash == null");
    Objects.requireNonNull(grant, "grant == null");
    Objects.requireNonNull(expires, "expires == null");
  }
}
