package io.krrkit.local.internal.maskinporten;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.internal.altinn.AltinnRegister;
import io.krrkit.local.internal.altinn.Consent;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code authorization_details} claim of a JWT grant (Rich Authorization Requests, RFC 9396) as
 * Maskinporten takes it: an array with one object of type {@code urn:altinn:systemuser} ({@code
 * maskinporten_func_systembruker.md}) or {@code urn:altinn:consent} ({@code
 * maskinporten_func_samtykke.md}). Parsing checks the shape only; {@link
 * AuthorizationDetailsResolver} looks the request up in the Altinn registers.
 *
 * <p>Refusals: a type other than the two is MP-301, a field the type does not have is MP-302, and
 * everything else (not an array, an entry not an object, {@code type} missing, a field missing or
 * malformed, more than one entry) is MP-303. <b>D:</b> an empty array means none, as for {@code
 * resource}.
 */
public final class AuthorizationDetails {
  /** The claim's name in grants and tokens. */
  public static final String CLAIM = "authorization_details";

  /** Type of a system user request. */
  public static final String SYSTEMUSER = "urn:altinn:systemuser";

  /** Type of a consent request. */
  public static final String CONSENT = "urn:altinn:consent";

  /** The types Maskinporten supports, as its metadata lists them. */
  public static final List<String> TYPES = List.of(SYSTEMUSER, CONSENT);

  static final String ISO6523 = "iso6523-actorid-upis";
  static final String ICD_ORGNO = "0192:";

  private static final Set<String> SYSTEMUSER_FIELDS =
      Set.of("type", "systemuser_org", "externalRef");
  private static final Set<String> CONSENT_FIELDS = Set.of("type", "id", "from");
  private static final Set<String> ORG_FIELDS = Set.of("authority", "ID");
  private static final int MAX_EXTERNAL_REF = 255;
  // Field names echoed in a refusal; others are not, as they might hold anything.
  private static final java.util.regex.Pattern FIELD_NAME =
      java.util.regex.Pattern.compile("[A-Za-z_]{1,40}");

  private AuthorizationDetails() {}

  /** What a grant asks for in {@code authorization_details}. */
  sealed interface Request permits SystemUserRequest, ConsentRequest {
    /** The request's {@code type}. */
    String type();
  }

  /**
   * A token for the system user of the client's system at {@code org}.
   *
   * @param externalRef {@code externalRef}, or null
   */
  record SystemUserRequest(OrgNumber org, String externalRef) implements Request {
    @Override
    public String type() {
      return SYSTEMUSER;
    }
  }

  /**
   * A token carrying the consent {@code id} given by {@code from}. The party may be a person:
   * {@link #toString} leaves it out.
   */
  record ConsentRequest(String id, String from) implements Request {
    @Override
    public String type() {
      return CONSENT;
    }

    @Override
    public String toString() {
      return "ConsentRequest[id=" + id + "]";
    }
  }

  /**
   * Parses the claim's value as the JWT library gives it (lists and maps); {@code null} when it is
   * absent or an empty array.
   *
   * @throws TokenRequestException MP-301, MP-302 or MP-303
   */
  static Request parse(Object claim) {
    if (claim == null) {
      return null;
    }
    if (!(claim instanceof List<?> entries)) {
      throw invalid(CLAIM + " must be a JSON array of objects");
    }
    if (entries.isEmpty()) {
      return null;
    }
    for (Object entry : entries) {
      type(entry);
    }
    if (entries.size() > 1) {
      throw invalid(
          CLAIM + " may hold one entry: ask for one party (system user) or one consent at a time");
    }
    Map<?, ?> entry = (Map<?, ?>) entries.get(0);
    return SYSTEMUSER.equals(type(entry)) ? systemUser(entry) : consent(entry);
  }

  private static String type(Object entry) {
    if (!(entry instanceof Map<?, ?> fields)) {
      throw invalid("each entry of " + CLAIM + " must be a JSON object");
    }
    Object type = fields.get("type");
    if (type == null) {
      throw invalid("type is missing in " + CLAIM + ", use one of " + String.join(", ", TYPES));
    }
    if (!(type instanceof String name)) {
      throw invalid("type must be a string");
    }
    if (!TYPES.contains(name)) {
      throw TokenRequestException.of(
          TokenError.UNKNOWN_AUTHORIZATION_DETAILS_TYPE,
          "supported types are " + String.join(", ", TYPES) + " (see the metadata)");
    }
    return name;
  }

  private static SystemUserRequest systemUser(Map<?, ?> entry) {
    onlyFields(entry, SYSTEMUSER_FIELDS, SYSTEMUSER);
    Object org = entry.get("systemuser_org");
    if (org == null) {
      throw invalid(
          "systemuser_org is missing: {\"authority\":\"" + ISO6523 + "\",\"ID\":\"0192:<orgno>\"}");
    }
    if (!(org instanceof Map<?, ?> party)) {
      throw invalid(
          "systemuser_org must be an object {\"authority\":\""
              + ISO6523
              + "\",\"ID\":\"0192:<orgno>\"}");
    }
    onlyFields(party, ORG_FIELDS, "systemuser_org");
    if (!ISO6523.equals(party.get("authority"))) {
      throw invalid("systemuser_org.authority must be " + ISO6523);
    }
    if (!(party.get("ID") instanceof String id)
        || !id.startsWith(ICD_ORGNO)
        || !OrgNumber.isValid(id.substring(ICD_ORGNO.length()))) {
      throw invalid(
          "systemuser_org.ID must be 0192: and a 9-digit organisation number with valid control"
              + " digit");
    }
    Object externalRef = entry.get("externalRef");
    if (externalRef != null
        && (!(externalRef instanceof String ref)
            || ref.isBlank()
            || ref.length() > MAX_EXTERNAL_REF)) {
      throw invalid("externalRef must be a string of 1 to " + MAX_EXTERNAL_REF + " characters");
    }
    return new SystemUserRequest(
        OrgNumber.of(((String) party.get("ID")).substring(ICD_ORGNO.length())),
        (String) externalRef);
  }

  private static ConsentRequest consent(Map<?, ?> entry) {
    onlyFields(entry, CONSENT_FIELDS, CONSENT);
    Object id = entry.get("id");
    if (id == null) {
      throw invalid("id is missing: the consent's UUID");
    }
    if (!(id instanceof String uuid) || !AltinnRegister.isUuid(uuid)) {
      throw invalid("id must be the consent's UUID");
    }
    Object from = entry.get("from");
    if (from == null) {
      throw invalid("from is missing: who consented");
    }
    if (!(from instanceof String party) || !Consent.isParty(party)) {
      throw invalid(
          "from must be "
              + Consent.PERSON
              + "<identity number> or "
              + Consent.ORGANIZATION
              + "<organisation number>, with valid control digits");
    }
    return new ConsentRequest(uuid.toLowerCase(java.util.Locale.ROOT), party);
  }

  private static void onlyFields(Map<?, ?> fields, Set<String> known, String what) {
    List<String> unknown =
        fields.keySet().stream()
            .map(String::valueOf)
            .filter(k -> !known.contains(k))
            .map(k -> FIELD_NAME.matcher(k).matches() ? k : "a field with an odd name")
            .sorted()
            .toList();
    if (!unknown.isEmpty()) {
      throw TokenRequestException.of(
          TokenError.UNKNOWN_AUTHORIZATION_DETAILS_FIELDS,
          String.join(", ", unknown)
              + " not known for "
              + what
              + "; its fields are "
              + String.join(", ", known.stream().sorted().toList()));
    }
  }

  private static TokenRequestException invalid(String detail) {
    return TokenRequestException.of(TokenError.INVALID_AUTHORIZATION_DETAILS, detail);
  }
}
