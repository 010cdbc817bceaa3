package io.krrkit.local.internal.client;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.util.Optional;

/**
 * Whether an organisation may register a scope on a client of a given integration type: the API
 * owners' rules (access grants, deactivation, allowed integration types), which {@link
 * ClientRegistry} consults without knowing where they are kept.
 */
@FunctionalInterface
public interface ScopePermission {
  /** Every scope allowed: for stores without scope rules. */
  ScopePermission ANY = (owner, type, scope) -> Optional.empty();

  /**
   * Why {@code owner} may not register {@code scope} on a client of {@code type}, as a message
   * saying what to do; empty when it may.
   */
  Optional<String> refusal(OrgNumber owner, IntegrationType type, Scope scope);
}
