package io.krrkit.local.internal.altinn;

import com.nimbusds.jose.util.JSONArrayUtils;
import io.krrkit.core.OrgNumber;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the emulator knows in place of Altinn's registers for Maskinporten's {@code
 * authorization_details}: system users ({@code urn:altinn:systemuser}) and consents ({@code
 * urn:altinn:consent}). The operator records them ({@code /admin/altinn/...}); the token endpoint
 * reads them.
 */
public final class AltinnRegister {
  /** The rights of a consent recorded without any: one right to the emulator's own resource. */
  public static final String DEFAULT_CONSENT_RIGHTS =
      "[{\"action\":[\"consent\"],\"resource\":[{\"type\":\"urn:altinn:resource\","
          + "\"value\":\"krr-local-samtykke\"}]}]";

  // Altinn's system register: "[orgnr]_[navn]", characters a-z 0-9 and _.
  private static final Pattern SYSTEM_ID = Pattern.compile("[0-9]{9}_[a-z0-9_]{1,200}");
  private static final Pattern UUID_SHAPE =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final int MAX_TEXT = 255;
  private static final int MAX_RIGHTS = 16_000;

  private final SystemUserRepository systemUsers;
  private final ConsentRepository consents;
  private final Clock clock;

  /** Works on the two stores, with time from {@code clock}. */
  public AltinnRegister(SystemUserRepository systemUsers, ConsentRepository consents, Clock clock) {
    this.systemUsers = Objects.requireNonNull(systemUsers, "systemUsers == null");
    this.consents = Objects.requireNonNull(consents, "consents == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  // --- system users ---

  /**
   * Records that {@code orgno} created a system user for the system {@code systemId} of the
   * Maskinporten client {@code clientId}.
   *
   * @param externalRef or null: the organisation number, as Altinn sets it
   * @param id or null: a new UUID
   */
  public SystemUser addSystemUser(
      String systemId, String orgno, String clientId, String externalRef, String id) {
    SystemUser user = checkSystemUser(systemId, orgno, clientId, externalRef, id, clock.instant());
    if (!systemUsers.insert(user)) {
      throw AltinnException.conflict(
          "client "
              + user.clientId()
              + " has a system user for "
              + user.org()
              + " with external_ref "
              + user.externalRef()
              + " already, or the id is taken; GET /admin/altinn/system-users lists them");
    }
    return user;
  }

  /**
   * The system user these values make, checked as {@link #addSystemUser} checks them, not stored
   * (for the state import).
   */
  public SystemUser checkSystemUser(
      String systemId,
      String orgno,
      String clientId,
      String externalRef,
      String id,
      Instant created) {
    if (systemId == null || !SYSTEM_ID.matcher(systemId).matches()) {
      throw AltinnException.invalid(
          "system_id must be <orgno>_<name> with a-z, 0-9 and _ (Altinn's system register),"
              + " e.g. 310000027_fagsystem");
    }
    OrgNumber org = org(orgno, "orgno");
    if (clientId == null || clientId.isBlank() || clientId.length() > 64) {
      throw AltinnException.invalid(
          "client_id must be the Maskinporten client id of the system (at most 64 characters)");
    }
    String ref = externalRef == null ? org.value() : externalRef;
    if (ref.isBlank() || ref.length() > MAX_TEXT) {
      throw AltinnException.invalid("external_ref must be 1 to " + MAX_TEXT + " characters");
    }
    return new SystemUser(id(id), systemId, org, clientId, ref, created);
  }

  /**
   * Stores {@code user}, replacing the one with its id (state import, merge or replace).
   *
   * @throws AltinnException when another system user holds its client, organisation and external
   *     ref
   */
  public void putSystemUser(SystemUser user) {
    Optional<SystemUser> holder = systemUsers.find(user.clientId(), user.org(), user.externalRef());
    if (holder.isEmpty() || holder.get().id().equals(user.id())) {
      systemUsers.delete(user.id());
      systemUsers.insert(user);
    } else {
      throw AltinnException.conflict(
          "another system user of client "
              + user.clientId()
              + " for "
              + user.org()
              + " has external_ref "
              + user.externalRef());
    }
  }

  /** Every system user. */
  public List<SystemUser> systemUsers() {
    return systemUsers.findAll();
  }

  /** The system user of {@code clientId}'s system for {@code org} with {@code externalRef}. */
  public Optional<SystemUser> systemUser(String clientId, OrgNumber org, String externalRef) {
    return systemUsers.find(clientId, org, externalRef);
  }

  /** The system user with {@code id}. */
  public Optional<SystemUser> systemUser(String id) {
    return systemUsers.findAll().stream().filter(u -> u.id().equals(id)).findFirst();
  }

  /** Removes a system user. */
  public void removeSystemUser(String id) {
    if (!systemUsers.delete(id)) {
      throw AltinnException.notFound(
          "no system user with id " + id + "; GET /admin/altinn/system-users lists them");
    }
  }

  // --- consents ---

  /**
   * Records that {@code from} consented to {@code toOrgno}.
   *
   * @param consented ISO 8601 instant or offset date-time, or null: now
   * @param validTo ISO 8601 instant or offset date-time, after {@code consented}
   * @param consentRights a JSON array of rights, or null: {@link #DEFAULT_CONSENT_RIGHTS}
   * @param id or null: a new UUID
   */
  public Consent addConsent(
      String from,
      String toOrgno,
      String consented,
      String validTo,
      String consentRights,
      String id) {
    Instant given = consented == null ? clock.instant() : instant(consented, "consented");
    Consent consent =
        checkConsent(from, toOrgno, given, validTo, consentRights, id, clock.instant());
    if (!consents.insert(consent)) {
      throw AltinnException.conflict("a consent with id " + consent.id() + " exists already");
    }
    return consent;
  }

  /**
   * The consent these values make, checked as {@link #addConsent} checks them, not stored (for the
   * state import).
   */
  public Consent checkConsent(
      String from,
      String toOrgno,
      Instant consented,
      String validTo,
      String consentRights,
      String id,
      Instant created) {
    if (!Consent.isParty(from)) {
      throw AltinnException.invalid(
          "from must be "
              + Consent.PERSON
              + "<identity number> or "
              + Consent.ORGANIZATION
              + "<organisation number>, with valid control digits");
    }
    OrgNumber to = org(toOrgno, "to_orgno");
    if (validTo == null) {
      throw AltinnException.invalid("valid_to is missing (ISO 8601, e.g. 2030-01-01T00:00:00Z)");
    }
    Instant until = instant(validTo, "valid_to");
    if (!until.isAfter(consented)) {
      throw AltinnException.invalid("valid_to must be after consented");
    }
    String rights = consentRights == null ? DEFAULT_CONSENT_RIGHTS : consentRights;
    checkRights(rights);
    return new Consent(id(id), from, to, consented, until, rights, created);
  }

  /** Stores {@code consent}, replacing the one with its id (state import). */
  public void putConsent(Consent consent) {
    consents.delete(consent.id());
    consents.insert(consent);
  }

  /** Every consent. */
  public List<Consent> consents() {
    return consents.findAll();
  }

  /** The consent with {@code id}. */
  public Optional<Consent> consent(String id) {
    return consents.find(id);
  }

  /** Removes a consent (as the person withdrawing it in Altinn). */
  public void removeConsent(String id) {
    if (!consents.delete(id)) {
      throw AltinnException.notFound(
          "no consent with id " + id + "; GET /admin/altinn/consents lists them");
    }
  }

  /** Forgets every system user and consent. */
  public void clear() {
    systemUsers.deleteAll();
    consents.deleteAll();
  }

  /** True when {@code value} is a UUID in its usual text form. */
  public static boolean isUuid(String value) {
    return value != null && UUID_SHAPE.matcher(value).matches();
  }

  private static String id(String id) {
    if (id == null) {
      return UUID.randomUUID().toString();
    }
    if (!isUuid(id)) {
      throw AltinnException.invalid("id must be a UUID, or left out for a new one");
    }
    return id.toLowerCase(java.util.Locale.ROOT);
  }

  private static OrgNumber org(String value, String field) {
    if (value == null || !OrgNumber.isValid(value)) {
      throw AltinnException.invalid(field + " must be a 9-digit organisation number");
    }
    return OrgNumber.of(value);
  }

  private static Instant instant(String value, String field) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e2) {
        throw AltinnException.invalid(
            field + " must be an ISO 8601 time with offset, e.g. 2030-01-01T00:00:00Z");
      }
    }
  }

  /** A non-empty array of {@code {action:[text], resource:[{type, value}], metadata?:{}}}. */
  private static void checkRights(String rights) {
    String shape =
        "consent_rights must be a non-empty array of {\"action\":[\"...\"],\"resource\":"
            + "[{\"type\":\"...\",\"value\":\"...\"}],\"metadata\":{...}} (metadata optional)";
    if (rights.length() > MAX_RIGHTS) {
      throw AltinnException.invalid("consent_rights must be at most " + MAX_RIGHTS + " characters");
    }
    List<Object> list;
    try {
      list = JSONArrayUtils.parse(rights);
    } catch (ParseException e) {
      throw AltinnException.invalid(shape);
    }
    if (list.isEmpty()) {
      throw AltinnException.invalid(shape);
    }
    for (Object right : list) {
      if (!(right instanceof Map<?, ?> r)
          || !Set.of("action", "resource", "metadata").containsAll(r.keySet())
          || !(r.get("action") instanceof List<?> actions)
          || actions.isEmpty()
          || !actions.stream().allMatch(String.class::isInstance)
          || !(r.get("resource") instanceof List<?> resources)
          || resources.isEmpty()
          || !resources.stream().allMatch(AltinnRegister::isResource)
          || (r.get("metadata") != null && !(r.get("metadata") instanceof Map<?, ?>))) {
        throw AltinnException.invalid(shape);
      }
    }
  }

  private static boolean isResource(Object resource) {
    return resource instanceof Map<?, ?> m
        && m.keySet().equals(Set.of("type", "value"))
        && m.get("type") instanceof String
        && m.get("value") instanceof String;
  }
}
