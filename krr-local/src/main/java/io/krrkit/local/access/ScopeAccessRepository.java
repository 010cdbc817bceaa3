package io.krrkit.local.access;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.util.List;
import java.util.Optional;

/** Organisations' access to scopes. */
public interface ScopeAccessRepository {
  /** {@code consumer}'s access entry for {@code scope}. */
  Optional<ScopeAccess> find(Scope scope, OrgNumber consumer);

  /** Every access entry, by scope and organisation. */
  List<ScopeAccess> findAll();

  /** Inserts or replaces the entry. */
  void save(ScopeAccess access);

  /** Removes {@code consumer}'s entry for {@code scope}; true when it existed. */
  boolean delete(Scope scope, OrgNumber consumer);
}
