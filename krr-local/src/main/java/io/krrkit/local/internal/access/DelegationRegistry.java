package io.krrkit.local.internal.access;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Delegations of scopes from consumer organisations to suppliers (MP-251): what the emulator knows
 * in place of Altinn. The operator records them; the token endpoint checks them for {@code
 * consumer_org} grants.
 */
public final class DelegationRegistry {
  private final DelegationRepository delegations;
  private final Clock clock;

  /** Works on {@code delegations}, with time from {@code clock}. */
  public DelegationRegistry(DelegationRepository delegations, Clock clock) {
    this.delegations = Objects.requireNonNull(delegations, "delegations == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** Records that {@code consumer} delegated {@code scope} to {@code supplier} (idempotent). */
  public Delegation add(String consumer, String supplier, String scope) {
    OrgNumber from = ScopeRegistry.org(consumer, "consumer_orgno");
    OrgNumber to = ScopeRegistry.org(supplier, "supplier_orgno");
    if (from.equals(to)) {
      throw AccessException.invalid(
          "consumer_orgno and supplier_orgno are the same; an organisation uses its own access"
              + " without delegation");
    }
    Delegation delegation = new Delegation(from, to, ScopeRegistry.scope(scope), clock.instant());
    delegations.insertIfAbsent(delegation);
    return delegation;
  }

  /** Removes a delegation. */
  public void remove(String consumer, String supplier, String scope) {
    OrgNumber from = ScopeRegistry.org(consumer, "consumer_orgno");
    OrgNumber to = ScopeRegistry.org(supplier, "supplier_orgno");
    Scope name = ScopeRegistry.scope(scope);
    if (!delegations.delete(from, to, name)) {
      throw AccessException.notFound(
          from + " has not delegated " + name + " to " + to + "; GET /admin/delegations lists");
    }
  }

  /** Forgets every delegation. */
  public void clear() {
    delegations.deleteAll();
  }

  /** Every delegation. */
  public List<Delegation> list() {
    return delegations.findAll();
  }

  /**
   * Checks a delegation of the operator's state import by the rules of {@link #add}, recorded at
   * {@code created}; stores nothing.
   *
   * @throws AccessException naming the problem
   */
  public Delegation check(String consumer, String supplier, String scope, Instant created) {
    OrgNumber from = ScopeRegistry.org(consumer, "consumer_orgno");
    OrgNumber to = ScopeRegistry.org(supplier, "supplier_orgno");
    if (from.equals(to)) {
      throw AccessException.invalid(
          "consumer_orgno and supplier_orgno are the same; an organisation uses its own access"
              + " without delegation");
    }
    return new Delegation(from, to, ScopeRegistry.scope(scope), created);
  }

  /** Stores {@code delegation} unless it is recorded already, for the operator's import. */
  public void put(Delegation delegation) {
    delegations.insertIfAbsent(delegation);
  }

  /** True when {@code consumer} delegated {@code scope} to {@code supplier}. */
  public boolean isDelegated(OrgNumber consumer, OrgNumber supplier, Scope scope) {
    return delegations.exists(consumer, supplier, scope);
  }
}
