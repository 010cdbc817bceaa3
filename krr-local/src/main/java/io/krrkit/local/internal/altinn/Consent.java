package io.krrkit.local.internal.altinn;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Personidentifikator;
import java.time.Instant;
import java.util.Objects;

/**
 * A consent in Altinn ({@code maskinporten_func_samtykke.md}): {@code from} (a person or an
 * organisation) consented to {@code to} getting the rights {@code consentRights} until {@code
 * validTo}. A grant with {@code authorization_details} {@code urn:altinn:consent} naming {@code id}
 * and {@code from} gets a token carrying it, when the token's consumer is {@code to}.
 *
 * @param id the consent's id (a UUID), which the consent request in Altinn got
 * @param from {@code urn:altinn:person:identifier-no:<pid>} or {@code
 *     urn:altinn:organization:identifier-no:<orgno>}
 * @param consentRights the JSON array of rights ({@code action}, {@code resource}, optional {@code
 *     metadata}), written into the token as it is
 */
public record Consent(
    String id,
    String from,
    OrgNumber to,
    Instant consented,
    Instant validTo,
    String consentRights,
    Instant created) {

  /** URN prefix of a person who consents. */
  public static final String PERSON = "urn:altinn:person:identifier-no:";

  /** URN prefix of an organisation that consents. */
  public static final String ORGANIZATION = "urn:altinn:organization:identifier-no:";

  /** Checks that every field is set. */
  public Consent {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    Objects.requireNonNull(consented, "consented == null");
    Objects.requireNonNull(validTo, "validTo == null");
    Objects.requireNonNull(consentRights, "consentRights == null");
    Objects.requireNonNull(created, "created == null");
  }

  /**
   * True when {@code party} is a person URN with a valid identity number or an organisation URN
   * with a valid organisation number.
   */
  public static boolean isParty(String party) {
    if (party == null) {
      return false;
    }
    if (party.startsWith(PERSON)) {
      return Personidentifikator.isValid(party.substring(PERSON.length()));
    }
    return party.startsWith(ORGANIZATION)
        && OrgNumber.isValid(party.substring(ORGANIZATION.length()));
  }

  /** True while the consent holds at {@code now}: given, and not past {@code validTo}. */
  public boolean isValidAt(Instant now) {
    return !now.isBefore(consented) && now.isBefore(validTo);
  }

  /** Leaves the consenting party out: it may be an identity number. */
  @Override
  public String toString() {
    return "Consent[id=" + id + ", to=" + to + ", validTo=" + validTo + "]";
  }
}
