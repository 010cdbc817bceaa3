package io.krrkit.local.internal.maskinporten;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.internal.client.OnBehalfOf;
import java.time.Duration;
import java.util.Objects;

/**
 * Whom an accepted grant's token is for, and for how long: what {@link GrantAuthorizer} decided and
 * {@link AccessTokenMinter} writes as claims.
 *
 * @param consumer the {@code consumer} claim: the client's organisation, or the delegating one
 * @param supplier the {@code supplier} claim: the client's organisation for delegations, the
 *     supplier that registered the client for a customer, or null
 * @param delegationSource the {@code delegation_source} claim for delegations, or null
 * @param onBehalfOf the {@code iss_onbehalfof} registration used, or null
 * @param lifetime {@code exp - iat} of the token
 */
record Authorization(
    OrgNumber consumer,
    OrgNumber supplier,
    String delegationSource,
    OnBehalfOf onBehalfOf,
    Duration lifetime) {

  /** Checks the required parts. */
  Authorization {
    Objects.requireNonNull(consumer, "consumer == null");
    Objects.requireNonNull(lifetime, "lifetime == null");
  }
}
