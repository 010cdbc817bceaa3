package io.krrkit.local.internal.idporten;

import io.krrkit.core.Personidentifikator;
import java.time.Instant;
import java.util.Objects;

/**
 * An ID-porten SSO session: a browser (by its cookie, stored hashed) logged in as {@code pid} at
 * level {@code acr}; clients learn its {@code sid} from their ID tokens.
 */
public record SsoSession(
    String sid, String cookieHash, Personidentifikator pid, String acr, Instant authTime) {
  public SsoSession {
    Objects.requireNonNull(sid, "sid == null");
    Objects.requireNonNull(cookieHash, "cookieHash == null");
    Objects.requireNonNull(pid, "pid == null");
    Objects.requireNonNull(acr, "acr == null");
    Objects.requireNonNull(authTime, "authTime == null");
  }
}
