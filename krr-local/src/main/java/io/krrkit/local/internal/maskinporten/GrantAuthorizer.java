package io.krrkit.local.internal.maskinporten;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.access.ScopeRules;
import io.krrkit.local.internal.client.OnBehalfOf;
import io.krrkit.local.internal.client.RegisteredClient;
import java.time.Duration;
import java.util.Set;

/**
 * Decides whom an authenticated grant's token is for
 * (spec.md#scope-access-delegation-and-on-behalf-of): the scopes' integration types (MP-201), a
 * {@code consumer_org} delegation (MP-251), an {@code iss_onbehalfof} registration (MP-011), and
 * the consumer's access to each scope (MP-250). For a delegation the consumer's access is checked,
 * not the supplier's: the supplier uses the consumer's access.
 */
public final class GrantAuthorizer {
  private final AccessRules rules;

  public GrantAuthorizer(AccessRules rules) {
    this.rules = rules;
  }

  /** The authorization for {@code grant}; throws {@link TokenRequestException} when refused. */
  Authorization authorize(RegisteredClient client, JwtGrant grant, Set<Scope> scopes) {
    ScopeRules scopeRules = rules.scopes().rulesFor(scopes);
    scopeRules
        .firstInactive()
        .ifPresent(
            s -> {
              throw TokenRequestException.of(
                  TokenError.INVALID_SCOPE, s + " is deactivated by its owner");
            });
    scopeRules
        .firstNotAllowedFor(client.integrationType())
        .ifPresent(
            s -> {
              throw TokenRequestException.of(
                  TokenError.SCOPE_NOT_ALLOWED,
                  s + " is not for integration type " + client.integrationType().wireName());
            });
    Duration lifetime = scopeRules.lifetime(AccessTokenMinter.LIFETIME);
    Authorization authorization =
        grant.consumerOrg() != null
            ? delegated(client, OrgNumber.of(grant.consumerOrg()), scopes, scopeRules, lifetime)
            : direct(client, grant.issOnBehalfOf(), lifetime);
    scopeRules
        .firstWithoutAccess(authorization.consumer())
        .ifPresent(
            s -> {
              throw TokenRequestException.notGranted(s.value());
            });
    return authorization;
  }

  private Authorization delegated(
      RegisteredClient client,
      OrgNumber consumer,
      Set<Scope> scopes,
      ScopeRules scopeRules,
      Duration lifetime) {
    OrgNumber supplier = client.orgNumber();
    for (Scope scope : scopes) {
      if (consumer.equals(supplier)
          || !rules.delegations().isDelegated(consumer, supplier, scope)) {
        throw TokenRequestException.notDelegated(consumer.value(), scope.value(), supplier.value());
      }
    }
    return new Authorization(
        consumer, supplier, scopeRules.delegationSource(rules.delegationSource()), null, lifetime);
  }

  private Authorization direct(RegisteredClient client, String issOnBehalfOf, Duration lifetime) {
    OnBehalfOf onBehalfOf = null;
    if (issOnBehalfOf != null) {
      onBehalfOf =
          rules
              .onBehalfOf()
              .find(client.clientId(), issOnBehalfOf)
              .orElseThrow(
                  () ->
                      TokenRequestException.of(
                          TokenError.INVALID_PARAMETER,
                          "iss_onbehalfof is not an on-behalf-of registered on the client;"
                              + " register it with POST /clients/{id}/onbehalfof"));
    }
    // A client a supplier registered for a customer acts for the customer, naming the supplier.
    return new Authorization(
        client.orgNumber(), client.supplierOrgNumber(), null, onBehalfOf, lifetime);
  }
}
