package io.krrkit.local.internal.admin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.krrkit.local.internal.altinn.AltinnRegister;
import io.krrkit.local.internal.altinn.Consent;
import io.krrkit.local.internal.altinn.SystemUser;
import io.krrkit.local.internal.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Operator API standing in for Altinn's registers behind Maskinporten's {@code
 * authorization_details} (delegations are {@code /admin/delegations}, {@link AccessAdminRoutes}):
 *
 * <ul>
 *   <li>{@code GET|POST /admin/altinn/system-users}, {@code DELETE
 *       /admin/altinn/system-users/{id}}: a system user {@code {system_id, orgno, client_id,
 *       external_ref?, id?}} (the customer {@code orgno} gave rights to the system linked to {@code
 *       client_id});
 *   <li>{@code GET|POST /admin/altinn/consents}, {@code DELETE /admin/altinn/consents/{id}}: a
 *       consent {@code {from, to_orgno, valid_to, consented?, consent_rights?, id?}}.
 * </ul>
 *
 * Refusals answer {@code {"error","error_description"}}: 400, 404, or 409 for a taken id or system
 * user.
 */
public final class AltinnAdminRoutes {
  private static final String SYSTEM_USERS = "/admin/altinn/system-users";
  private static final String CONSENTS = "/admin/altinn/consents";

  private static final ObjectMapper JSON = Json.plain();

  private final AltinnRegister altinn;

  /** Serves {@code altinn}. */
  public AltinnAdminRoutes(AltinnRegister altinn) {
    this.altinn = altinn;
  }

  /** Adds the routes. */
  public void register(RoutesConfig routes) {
    routes.get(
        SYSTEM_USERS, ctx -> ctx.json(altinn.systemUsers().stream().map(this::json).toList()));
    routes.post(SYSTEM_USERS, this::addSystemUser);
    routes.delete(SYSTEM_USERS + "/{id}", this::removeSystemUser);
    routes.get(CONSENTS, ctx -> ctx.json(altinn.consents().stream().map(this::json).toList()));
    routes.post(CONSENTS, this::addConsent);
    routes.delete(CONSENTS + "/{id}", this::removeConsent);
  }

  private void addSystemUser(Context ctx) {
    AdminRequest r = AdminRequest.of(ctx);
    SystemUser user =
        altinn.addSystemUser(
            r.text("system_id"),
            r.text("orgno"),
            r.text("client_id"),
            r.text("external_ref"),
            r.text("id"));
    ctx.status(201).json(json(user));
  }

  private void removeSystemUser(Context ctx) {
    altinn.removeSystemUser(ctx.pathParam("id"));
    ctx.status(204);
  }

  private void addConsent(Context ctx) {
    AdminRequest r = AdminRequest.of(ctx);
    Consent consent =
        altinn.addConsent(
            r.text("from"),
            r.text("to_orgno"),
            r.text("consented"),
            r.text("valid_to"),
            r.jsonText("consent_rights"),
            r.text("id"));
    ctx.status(201).json(json(consent));
  }

  private void removeConsent(Context ctx) {
    altinn.removeConsent(ctx.pathParam("id"));
    ctx.status(204);
  }

  private Map<String, Object> json(SystemUser u) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", u.id());
    body.put("system_id", u.systemId());
    body.put("orgno", u.org().value());
    body.put("client_id", u.clientId());
    body.put("external_ref", u.externalRef());
    body.put("created", u.created().toString());
    return body;
  }

  private static JsonNode tree(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("consent_rights in the store is not JSON", e);
    }
  }

  private Map<String, Object> json(Consent c) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", c.id());
    body.put("from", c.from());
    body.put("to_orgno", c.to().value());
    body.put("consented", c.consented().toString());
    body.put("valid_to", c.validTo().toString());
    body.put("consent_rights", tree(c.consentRights()));
    body.put("created", c.created().toString());
    return body;
  }
}
