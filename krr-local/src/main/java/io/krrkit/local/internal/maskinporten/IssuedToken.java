package io.krrkit.local.internal.maskinporten;

import java.util.Objects;

/**
 * An access token as answered by the token endpoint.
 *
 * @param accessToken the signed JWT
 * @param expiresIn whole seconds until it expires
 * @param scope the scopes granted, space-separated, in the order asked
 */
public record IssuedToken(String accessToken, long expiresIn, String scope) {
  public IssuedToken {
    Objects.requireNonNull(accessToken, "accessToken == null");
    Objects.requireNonNull(scope, "scope == null");
    if (expiresIn < 0) {
      throw new IllegalArgumentException("expiresIn must be >= 0, was " + expiresIn);
    }
  }
}
