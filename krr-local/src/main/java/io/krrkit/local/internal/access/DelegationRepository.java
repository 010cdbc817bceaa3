package io.krrkit.local.internal.access;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.util.List;

/** Delegations of scopes from consumers to suppliers. */
public interface DelegationRepository {
  /** True when {@code consumer} delegated {@code scope} to {@code supplier}. */
  boolean exists(OrgNumber consumer, OrgNumber supplier, Scope scope);

  /** Every delegation, by consumer, supplier and scope. */
  List<Delegation> findAll();

  /** Records the delegation unless it exists; true when it was new. */
  boolean insertIfAbsent(Delegation delegation);

  /** Removes the delegation; true when it existed. */
  boolean delete(OrgNumber consumer, OrgNumber supplier, Scope scope);

  /** Removes every delegation (a reset). */
  void deleteAll();
}
