package io.krrkit.local.internal.selfservice.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.client.ClientDraft;
import io.krrkit.local.internal.client.ClientRegistry;
import io.krrkit.local.internal.client.OnBehalfOfRegistry;
import io.krrkit.local.internal.client.RegisteredClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The handlers of {@code /clients} and {@code /clients/{id}/jwks}: find the caller, parse, ask the
 * {@link ClientRegistry}, render. Scopes follow Digdir's table: reading takes {@code dcr.read},
 * creating {@code dcr.write}, changing and deleting {@code dcr.modify}; uploading keys takes {@code
 * dcr.write} or {@code dcr.modify}, since it is the second step of creating a client.
 *
 * <p>A supplier with {@code idporten:dcr.supplier} registers clients for customers ({@code
 * client_orgno} = the customer, {@code supplier_orgno} = the caller) and then reads, changes,
 * deletes and keys them with that scope alone, as Digdir's table says; the customer owns them and
 * manages them with its ordinary scopes.
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
    Caller caller = authorizer.authorize(ctx, Scope.DCR_READ, Scope.DCR_SUPPLIER);
    List<ClientResponse> visible =
        registry.list(caller.org()).stream()
            .filter(c -> caller.holdsAny(ownOrSupplied(caller, c, Scope.DCR_READ)))
            .map(this::response)
            .toList();
    json.write(ctx, 200, visible);
  }

  void create(Context ctx) {
    Caller caller = authorizer.authorize(ctx, Scope.DCR_WRITE, Scope.DCR_SUPPLIER);
    ClientDraft draft = json.read(ctx, ClientDraft.class);
    boolean forCustomer =
        draft.clientOrgno() != null && !draft.clientOrgno().equals(caller.org().value());
    if (forCustomer) {
      Authorizer.require(caller, Scope.DCR_SUPPLIER);
      json.write(
          ctx,
          200,
          ClientResponse.of(registry.createForCustomerWithSecret(caller.org(), draft), List.of()));
    } else {
      Authorizer.require(caller, Scope.DCR_WRITE);
      json.write(
          ctx, 200, ClientResponse.of(registry.createWithSecret(caller.org(), draft), List.of()));
    }
  }

  void get(Context ctx) {
    Caller caller = authorizeForClient(ctx, Scope.DCR_READ);
    json.write(ctx, 200, response(registry.get(caller.org(), ctx.pathParam(ID))));
  }

  void update(Context ctx) {
    Caller caller = authorizeForClient(ctx, Scope.DCR_MODIFY);
    ClientDraft draft = json.read(ctx, ClientDraft.class);
    String id = ctx.pathParam(ID);
    json.write(ctx, 200, response(registry.updateWithSecret(caller.org(), id, draft)));
  }

  /** {@code POST /clients/{client_id}/secret}: a new secret, shown in this answer only. */
  void newSecret(Context ctx) {
    Caller caller = authorizeForClient(ctx, Scope.DCR_WRITE, Scope.DCR_MODIFY);
    json.write(ctx, 200, response(registry.newSecret(caller.org(), ctx.pathParam(ID))));
  }

  void delete(Context ctx) {
    Caller caller = authorizeForClient(ctx, Scope.DCR_MODIFY);
    registry.delete(caller.org(), ctx.pathParam(ID));
    ctx.status(200);
  }

  void keys(Context ctx) {
    Caller caller = authorizeForClient(ctx, Scope.DCR_READ);
    json.write(ctx, 200, JwksResponse.of(registry.keys(caller.org(), ctx.pathParam(ID))));
  }

  void replaceKeys(Context ctx) {
    Caller caller = authorizeForClient(ctx, Scope.DCR_WRITE, Scope.DCR_MODIFY);
    List<Map<String, Object>> jwks = keySet(json, json.readTree(ctx));
    String id = ctx.pathParam(ID);
    json.write(ctx, 200, JwksResponse.of(registry.replaceKeys(caller.org(), id, jwks)));
  }

  void deleteKeys(Context ctx) {
    Caller caller = authorizeForClient(ctx, Scope.DCR_MODIFY);
    registry.deleteKeys(caller.org(), ctx.pathParam(ID));
    ctx.status(200);
  }

  /**
   * The caller of a request about the client in the path: 403 without any fitting scope, 404 when
   * the client is neither the caller's nor one it supplied, 403 when the caller lacks the scope for
   * this client ({@code ownScopes} for its own, {@code dcr.supplier} for a customer's).
   */
  private Caller authorizeForClient(Context ctx, Scope... ownScopes) {
    Scope[] any = Arrays.copyOf(ownScopes, ownScopes.length + 1);
    any[ownScopes.length] = Scope.DCR_SUPPLIER;
    Caller caller = authorizer.authorize(ctx, any);
    RegisteredClient client = registry.get(caller.org(), ctx.pathParam(ID));
    Authorizer.require(caller, ownOrSupplied(caller, client, ownScopes));
    return caller;
  }

  /** {@code ownScopes} for the caller's own client, {@code dcr.supplier} for a customer's. */
  private static Scope[] ownOrSupplied(Caller caller, RegisteredClient client, Scope... ownScopes) {
    return client.orgNumber().equals(caller.org()) ? ownScopes : new Scope[] {Scope.DCR_SUPPLIER};
  }

  /** The client just saved with its on-behalf-of registrations and a new secret, if any. */
  private ClientResponse response(ClientRegistry.WithSecret saved) {
    return ClientResponse.of(
        saved, onBehalfOf.of(saved.client()).stream().map(OnBehalfOfJson::of).toList());
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
  static List<Map<String, Object>> keySet(SelfServiceJson json, JsonNode body) {
    JsonNode keys = body.isArray() ? body : body.path("keys");
    if (!keys.isArray()) {
      throw ApiError.field("keys", "keys is required: a JSON array of JWK objects");
    }
    List<Map<String, Object>> jwks = new ArrayList<>();
    keys.forEach(k -> jwks.add(k.isObject() ? json.members(k) : null));
    return jwks;
  }
}
