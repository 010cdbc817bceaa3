package io.krrkit.local.internal.idporten;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a login granted a client: the person, the scopes, when they logged in, at which level of
 * assurance, in which SSO session. Carried by an authorization code and by each refresh token after
 * it.
 *
 * @param acr {@code idporten-loa-substantial} or {@code idporten-loa-high}
 * @param sid the SSO session of the log-in, or {@code null} (rows from before sessions existed)
 * @param origin the hash of the code the tokens descend from, or {@code null} before redemption
 */
public record Grant(
    String clientId,
    Personidentifikator pid,
    Set<Scope> scopes,
    Instant authTime,
    String acr,
    String sid,
    String origin) {
  public Grant {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(pid, "pid == null");
    Objects.requireNonNull(authTime, "authTime == null");
    scopes = Set.copyOf(scopes);
    acr = acr == null ? Acr.SUBSTANTIAL : acr;
  }

  /** A grant at level substantial, outside any session. */
  public Grant(String clientId, Personidentifikator pid, Set<Scope> scopes, Instant authTime) {
    this(clientId, pid, scopes, authTime, Acr.SUBSTANTIAL, null, null);
  }

  /** This grant, descending from the code stored under {@code codeHash}. */
  Grant from(String codeHash) {
    return new Grant(clientId, pid, scopes, authTime, acr, sid, codeHash);
  }

  /** Only {@code openid} and {@code profile}: a pure authentication, whose tokens logout ends. */
  boolean authenticationOnly() {
    return IdportenService.OPENID_SCOPES.containsAll(scopes);
  }
}
