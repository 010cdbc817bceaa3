package io.krrkit.local.internal.altinn;

import io.krrkit.core.OrgNumber;
import java.time.Instant;
import java.util.Objects;

/**
 * A system user in Altinn ({@code maskinporten_func_systembruker.md}): the customer organisation
 * {@code org} gave rights to the supplier's system {@code systemId}, which is linked to the
 * Maskinporten client {@code clientId}. A grant of that client with {@code authorization_details}
 * {@code urn:altinn:systemuser} for {@code org} gets a token naming this system user.
 *
 * @param id the system user's id (a UUID)
 * @param systemId the system in Altinn's system register, {@code <orgno>_<name>}
 * @param externalRef tells several system users of one system and customer apart; the customer's
 *     organisation number when none was given, as Altinn does
 */
public record SystemUser(
    String id,
    String systemId,
    OrgNumber org,
    String clientId,
    String externalRef,
    Instant created) {

  /** Checks that every field is set. */
  public SystemUser {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(systemId, "systemId == null");
    Objects.requireNonNull(org, "org == null");
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(externalRef, "externalRef == null");
    Objects.requireNonNull(created, "created == null");
  }
}
