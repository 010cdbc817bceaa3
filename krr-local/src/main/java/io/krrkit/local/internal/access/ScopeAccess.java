package io.krrkit.local.internal.access;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.time.Instant;
import java.util.Objects;

/**
 * An organisation's access to a scope that is not accessible for all (spec.md#scopes-and-access).
 *
 * @param consumer the organisation given access ({@code consumer_orgno})
 * @param owner the scope's owner ({@code owner_orgno})
 */
public record ScopeAccess(
    Scope scope,
    OrgNumber consumer,
    OrgNumber owner,
    AccessState state,
    Instant created,
    Instant lastUpdated) {

  /** Checks that every field is set. */
  public ScopeAccess {
    Objects.requireNonNull(scope, "scope == null");
    Objects.requireNonNull(consumer, "consumer == null");
    Objects.requireNonNull(owner, "owner == null");
    Objects.requireNonNull(state, "state == null");
    Objects.requireNonNull(created, "created == null");
    Objects.requireNonNull(lastUpdated, "lastUpdated == null");
  }
}
