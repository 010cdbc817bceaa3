package io.krrkit.local.internal.access;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What the registry says about the scopes of one token request, loaded once per request: which
 * client types may have them, who may use them, how long their tokens live and where they are
 * delegated. A scope the registry does not know is open to all, with the default lifetime; a
 * deactivated scope is in no token.
 */
public final class ScopeRules {
  private final List<Scope> scopes;
  private final Map<Scope, ApiScope> registered;
  private final BiFunction<Scope, OrgNumber, Optional<ScopeAccess>> access;

  ScopeRules(
      Collection<Scope> scopes,
      Map<Scope, ApiScope> registered,
      BiFunction<Scope, OrgNumber, Optional<ScopeAccess>> access) {
    this.scopes = List.copyOf(scopes);
    this.registered = Map.copyOf(registered);
    this.access = access;
  }

  /**
   * The first scope its owner deactivated ({@code DELETE /scopes}): no token may hold it (MP-200).
   */
  public Optional<Scope> firstInactive() {
    return scopes.stream()
        .filter(s -> registered.containsKey(s) && !registered.get(s).active())
        .findFirst();
  }

  /** The first scope clients of {@code type} may not get tokens for (MP-201). */
  public Optional<Scope> firstNotAllowedFor(IntegrationType type) {
    return scopes.stream()
        .filter(s -> registered.containsKey(s) && !registered.get(s).allows(type))
        .findFirst();
  }

  /**
   * The first scope {@code consumer} has no approved access to, among those not accessible for all
   * (MP-250). The owner needs access too, as any other organisation.
   */
  public Optional<Scope> firstWithoutAccess(OrgNumber consumer) {
    return scopes.stream().filter(s -> !mayUse(consumer, s)).findFirst();
  }

  /** The token lifetime: {@code standard}, shortened to the lowest {@code at_max_age} set. */
  public Duration lifetime(Duration standard) {
    return registered.values().stream()
        .filter(s -> s.atMaxAge() > 0)
        .map(s -> Duration.ofSeconds(s.atMaxAge()))
        .filter(d -> d.compareTo(standard) < 0)
        .min(Duration::compareTo)
        .orElse(standard);
  }

  /** The delegation source of the first scope that names one, else {@code fallback}. */
  public String delegationSource(String fallback) {
    return scopes.stream()
        .map(registered::get)
        .filter(s -> s != null && s.delegationSource() != null)
        .map(ApiScope::delegationSource)
        .findFirst()
        .orElse(fallback);
  }

  private boolean mayUse(OrgNumber consumer, Scope scope) {
    ApiScope known = registered.get(scope);
    if (known == null || known.accessibleForAll()) {
      return true;
    }
    return access.apply(scope, consumer).map(a -> a.state() == AccessState.APPROVED).orElse(false);
  }
}
