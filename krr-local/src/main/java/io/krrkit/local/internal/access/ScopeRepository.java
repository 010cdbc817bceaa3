package io.krrkit.local.internal.access;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.util.List;
import java.util.Optional;

/** Registered scopes. */
public interface ScopeRepository {
  /** The registered scope {@code name}. */
  Optional<ApiScope> find(Scope name);

  /** Every registered scope, by name. */
  List<ApiScope> findAll();

  /** The scopes {@code owner} owns, by name, active or not. */
  List<ApiScope> findByOwner(OrgNumber owner);

  /** Inserts or replaces the scope. */
  void save(ApiScope scope);

  /** Inserts the scope unless one of that name exists; true when inserted. */
  boolean insertIfAbsent(ApiScope scope);

  /** Removes every scope and, with them, every access entry (a reset). */
  void deleteAll();
}
