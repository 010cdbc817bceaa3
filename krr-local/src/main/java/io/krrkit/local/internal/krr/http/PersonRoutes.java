package io.krrkit.local.internal.krr.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.krrkit.local.internal.idporten.UserTokenVerifier;
import io.krrkit.local.internal.krr.OwnRecord;
import io.krrkit.local.internal.maskinporten.AccessTokenVerifier;
import io.krrkit.local.internal.signing.SigningKeys;

/**
 * KRR's user-driven lookup under {@code {base}/kontaktregisteret} (spec.md#user-driven-lookup):
 * {@code GET|PATCH /rest/v1/person} for ID-porten tokens, {@code GET /rest/v2/person} for
 * person-restricted Maskinporten tokens, and {@code GET /jwk} with the key that signs {@code
 * application/jose} answers. Refusals use the lookup API's error body, rendered by {@link
 * KrrRoutes}' handler.
 */
public final class PersonRoutes {
  private final PersonEndpoint person;
  private final SigningKeys key;

  /** Serves {@code records} to the holders of tokens the two verifiers accept. */
  public PersonRoutes(
      OwnRecord records, UserTokenVerifier users, AccessTokenVerifier machines, SigningKeys key) {
    this.person = new PersonEndpoint(records, users, machines, key, new JsonWriter());
    this.key = key;
  }

  /** Registers the routes. */
  public void register(RoutesConfig routes) {
    routes.get(KrrRoutes.BASE + "/rest/v1/person", person::readV1);
    routes.patch(KrrRoutes.BASE + "/rest/v1/person", person::patchV1);
    routes.get(KrrRoutes.BASE + "/rest/v2/person", person::readV2);
    routes.get(
        KrrRoutes.BASE + "/jwk",
        ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(key.jwks().toString(true)));
  }
}
