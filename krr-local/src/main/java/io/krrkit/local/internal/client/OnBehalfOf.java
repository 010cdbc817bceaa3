package io.krrkit.local.internal.client;

import io.krrkit.core.OrgNumber;
import java.time.Instant;
import java.util.Objects;

/**
 * An on-behalf-of registration: a customer a supplier's client acts for, named in grants as {@code
 * iss_onbehalfof} (spec.md#on-behalf-of-registrations; {@code oidc_api_admin_leverandor.md}).
 *
 * @param clientId the supplier's client
 * @param onbehalfof the id the client sends in grants, unique per client
 * @param orgNumber the customer ({@code orgno})
 */
public record OnBehalfOf(
    String clientId,
    String onbehalfof,
    OrgNumber orgNumber,
    String name,
    String description,
    String clientUri,
    Instant created,
    Instant lastUpdated) {

  /** Checks required fields. */
  public OnBehalfOf {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(onbehalfof, "onbehalfof == null");
    Objects.requireNonNull(orgNumber, "orgNumber == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(created, "created == null");
    Objects.requireNonNull(lastUpdated, "lastUpdated == null");
  }
}
