package io.krrkit.local.internal.krr.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.http.RequestNote;
import io.krrkit.local.internal.krr.Register;
import io.krrkit.local.internal.maskinporten.AccessTokenVerifier;
import io.krrkit.local.internal.maskinporten.InvalidTokenException;
import io.krrkit.maskinporten.validation.MaskinportenClaims;
import java.io.IOException;

/**
 * {@code POST /rest/v2/krr/hentEndringer {"fraEndringsId": N}}: the change feed for local copies,
 * with scope {@code krr:global/hentendring.read}. Refusals are thrown as {@link LookupError}.
 */
final class EndringerEndpoint {
  private static final String FIELD = "fraEndringsId";
  private static final String EXAMPLE = "{\"fraEndringsId\": 0}";

  private final Register register;
  private final AccessTokenVerifier verifier;
  private final ObjectMapper mapper;
  private final JsonWriter json;

  EndringerEndpoint(Register register, AccessTokenVerifier verifier, JsonWriter json) {
    this.register = register;
    this.verifier = verifier;
    this.mapper = json.mapper();
    this.json = json;
  }

  void hentEndringer(Context ctx) {
    authorize(ctx, ctx.header("Authorization"));
    long fra = fraEndringsId(mapper, ctx.bodyAsBytes());
    RequestNote.of(ctx).detail("fraEndringsId", fra);
    json.write(ctx, 200, register.changes(fra));
  }

  private void authorize(Context ctx, String authorization) {
    MaskinportenClaims token;
    try {
      token = verifier.verify(authorization);
    } catch (InvalidTokenException e) {
      throw LookupError.invalidToken(e.getMessage());
    }
    RequestNote.of(ctx).client(token.clientId()).scope(Scope.join(token.scopes()));
    if (!Register.permitsChanges(token.scopes())) {
      throw LookupError.insufficientScope(
          "The change feed needs scope "
              + Register.HENTENDRING_READ
              + "; the token has "
              + (token.scopes().isEmpty() ? "none" : Scope.join(token.scopes()))
              + ". Only holders of a local copy get it: ask the operator to grant it"
              + " (PUT /admin/access in krr-local) and ask for it in the token request",
          Register.HENTENDRING_READ.value());
    }
  }

  /**
   * {@code fraEndringsId} of the body {@code {"fraEndringsId": N}}.
   *
   * @throws LookupError 400 when the body is not that, with N a whole number {@code >= 0}
   */
  static long fraEndringsId(ObjectMapper mapper, byte[] body) {
    JsonNode root;
    try {
      root = body.length == 0 ? null : mapper.readTree(body);
    } catch (IOException e) {
      throw LookupError.invalidRequest("The body is not valid JSON; send " + EXAMPLE);
    }
    JsonNode fra = root == null ? null : root.get(FIELD);
    if (fra == null || !fra.canConvertToLong() || !fra.isIntegralNumber() || fra.asLong() < 0) {
      throw LookupError.invalidRequest(
          FIELD
              + " must be a whole number >= 0 (0 for everything, else the tilEndringsId of the"
              + " previous answer); send "
              + EXAMPLE);
    }
    return fra.asLong();
  }
}
