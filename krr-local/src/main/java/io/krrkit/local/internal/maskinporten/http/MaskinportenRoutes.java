package io.krrkit.local.internal.maskinporten.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.krrkit.local.internal.http.Json;
import io.krrkit.local.internal.http.Refusal;
import io.krrkit.local.internal.http.ServiceErrors;
import io.krrkit.local.internal.maskinporten.AuthorizationDetails;
import io.krrkit.local.internal.maskinporten.TokenRequestException;
import io.krrkit.local.internal.maskinporten.TokenService;
import io.krrkit.local.internal.signing.SigningKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maskinporten's routes in one table, with the metadata and JWKS handlers. */
public final class MaskinportenRoutes {
  /** Path of the issuer under the emulator's base URL. */
  public static final String PREFIX = "/maskinporten";

  private static final String METADATA = "/.well-known/oauth-authorization-server";

  private final String issuer;
  private final SigningKeys signingKeys;
  private final TokenEndpoint tokenEndpoint;
  private final TokenErrorRenderer errorRenderer;
  private final ErrorHelpPages helpPages;
  private final ObjectMapper json;

  public MaskinportenRoutes(String issuer, SigningKeys signingKeys, TokenService tokens) {
    ObjectMapper json = Json.plain();
    this.issuer = issuer;
    this.signingKeys = signingKeys;
    this.tokenEndpoint = new TokenEndpoint(tokens, json);
    this.errorRenderer = new TokenErrorRenderer(issuer, json);
    this.helpPages = new ErrorHelpPages();
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.get(PREFIX + METADATA, this::metadata);
    routes.get(METADATA + PREFIX, this::metadata); // RFC 8414 §3 location
    routes.get(PREFIX + "/jwk", this::jwks);
    routes.post(PREFIX + "/token", tokenEndpoint::handle);
    routes.get(PREFIX + "/errors/{code}", helpPages::handle);
  }

  /** Exactly the keys of the test environment's document (spec.md#metadata-and-keys). */
  private void metadata(Context ctx) throws Exception {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", issuer);
    doc.put("token_endpoint", issuer + "token");
    doc.put("jwks_uri", issuer + "jwk");
    doc.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
    doc.put("grant_types_supported", List.of(TokenService.JWT_BEARER));
    doc.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256", "RS384", "RS512"));
    doc.put("authorization_details_types_supported", AuthorizationDetails.TYPES);
    ctx.contentType(ContentType.APPLICATION_JSON).result(json.writeValueAsString(doc));
  }

  private void jwks(Context ctx) {
    List<JWK> keys = List.copyOf(signingKeys.published());
    ctx.contentType(ContentType.APPLICATION_JSON).result(new JWKSet(keys).toString(true));
  }

  /** How errors under {@code /maskinporten/} are answered. */
  public ServiceErrors errors() {
    return ServiceErrors.json(
        PREFIX + "/",
        errorRenderer::render,
        List.of(Refusal.of(TokenRequestException.class, errorRenderer::render)));
  }
}
