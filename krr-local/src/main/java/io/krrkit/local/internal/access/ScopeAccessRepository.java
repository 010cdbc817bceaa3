package io.krrkit.local.internal.access;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.util.List;
import java.util.Optional;

/** Organisations' access to scopes; every entry read carries its scope's owner. */
public interface ScopeAccessRepository {
  /** {@code consumer}'s access entry for {@code scope}. */
  Optional<ScopeAccess> find(Scope scope, OrgNumber consumer);

  /** Every access entry, by scope and organisation. */
  List<ScopeAccess> findAll();

  /** The entries for {@code scope}, by organisation. */
  List<ScopeAccess> findByScope(Scope scope);

  /** The entries of {@code consumer}, by scope. */
  List<ScopeAccess> findByConsumer(OrgNumber consumer);

  /** Inserts or replaces the entry (its owner is the scope's, not stored twice). */
  void save(ScopeAccess access);

  /** Removes {@code consumer}'s entry for {@code scope}; true when it existed. */
  boolean delete(Scope scope, OrgNumber consumer);

  /** Removes every entry (a reset). */
  void deleteAll();
}
