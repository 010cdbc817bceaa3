package io.krrkit.local.internal.maskinporten;

import io.krrkit.local.internal.access.DelegationRegistry;
import io.krrkit.local.internal.access.ScopeRegistry;
import io.krrkit.local.internal.client.OnBehalfOfRepository;
import java.util.Objects;

/**
 * What the token endpoint consults beyond the client itself: who may use which scope (MP-250),
 * delegations to suppliers (MP-251) and on-behalf-of registrations ({@code iss_onbehalfof}).
 *
 * @param delegationSource the issuer named in {@code delegation_source} when a scope names none:
 *     the authority the emulator stands in for (Altinn TT02 for the test environment)
 */
public record AccessRules(
    ScopeRegistry scopes,
    DelegationRegistry delegations,
    OnBehalfOfRepository onBehalfOf,
    String delegationSource) {

  /** Altinn's TT02 issuer, where consumers delegate in Maskinporten's test environment. */
  public static final String DEFAULT_DELEGATION_SOURCE = "https://tt02.altinn.no/";

  /** Checks that every part is set. */
  public AccessRules {
    Objects.requireNonNull(scopes, "scopes == null");
    Objects.requireNonNull(delegations, "delegations == null");
    Objects.requireNonNull(onBehalfOf, "onBehalfOf == null");
    Objects.requireNonNull(delegationSource, "delegationSource == null");
  }
}
