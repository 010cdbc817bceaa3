package io.krrkit.local.internal.maskinporten;

import io.krrkit.core.Masking;
import java.util.Objects;

/**
 * The form parameters of a token request that matter; others ({@code scope}, {@code client_id}) are
 * tolerated and ignored, since the grant's claims decide.
 *
 * @param grantType {@code grant_type}
 * @param assertion {@code assertion}, the JWT grant, or {@code null} when missing: {@link
 *     TokenService} checks the grant type first, so a {@code client_credentials} request without
 *     one is told its grant type is unsupported
 */
public record TokenRequest(String grantType, String assertion) {
  public TokenRequest {
    Objects.requireNonNull(grantType, "grantType == null");
  }

  /** Masks the assertion: it authenticates the client until it expires. */
  @Override
  public String toString() {
    return "TokenRequest[grantType=" + grantType + ", assertion=" + Masking.secret(assertion) + "]";
  }
}
