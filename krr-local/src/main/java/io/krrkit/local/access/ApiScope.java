package io.krrkit.local.access;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.client.IntegrationType;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A scope an API owner registered (SPEC §4 scope model, the fields the emulator acts on).
 *
 * @param name the scope, {@code prefix:subscope}
 * @param owner the API owner ({@code owner_orgno})
 * @param accessibleForAll every organisation may use it; otherwise it takes an access grant
 * @param allowedIntegrationTypes client types that may get tokens with it; empty means any
 * @param atMaxAge longest token lifetime in seconds for this scope; 0 means the default
 * @param delegationSource issuer of the authority where consumers delegate it, or {@code null}
 */
public record ApiScope(
    Scope name,
    OrgNumber owner,
    String description,
    boolean accessibleForAll,
    Set<IntegrationType> allowedIntegrationTypes,
    int atMaxAge,
    String delegationSource,
    Instant created,
    Instant lastUpdated) {

  /** Checks required fields and freezes the type set. */
  public ApiScope {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(owner, "owner == null");
    Objects.requireNonNull(created, "created == null");
    Objects.requireNonNull(lastUpdated, "lastUpdated == null");
    allowedIntegrationTypes =
        allowedIntegrationTypes == null ? Set.of() : Set.copyOf(allowedIntegrationTypes);
    if (atMaxAge < 0) {
      throw new IllegalArgumentException("at_max_age must be 0 (default) or positive seconds");
    }
  }

  /** True when clients of {@code type} may get tokens with this scope. */
  public boolean allows(IntegrationType type) {
    return allowedIntegrationTypes.isEmpty() || allowedIntegrationTypes.contains(type);
  }
}
