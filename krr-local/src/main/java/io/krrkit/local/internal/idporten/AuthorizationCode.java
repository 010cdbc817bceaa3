package io.krrkit.local.internal.idporten;

import java.time.Instant;
import java.util.Objects;

/**
 * An authorization code as stored (by the hash of its value).
 *
 * @param codeChallenge the PKCE challenge, or {@code null} for a client registered without PKCE
 * @param used spent: a second redemption is refused
 */
public record AuthorizationCode(
    String codeHash,
    Grant grant,
    String redirectUri,
    String nonce,
    String codeChallenge,
    Instant expires,
    boolean used) {
  public AuthorizationCode {
    Objects.requireNonNull(codeHash, "codeHash == null");
    Objects.requireNonNull(grant, "grant == null");
    Objects.requireNonNull(redirectUri, "redirectUri == null");
    Objects.requireNonNull(expires, "expires == null");
  }
}
