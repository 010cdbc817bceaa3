package io.krrkit.local.internal.selfservice.http;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.krrkit.local.internal.access.DelegationSource;
import io.krrkit.local.internal.access.ScopeRegistry;
import io.krrkit.local.internal.client.ClientRegistry;
import io.krrkit.local.internal.client.ClientRegistryException;
import io.krrkit.local.internal.client.OnBehalfOfRegistry;
import io.krrkit.local.internal.http.Refusal;
import io.krrkit.local.internal.http.ServiceErrors;
import io.krrkit.local.internal.maskinporten.AccessTokenVerifier;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The self-service API of the emulator ({@code {base}/selvbetjening/api/v1}, like {@code
 * https://api.test.samarbeid.digdir.no/api/v1}), protected by the emulator's Maskinporten tokens,
 * with its OpenAPI document at {@code {base}/selvbetjening/v3/api-docs} and Swagger UI at {@code
 * {base}/selvbetjening/swagger-ui}. Every refusal answers Digdir's error envelope.
 */
public final class SelfServiceRoutes {
  /** Path of the API under the emulator's base URL. */
  public static final String BASE = "/selvbetjening/api/v1";

  /** One route of the API: method, path under {@link #BASE}, and its handler. */
  record Route(HandlerType method, String path, Function<SelfServiceRoutes, Handler> handler) {}

  /** Every route of the API, in one table; the OpenAPI document must list each (ApiDocsTest). */
  static final List<Route> ROUTES =
      List.of(
          new Route(GET, "/clients", r -> r.clients::list),
          new Route(POST, "/clients", r -> r.clients::create),
          new Route(GET, "/clients/{client_id}", r -> r.clients::get),
          new Route(PUT, "/clients/{client_id}", r -> r.clients::update),
          new Route(DELETE, "/clients/{client_id}", r -> r.clients::delete),
          new Route(GET, "/clients/{client_id}/jwks", r -> r.clients::keys),
          new Route(POST, "/clients/{client_id}/jwks", r -> r.clients::replaceKeys),
          new Route(PUT, "/clients/{client_id}/jwks", r -> r.clients::replaceKeys),
          new Route(DELETE, "/clients/{client_id}/jwks", r -> r.clients::deleteKeys),
          new Route(POST, "/clients/{client_id}/secret", r -> r.clients::newSecret),
          new Route(GET, "/clients/{client_id}/onbehalfof", r -> r.onBehalfOf::list),
          new Route(POST, "/clients/{client_id}/onbehalfof", r -> r.onBehalfOf::add),
          new Route(
              DELETE, "/clients/{client_id}/onbehalfof/{onbehalfof}", r -> r.onBehalfOf::delete),
          new Route(GET, "/scopes", r -> scopes(r.scopes::list)),
          new Route(POST, "/scopes", r -> scopes(r.scopes::create)),
          new Route(PUT, "/scopes", r -> scopes(r.scopes::update)),
          new Route(DELETE, "/scopes", r -> scopes(r.scopes::deactivate)),
          new Route(GET, "/scopes/all", r -> scopes(r.scopes::listed)),
          new Route(GET, "/scopes/access", r -> scopes(r.scopes::access)),
          new Route(GET, "/scopes/access/all", r -> scopes(r.scopes::granted)),
          new Route(PUT, "/scopes/access/{consumer_orgno}", r -> scopes(r.scopes::grant)),
          new Route(DELETE, "/scopes/access/{consumer_orgno}", r -> scopes(r.scopes::revoke)),
          new Route(GET, "/delegationsources", r -> r.scopes::delegationSources));

  private final ClientEndpoints clients;
  private final OnBehalfOfEndpoints onBehalfOf;
  private final ScopeEndpoints scopes;
  private final ErrorResponder errors;
  private final ApiDocs docs = new ApiDocs();

  /**
   * Serves the registries to callers whose tokens {@code verifier} accepts; {@code
   * delegationSource} is the issuer the emulator names in delegated tokens, listed by {@code GET
   * /delegationsources}.
   */
  public SelfServiceRoutes(
      ClientRegistry registry,
      OnBehalfOfRegistry onBehalfOf,
      ScopeRegistry scopes,
      String delegationSource,
      AccessTokenVerifier verifier,
      Clock clock) {
    SelfServiceJson json = new SelfServiceJson();
    Authorizer authorizer = new Authorizer(verifier);
    this.clients = new ClientEndpoints(registry, onBehalfOf, authorizer, json);
    this.onBehalfOf = new OnBehalfOfEndpoints(onBehalfOf, authorizer, json);
    this.scopes =
        new ScopeEndpoints(scopes, DelegationSource.known(delegationSource), authorizer, json);
    this.errors = new ErrorResponder(json, clock);
  }

  /** Registers the routes, the API documentation and the error rendering. */
  public void register(RoutesConfig routes) {
    for (Route route : ROUTES) {
      routes.addHttpHandler(route.method(), BASE + route.path(), route.handler().apply(this));
    }
    docs.register(routes);
  }

  /** How errors under {@code /selvbetjening/} are answered. */
  public ServiceErrors errors() {
    return ServiceErrors.json(
        "/selvbetjening/",
        errors::render,
        List.of(
            Refusal.of(ApiError.class, errors::render),
            Refusal.of(
                ClientRegistryException.class, (e, ctx) -> errors.render(ApiError.from(e), ctx))));
  }

  // Scope refusals become the envelope here, not in a global handler: the operator API renders
  // the same exception type its own way.
  private static Handler scopes(Handler handler) {
    return ScopeEndpoints.refusing(handler);
  }
}
