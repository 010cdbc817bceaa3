package io.krrkit.local.internal.maskinporten;

import com.nimbusds.jose.util.JSONArrayUtils;
import io.krrkit.core.OrgNumber;
import io.krrkit.local.internal.altinn.AltinnRegister;
import io.krrkit.local.internal.altinn.Consent;
import io.krrkit.local.internal.altinn.SystemUser;
import io.krrkit.local.internal.client.RegisteredClient;
import io.krrkit.local.internal.maskinporten.AuthorizationDetails.ConsentRequest;
import io.krrkit.local.internal.maskinporten.AuthorizationDetails.Request;
import io.krrkit.local.internal.maskinporten.AuthorizationDetails.SystemUserRequest;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Looks a grant's {@code authorization_details} up in the Altinn registers (in the emulator: what
 * the operator recorded) and gives the token's {@code authorization_details} claim, as Digdir's
 * pages show it:
 *
 * <ul>
 *   <li>{@code urn:altinn:systemuser}: the system user the client's system has at the organisation
 *       ({@code externalRef} the organisation number when not sent) → {@code {type, systemuser_id:
 *       [id], systemuser_org: {authority, ID}, system_id}};
 *   <li>{@code urn:altinn:consent}: the consent with the id, given by {@code from} to the token's
 *       consumer (the client's organisation, or the customer with {@code consumer_org}), valid at
 *       the emulator's clock → {@code {type, id, from, to: {authority, ID}, consented, validTo,
 *       consentRights}}.
 * </ul>
 *
 * <b>D:</b> when nothing matches, Digdir documents no code; the emulator answers MP-303 saying what
 * did not match, without the consenting party's identity number.
 */
public final class AuthorizationDetailsResolver {
  /** Consent times as Digdir's example writes them: {@code 2028-01-01T14:30:00+00:00}. */
  private static final DateTimeFormatter TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .appendOffset("+HH:MM", "+00:00")
          .toFormatter()
          .withZone(ZoneOffset.UTC);

  private final AltinnRegister altinn;

  /** Reads {@code altinn}. */
  public AuthorizationDetailsResolver(AltinnRegister altinn) {
    this.altinn = Objects.requireNonNull(altinn, "altinn == null");
  }

  /**
   * The token's {@code authorization_details}, empty when the grant asked for none.
   *
   * @throws TokenRequestException MP-303 when the registers hold no match
   */
  List<Map<String, Object>> resolve(
      JwtGrant grant, RegisteredClient client, Authorization authorization, Instant now) {
    Request request = grant.authorizationDetails();
    if (request == null) {
      return List.of();
    }
    if (request instanceof SystemUserRequest s) {
      return List.of(systemUser(s, client));
    }
    return List.of(consent((ConsentRequest) request, authorization.consumer(), now));
  }

  private Map<String, Object> systemUser(SystemUserRequest request, RegisteredClient client) {
    String externalRef =
        request.externalRef() == null ? request.org().value() : request.externalRef();
    SystemUser user =
        altinn
            .systemUser(client.clientId(), request.org(), externalRef)
            .orElseThrow(
                () ->
                    invalid(
                        "organisation "
                            + request.org()
                            + " has no system user for the system of this client"
                            + (request.externalRef() == null
                                ? " with externalRef = the organisation number (send externalRef"
                                    + " when the system user has another)"
                                : " with this externalRef")
                            + "; in krr-local: POST /admin/altinn/system-users"));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("type", AuthorizationDetails.SYSTEMUSER);
    detail.put("systemuser_id", List.of(user.id()));
    detail.put("systemuser_org", organisation(user.org()));
    detail.put("system_id", user.systemId());
    return detail;
  }

  private Map<String, Object> consent(ConsentRequest request, OrgNumber consumer, Instant now) {
    Consent consent =
        altinn
            .consent(request.id())
            .orElseThrow(
                () -> invalid("no consent has this id; in krr-local: POST /admin/altinn/consents"));
    if (!consent.from().equals(request.from())) {
      throw invalid("the consent with this id was not given by the party in from");
    }
    if (!consent.to().equals(consumer)) {
      throw invalid(
          "the consent is given to "
              + consent.to()
              + ", not to the token's consumer "
              + consumer
              + " (with consumer_org, the consent must be given to the customer)");
    }
    if (!consent.isValidAt(now)) {
      throw invalid(
          now.isBefore(consent.consented())
              ? "the consent is not given yet"
              : "the consent expired at " + TIME.format(consent.validTo()));
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("type", AuthorizationDetails.CONSENT);
    detail.put("id", consent.id());
    detail.put("from", consent.from());
    detail.put("to", organisation(consent.to()));
    detail.put("consented", TIME.format(consent.consented()));
    detail.put("validTo", TIME.format(consent.validTo()));
    detail.put("consentRights", rights(consent));
    return detail;
  }

  private static List<Object> rights(Consent consent) {
    try {
      return JSONArrayUtils.parse(consent.consentRights());
    } catch (ParseException e) {
      // Checked when recorded; a row edited by hand in the store is the operator's to fix.
      throw new IllegalStateException("consent_rights of consent " + consent.id() + " is not JSON");
    }
  }

  static Map<String, String> organisation(OrgNumber org) {
    return Map.of("authority", AuthorizationDetails.ISO6523, "ID", org.iso6523());
  }

  private static TokenRequestException invalid(String detail) {
    return TokenRequestException.of(TokenError.INVALID_AUTHORIZATION_DETAILS, detail);
  }
}
