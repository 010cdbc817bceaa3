package io.krrkit.local.internal.maskinporten;

import io.krrkit.maskinporten.validation.MaskinportenClaims;

/**
 * Verifies a Maskinporten access token presented to one of the emulator's resource servers: issuer,
 * signature against the emulator's published keys, and expiry on the emulator's clock. Scope checks
 * are the caller's, since each API answers a missing scope its own way.
 */
public interface AccessTokenVerifier {
  /**
   * Verifies the value of an {@code Authorization} header ({@code Bearer <jwt>}).
   *
   * @throws InvalidTokenException when the header is missing or malformed, or the token is not
   *     valid here; the message is safe to show and never contains the token
   */
  MaskinportenClaims verify(String authorizationHeader);
}
