package io.krrkit.local.internal.idporten;

import java.time.Instant;
import java.util.Objects;

/**
 * An access token as issued, by its {@code jti}: what introspection and userinfo look up to tell an
 * active token from a revoked one.
 */
public record IssuedToken(String jti, Grant grant, Instant expires, boolean revoked) {
  public IssuedToken {
    Objects.requireNonNull(jti, "jti == null");
    Objects.requireNonNull(grant, "grant == null");
    Objects.requireNonNull(expires, "expires == null");
  }
}
