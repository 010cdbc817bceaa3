package io.krrkit.local.internal.selfservice.http;

import io.javalin.http.Context;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.client.OnBehalfOfRegistry;

/**
 * The handlers of {@code /clients/{id}/onbehalfof}: writing takes {@code
 * idporten:dcr/onbehalfof:write}; reading that or any of {@code dcr.read}, {@code dcr.write},
 * {@code dcr.modify}, which Digdir's scope table says give read access to on-behalf-of
 * registrations.
 */
final class OnBehalfOfEndpoints {
  private static final String ID = "client_id";

  private final OnBehalfOfRegistry registry;
  private final Authorizer authorizer;
  private final SelfServiceJson json;

  OnBehalfOfEndpoints(OnBehalfOfRegistry registry, Authorizer authorizer, SelfServiceJson json) {
    this.registry = registry;
    this.authorizer = authorizer;
    this.json = json;
  }

  void list(Context ctx) {
    OrgNumber caller =
        authorizer.caller(
            ctx, Scope.DCR_READ, Scope.DCR_WRITE, Scope.DCR_MODIFY, Scope.DCR_ONBEHALFOF_WRITE);
    json.write(
        ctx,
        200,
        registry.list(caller, ctx.pathParam(ID)).stream().map(OnBehalfOfJson::of).toList());
  }

  void add(Context ctx) {
    OrgNumber caller = authorizer.caller(ctx, Scope.DCR_ONBEHALFOF_WRITE);
    OnBehalfOfJson request = json.read(ctx, OnBehalfOfJson.class);
    json.write(
        ctx, 200, OnBehalfOfJson.of(registry.add(caller, ctx.pathParam(ID), request.toDraft())));
  }

  void delete(Context ctx) {
    OrgNumber caller = authorizer.caller(ctx, Scope.DCR_ONBEHALFOF_WRITE);
    registry.delete(caller, ctx.pathParam(ID), ctx.pathParam("onbehalfof"));
    ctx.status(200);
  }
}
