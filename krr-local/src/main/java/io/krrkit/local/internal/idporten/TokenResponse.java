package io.krrkit.local.internal.idporten;

import java.util.Objects;

/**
 * The token endpoint's answer.
 *
 * @param idToken present when {@code openid} was granted
 * @param refreshToken present for clients allowed the refresh_token grant
 */
public record TokenResponse(
    String accessToken, long expiresIn, String idToken, String refreshToken, String scope) {
  public TokenResponse {
    Objects.requireNonNull(accessToken, "accessToken == null");
    Objects.requireNonNull(scope, "scope == null");
  }
}
