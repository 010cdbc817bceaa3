package io.krrkit.local.internal.idporten;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a login granted a client: the person, the scopes and when they logged in. Carried by an
 * authorization code and by each refresh token after it.
 */
public record Grant(String clientId, Personidentifikator pid, Set<Scope> scopes, Instant authTime) {
  public Grant {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(pid, "pid == null");
    Objects.requireNonNull(authTime, "authTime == null");
    scopes = Set.copyOf(scopes);
  }
}
