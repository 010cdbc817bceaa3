package io.krrkit.local.internal.selfservice.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.access.AccessException;
import io.krrkit.local.internal.access.ApiScope;
import io.krrkit.local.internal.access.DelegationSource;
import io.krrkit.local.internal.access.ScopeDraft;
import io.krrkit.local.internal.access.ScopeRegistry;
import java.util.List;
import java.util.function.Predicate;

/**
 * The handlers of {@code /scopes}, {@code /scopes/access} and {@code /delegationsources}, for API
 * owners and their consumers (Digdir's {@code oidc_api_admin_maskinporten.md}):
 *
 * <ul>
 *   <li>an owner's own scopes and their accesses take {@code idporten:scopes.write}, for reading
 *       too (Digdir names no other scope for API owners); another owner's scope is 404;
 *   <li>{@code GET /scopes/all} and {@code GET /delegationsources} are open, as Digdir's are;
 *   <li>{@code GET /scopes/access/all} (what the caller was granted) takes any self-service scope,
 *       since a consumer's administration client need not be an API owner's.
 * </ul>
 *
 * Deactivated scopes are left out of {@code GET /scopes} unless {@code inactive=true}.
 */
final class ScopeEndpoints {
  private static final String SCOPE = "scope";
  private static final String CONSUMER = "consumer_orgno";

  private final ScopeRegistry registry;
  private final List<DelegationSource> delegationSources;
  private final Authorizer authorizer;
  private final SelfServiceJson json;

  ScopeEndpoints(
      ScopeRegistry registry,
      List<DelegationSource> delegationSources,
      Authorizer authorizer,
      SelfServiceJson json) {
    this.registry = registry;
    this.delegationSources = List.copyOf(delegationSources);
    this.authorizer = authorizer;
    this.json = json;
  }

  /** {@code GET /scopes}: the caller's scopes, or with {@code ?scope=} that one scope. */
  void list(Context ctx) {
    OrgNumber owner = authorizer.caller(ctx, Scope.SCOPES_WRITE);
    if (ctx.queryParam(SCOPE) != null) {
      json.write(ctx, 200, ScopeJson.of(registry.get(owner, scope(ctx))));
      return;
    }
    boolean inactive = "true".equalsIgnoreCase(ctx.queryParam("inactive"));
    List<ScopeJson> scopes =
        registry.ownedBy(owner).stream()
            .filter(s -> inactive || s.active())
            .map(ScopeJson::of)
            .toList();
    json.write(ctx, 200, scopes);
  }

  void create(Context ctx) {
    OrgNumber owner = authorizer.caller(ctx, Scope.SCOPES_WRITE);
    ScopeDraft draft = json.read(ctx, ScopeDraft.class);
    json.write(ctx, 200, ScopeJson.of(registry.define(owner, draft)));
  }

  void update(Context ctx) {
    OrgNumber owner = authorizer.caller(ctx, Scope.SCOPES_WRITE);
    Scope name = scope(ctx);
    ScopeDraft draft = json.read(ctx, ScopeDraft.class);
    json.write(ctx, 200, ScopeJson.of(registry.update(owner, name, draft)));
  }

  void deactivate(Context ctx) {
    OrgNumber owner = authorizer.caller(ctx, Scope.SCOPES_WRITE);
    json.write(ctx, 200, ScopeJson.of(registry.deactivate(owner, scope(ctx))));
  }

  /**
   * {@code GET /scopes/all}: every active public scope; {@code accessible_for_all} and {@code
   * integration_type} filter. Open, like Digdir's.
   */
  void listed(Context ctx) {
    Predicate<ApiScope> filter = s -> true;
    String forAll = ctx.queryParam("accessible_for_all");
    if (forAll != null) {
      boolean wanted = bool("accessible_for_all", forAll);
      filter = filter.and(s -> s.accessibleForAll() == wanted);
    }
    String type = ctx.queryParam("integration_type");
    if (type != null) {
      IntegrationType wanted =
          IntegrationType.fromWireName(type)
              .orElseThrow(
                  () ->
                      ApiError.field(
                          "integration_type",
                          "integration_type must be one of krr, maskinporten, api_klient,"
                              + " idporten"));
      filter = filter.and(s -> s.allows(wanted));
    }
    json.write(ctx, 200, registry.listed().stream().filter(filter).map(ScopeJson::of).toList());
  }

  void access(Context ctx) {
    OrgNumber owner = authorizer.caller(ctx, Scope.SCOPES_WRITE);
    json.write(
        ctx, 200, registry.accessTo(owner, scope(ctx)).stream().map(ScopeAccessJson::of).toList());
  }

  void grant(Context ctx) {
    OrgNumber owner = authorizer.caller(ctx, Scope.SCOPES_WRITE);
    Scope name = scope(ctx);
    OrgNumber consumer = ScopeRegistry.parseOrg(ctx.pathParam(CONSUMER), CONSUMER);
    json.write(ctx, 200, ScopeAccessJson.of(registry.grant(owner, name, consumer)));
  }

  void revoke(Context ctx) {
    OrgNumber owner = authorizer.caller(ctx, Scope.SCOPES_WRITE);
    Scope name = scope(ctx);
    registry.revoke(owner, name, ScopeRegistry.parseOrg(ctx.pathParam(CONSUMER), CONSUMER));
    ctx.status(200);
  }

  /** {@code GET /scopes/access/all}: the access entries the caller was granted. */
  void granted(Context ctx) {
    OrgNumber consumer =
        authorizer.caller(
            ctx, Scope.SCOPES_WRITE, Scope.DCR_READ, Scope.DCR_WRITE, Scope.DCR_MODIFY);
    json.write(ctx, 200, registry.grantedTo(consumer).stream().map(ScopeAccessJson::of).toList());
  }

  void delegationSources(Context ctx) {
    json.write(ctx, 200, delegationSources);
  }

  /** {@code handler} with the refusals of the scope rules turned into the envelope. */
  static Handler refusing(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (AccessException e) {
        throw ApiError.from(e, ctx.path().contains("/access") ? "ScopeAccess" : "Scope");
      }
    };
  }

  private static Scope scope(Context ctx) {
    return ScopeRegistry.parseScope(ctx.queryParam(SCOPE));
  }

  private static boolean bool(String field, String value) {
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      throw ApiError.field(field, field + " must be true or false");
    }
    return Boolean.parseBoolean(value);
  }
}
