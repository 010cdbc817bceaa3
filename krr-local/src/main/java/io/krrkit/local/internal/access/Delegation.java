package io.krrkit.local.internal.access;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.time.Instant;
import java.util.Objects;

/**
 * A consumer organisation delegated its access to a scope to a supplier organisation, as done in
 * Altinn for the real Maskinporten ({@code maskinporten_func_delegering.md}).
 */
public record Delegation(OrgNumber consumer, OrgNumber supplier, Scope scope, Instant created) {

  /** Checks that every field is set and that the two organisations differ. */
  public Delegation {
    Objects.requireNonNull(consumer, "consumer == null");
    Objects.requireNonNull(supplier, "supplier == null");
    Objects.requireNonNull(scope, "scope == null");
    Objects.requireNonNull(created, "created == null");
    if (consumer.equals(supplier)) {
      throw new IllegalArgumentException("an organisation cannot delegate to itself");
    }
  }
}
