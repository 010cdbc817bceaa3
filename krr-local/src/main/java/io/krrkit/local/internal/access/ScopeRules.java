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
 *
 * <p>Read on every token request: plain loops, no streams.
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
    for (Scope s : scopes) {
      ApiScope known = registered.get(s);
      if (known != null && !known.active()) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The first scope clients of {@code type} may not get tokens for (MP-201). */
  public Optional<Scope> firstNotAllowedFor(IntegrationType type) {
    for (Scope s : scopes) {
      ApiScope known = registered.get(s);
      if (known != null && !known.allows(type)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * The first scope {@code consumer} has no approved access to, among those not accessible for all
   * (MP-250). The owner needs access too, as any other organisation.
   */
  public Optional<Scope> firstWithoutAccess(OrgNumber consumer) {
    for (Scope s : scopes) {
      if (!mayUse(consumer, s)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The token lifetime: {@code standard}, shortened to the lowest {@code at_max_age} set. */
  public Duration lifetime(Duration standard) {
    Duration shortest = standard;
    for (ApiScope s : registered.values()) {
      if (s.atMaxAge() > 0 && Duration.ofSeconds(s.atMaxAge()).compareTo(shortest) < 0) {
        shortest = Duration.ofSeconds(s.atMaxAge());
      }
    }
    return shortest;
  }

  /** The delegation source of the first scope that names one, else {@code fallback}. */
  public String delegationSource(String fallback) {
    for (Scope s : scopes) {
      ApiScope known = registered.get(s);
      if (known != null && known.delegationSource() != null) {
        return known.delegationSource();
      }
    }
    return fallback;
  }

  private boolean mayUse(OrgNumber consumer, Scope scope) {
    ApiScope known = registered.get(scope);
    if (known == null || known.accessibleForAll()) {
      return true;
    }
    return access.apply(scope, consumer).map(a -> a.state() == AccessState.APPROVED).orElse(false);
  }
}
