package io.krrkit.local.selfservice;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.client.ClientRegistry;
import io.krrkit.local.client.OnBehalfOfRegistry;
import io.krrkit.local.client.RegisteredClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The handlers of {@code /clients} and {@code /clients/{id}/jwks}: find the caller, parse, ask the
 * {@link ClientRegistry}, render. Scopes follow Digdir's table: reading takes {@code dcr.read},
 * creating {@code dcr.write}, changing and deleting {@code dcr.modify}; uploading keys takes {@code
 * dcr.write} or {@code dcr.modify}, since it is the second step of creating a client.
 */
final class ClientEndpoints {
  private static final String ID = "client_id";

  private final ClientRegistry registry;
  private final OnBehalfOfRegistry onBehalfOf;
  private final Authorizer authorizer;
  private final SelfServiceJson json;

  ClientEndpoints(
      ClientRegistry registry,
      OnBehalfOfRegistry onBehalfOf,
      Authorizer authorizer,
      SelfServiceJson json) {
    this.registry = registry;
    this.onBehalfOf = onBehalfOf;
    this.authorizer = authorizer;
    this.json = json;
  }

  void list(Context ctx) {
    OrgNumber caller = authorizer.caller(ctx, Scope.DCR_READ);
    json.write(ctx, 200, registry.list(caller).stream().map(this::response).toList());
  }

  void create(Context ctx) {
    OrgNumber caller = authorizer.caller(ctx, Scope.DCR_WRITE);
    ClientRequest request = json.read(ctx, ClientRequest.class);
    json.write(ctx, 200, ClientResponse.of(registry.create(caller, request.toDraft())));
  }

  void get(Context ctx) {
    OrgNumber caller = authorizer.caller(ctx, Scope.DCR_READ);
    json.write(ctx, 200, response(registry.get(caller, ctx.pathParam(ID))));
  }

  void update(Context ctx) {
    OrgNumber caller = authorizer.caller(ctx, Scope.DCR_MODIFY);
    ClientRequest request = json.read(ctx, ClientRequest.class);
    String id = ctx.pathParam(ID);
    json.write(ctx, 200, response(registry.update(caller, id, request.toDraft())));
  }

  void delete(Context ctx) {
    OrgNumber caller = authorizer.caller(ctx, Scope.DCR_MODIFY);
    registry.delete(caller, ctx.pathParam(ID));
    ctx.status(200);
  }

  void keys(Context ctx) {
    OrgNumber caller = authorizer.caller(ctx, Scope.DCR_READ);
    json.write(ctx, 200, JwksResponse.of(registry.keys(caller, ctx.pathParam(ID))));
  }

  void replaceKeys(Context ctx) {
    OrgNumber caller = authorizer.caller(ctx, Scope.DCR_WRITE, Scope.DCR_MODIFY);
    List<Map<String, Object>> jwks = keySet(json.readTree(ctx));
    json.write(ctx, 200, JwksResponse.of(registry.replaceKeys(caller, ctx.pathParam(ID), jwks)));
  }

  void deleteKeys(Context ctx) {
    OrgNumber caller = authorizer.caller(ctx, Scope.DCR_MODIFY);
    registry.deleteKeys(caller, ctx.pathParam(ID));
    ctx.status(200);
  }

  /** The client with its on-behalf-of registrations. */
  private ClientResponse response(RegisteredClient client) {
    return ClientResponse.of(
        client, onBehalfOf.of(client).stream().map(OnBehalfOfJson::of).toList());
  }

  /**
   * The JWKs of {@code {"keys":[…]}}, or of a bare array (Digdir's own example is an array in
   * braces, which is not JSON); {@code null} for an entry that is not an object.
   */
  private List<Map<String, Object>> keySet(JsonNode body) {
    JsonNode keys = body.isArray() ? body : body.path("keys");
    if (!keys.isArray()) {
      throw ApiError.field("keys", "keys is required: a JSON array of JWK objects");
    }
    List<Map<String, Object>> jwks = new ArrayList<>();
    keys.forEach(k -> jwks.add(k.isObject() ? json.members(k) : null));
    return jwks;
  }
}
