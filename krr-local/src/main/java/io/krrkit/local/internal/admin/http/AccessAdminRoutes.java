package io.krrkit.local.internal.admin.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.krrkit.core.IntegrationType;
import io.krrkit.local.internal.access.ApiScope;
import io.krrkit.local.internal.access.Delegation;
import io.krrkit.local.internal.access.DelegationRegistry;
import io.krrkit.local.internal.access.ScopeAccess;
import io.krrkit.local.internal.access.ScopeDraft;
import io.krrkit.local.internal.access.ScopeRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Operator API for who may use which scope (MP-250) and who delegated what to whom (MP-251):
 *
 * <ul>
 *   <li>{@code GET|POST /admin/scopes}: list, or register/replace a scope {@code {name,
 *       owner_orgno, description, accessible_for_all, allowed_integration_types, at_max_age,
 *       delegation_source}};
 *   <li>{@code GET /admin/access}; {@code PUT|DELETE /admin/access {scope, orgno}}: grant or revoke
 *       an organisation's access;
 *   <li>{@code GET /admin/delegations}; {@code POST|DELETE /admin/delegations {consumer_orgno,
 *       supplier_orgno, scope}}: record or remove a delegation.
 * </ul>
 *
 * Fields may also come as query parameters. Refusals answer {@code {"error","error_description"}}.
 */
public final class AccessAdminRoutes {
  private final ScopeRegistry scopes;
  private final DelegationRegistry delegations;

  /** Serves {@code scopes} and {@code delegations}. */
  public AccessAdminRoutes(ScopeRegistry scopes, DelegationRegistry delegations) {
    this.scopes = scopes;
    this.delegations = delegations;
  }

  /** Adds the routes and the rendering of their refusals. */
  public void register(RoutesConfig routes) {
    routes.get("/admin/scopes", ctx -> ctx.json(scopes.scopes().stream().map(this::json).toList()));
    routes.post("/admin/scopes", this::defineScope);
    routes.get(
        "/admin/access", ctx -> ctx.json(scopes.accessList().stream().map(this::json).toList()));
    routes.put("/admin/access", this::grant);
    routes.delete("/admin/access", this::revoke);
    routes.get(
        "/admin/delegations",
        ctx -> ctx.json(delegations.list().stream().map(this::json).toList()));
    routes.post("/admin/delegations", this::delegate);
    routes.delete("/admin/delegations", this::undelegate);
  }

  private void defineScope(Context ctx) {
    AdminRequest r = AdminRequest.of(ctx);
    ApiScope scope =
        scopes.define(
            new ScopeDraft(
                r.text("name"),
                null,
                null,
                r.text("owner_orgno"),
                r.text("description"),
                r.text("long_description"),
                r.bool("active"),
                r.text("visibility"),
                r.text("token_type"),
                r.integer("at_max_age"),
                r.integer("authorization_max_lifetime"),
                r.texts("allowed_integration_types"),
                r.bool("accessible_for_all"),
                r.text("delegation_source"),
                r.bool("requires_user_consent")));
    ctx.json(json(scope));
  }

  private void grant(Context ctx) {
    AdminRequest r = AdminRequest.of(ctx);
    ctx.json(json(scopes.grant(r.text("scope"), r.text("orgno"))));
  }

  private void revoke(Context ctx) {
    AdminRequest r = AdminRequest.of(ctx);
    scopes.revoke(r.text("scope"), r.text("orgno"));
    ctx.status(204);
  }

  private void delegate(Context ctx) {
    AdminRequest r = AdminRequest.of(ctx);
    Delegation d =
        delegations.add(r.text("consumer_orgno"), r.text("supplier_orgno"), r.text("scope"));
    ctx.json(json(d));
  }

  private void undelegate(Context ctx) {
    AdminRequest r = AdminRequest.of(ctx);
    delegations.remove(r.text("consumer_orgno"), r.text("supplier_orgno"), r.text("scope"));
    ctx.status(204);
  }

  private Map<String, Object> json(ApiScope s) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", s.name().value());
    body.put("owner_orgno", s.owner().value());
    body.put("description", s.description());
    body.put("accessible_for_all", s.accessibleForAll());
    body.put(
        "allowed_integration_types",
        s.allowedIntegrationTypes().stream().map(IntegrationType::wireName).sorted().toList());
    body.put("at_max_age", s.atMaxAge());
    body.put("delegation_source", s.delegationSource());
    body.put("active", s.active());
    body.put("visibility", s.visibility().name());
    body.put("created", s.created().toString());
    body.put("last_updated", s.lastUpdated().toString());
    return body;
  }

  private Map<String, Object> json(ScopeAccess a) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("scope", a.scope().value());
    body.put("consumer_orgno", a.consumer().value());
    body.put("state", a.state().name());
    body.put("created", a.created().toString());
    body.put("last_updated", a.lastUpdated().toString());
    return body;
  }

  private Map<String, Object> json(Delegation d) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("consumer_orgno", d.consumer().value());
    body.put("supplier_orgno", d.supplier().value());
    body.put("scope", d.scope().value());
    body.put("created", d.created().toString());
    return body;
  }
}
