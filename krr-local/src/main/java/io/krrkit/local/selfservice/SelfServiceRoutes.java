package io.krrkit.local.selfservice;

import io.javalin.config.RoutesConfig;
import io.krrkit.local.client.ClientRegistry;
import io.krrkit.local.client.ClientRegistryException;
import io.krrkit.local.client.OnBehalfOfRegistry;
import io.krrkit.local.maskinporten.AccessTokenVerifier;
import java.time.Clock;

/**
 * The self-service API of the emulator ({@code {base}/selvbetjening/api/v1}, like {@code
 * https://api.test.samarbeid.digdir.no/api/v1}), protected by the emulator's Maskinporten tokens.
 * Every refusal answers Digdir's error envelope.
 */
public final class SelfServiceRoutes {
  /** Path of the API under the emulator's base URL. */
  public static final String BASE = "/selvbetjening/api/v1";

  private final ClientEndpoints clients;
  private final OnBehalfOfEndpoints onBehalfOf;
  private final ErrorResponder errors;

  /** Serves the registries to callers whose tokens {@code verifier} accepts. */
  public SelfServiceRoutes(
      ClientRegistry registry,
      OnBehalfOfRegistry onBehalfOf,
      AccessTokenVerifier verifier,
      Clock clock) {
    SelfServiceJson json = new SelfServiceJson();
    Authorizer authorizer = new Authorizer(verifier);
    this.clients = new ClientEndpoints(registry, onBehalfOf, authorizer, json);
    this.onBehalfOf = new OnBehalfOfEndpoints(onBehalfOf, authorizer, json);
    this.errors = new ErrorResponder(json, clock);
  }

  /** Registers the routes and the error rendering. */
  public void register(RoutesConfig routes) {
    routes.get(BASE + "/clients", clients::list);
    routes.post(BASE + "/clients", clients::create);
    routes.get(BASE + "/clients/{client_id}", clients::get);
    routes.put(BASE + "/clients/{client_id}", clients::update);
    routes.delete(BASE + "/clients/{client_id}", clients::delete);
    routes.get(BASE + "/clients/{client_id}/jwks", clients::keys);
    routes.post(BASE + "/clients/{client_id}/jwks", clients::replaceKeys);
    routes.put(BASE + "/clients/{client_id}/jwks", clients::replaceKeys);
    routes.delete(BASE + "/clients/{client_id}/jwks", clients::deleteKeys);
    routes.get(BASE + "/clients/{client_id}/onbehalfof", onBehalfOf::list);
    routes.post(BASE + "/clients/{client_id}/onbehalfof", onBehalfOf::add);
    routes.delete(BASE + "/clients/{client_id}/onbehalfof/{onbehalfof}", onBehalfOf::delete);
    routes.exception(ApiError.class, errors::render);
    routes.exception(
        ClientRegistryException.class, (e, ctx) -> errors.render(ApiError.from(e), ctx));
  }
}
