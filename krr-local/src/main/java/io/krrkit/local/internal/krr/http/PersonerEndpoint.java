package io.krrkit.local.internal.krr.http;

import io.javalin.http.Context;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.PersonerResponse;
import io.krrkit.local.internal.http.RequestNote;
import io.krrkit.local.internal.krr.ApiVersion;
import io.krrkit.local.internal.krr.Lookup;
import io.krrkit.local.internal.krr.Register;
import io.krrkit.local.internal.maskinporten.AccessTokenVerifier;
import io.krrkit.local.internal.maskinporten.InvalidTokenException;
import io.krrkit.maskinporten.validation.MaskinportenClaims;

/**
 * {@code POST /rest/v1/personer} and {@code /rest/v2/personer}: token, then scope, then body, then
 * the register's answer. Refusals are thrown as {@link LookupError}.
 */
final class PersonerEndpoint {
  private static final String LOOKUP_SCOPES =
      Scope.join(Register.LOOKUP_SCOPES.stream().sorted().toList());

  private final Register register;
  private final AccessTokenVerifier verifier;
  private final PersonerRequestReader reader;
  private final JsonWriter json;

  PersonerEndpoint(Register register, AccessTokenVerifier verifier, JsonWriter json) {
    this.register = register;
    this.verifier = verifier;
    this.reader = new PersonerRequestReader(json.mapper());
    this.json = json;
  }

  void v1(Context ctx) {
    lookup(ctx, ApiVersion.V1);
  }

  void v2(Context ctx) {
    lookup(ctx, ApiVersion.V2);
  }

  private void lookup(Context ctx, ApiVersion version) {
    MaskinportenClaims token = authorize(ctx, ctx.header("Authorization"));
    Lookup lookup = reader.read(ctx.bodyAsBytes(), version, token.scopes());
    // How many persons, never whom.
    RequestNote.of(ctx).detail("identities", lookup.personidentifikatorer().size());
    json.write(ctx, 200, new PersonerResponse(register.lookup(lookup)));
  }

  private MaskinportenClaims authorize(Context ctx, String authorization) {
    MaskinportenClaims token;
    try {
      token = verifier.verify(authorization);
    } catch (InvalidTokenException e) {
      throw LookupError.invalidToken(e.getMessage());
    }
    RequestNote.of(ctx).client(token.clientId()).scope(Scope.join(token.scopes()));
    if (!Register.permitsLookup(token.scopes())) {
      throw LookupError.insufficientScope(
          "The lookup API needs scope "
              + LOOKUP_SCOPES.replace(" ", " or ")
              + "; the token has "
              + (token.scopes().isEmpty() ? "none" : Scope.join(token.scopes()))
              + ". Register the client with integration type krr and ask for the scope in the"
              + " token request",
          LOOKUP_SCOPES);
    }
    return token;
  }
}
