package io.krrkit.local.internal.selfservice.http;

import io.javalin.http.Context;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.http.RequestNote;
import io.krrkit.local.internal.maskinporten.AccessTokenVerifier;
import io.krrkit.local.internal.maskinporten.InvalidTokenException;
import io.krrkit.maskinporten.validation.MaskinportenClaims;
import java.util.Arrays;
import java.util.List;

/**
 * Finds who calls the self-service API: a Maskinporten token from this emulator, acting for the
 * organisation in its {@code consumer} claim, holding one of the scopes the request needs. A token
 * with a {@code supplier} claim acts for a customer through a supplier and is refused: the API
 * takes tokens of the organisation's own administration client, as Digdir's does.
 */
final class Authorizer {
  private final AccessTokenVerifier verifier;

  Authorizer(AccessTokenVerifier verifier) {
    this.verifier = verifier;
  }

  /**
   * The calling organisation.
   *
   * @throws ApiError 401 without a valid token, 403 when it holds none of {@code anyOf}
   */
  OrgNumber caller(Context ctx, Scope... anyOf) {
    return authorize(ctx, anyOf).org();
  }

  /**
   * The caller with its scopes.
   *
   * @throws ApiError 401 without a valid token, 403 when it holds none of {@code anyOf}
   */
  Caller authorize(Context ctx, Scope... anyOf) {
    MaskinportenClaims token;
    try {
      token = verifier.verify(ctx.header("Authorization"));
    } catch (InvalidTokenException e) {
      throw ApiError.unauthorized(e.getMessage());
    }
    RequestNote.of(ctx).client(token.clientId()).scope(Scope.join(token.scopes()));
    Caller caller = new Caller(token.consumer(), token.scopes());
    require(caller, anyOf);
    if (token.supplier() != null) {
      throw ApiError.forbidden(
          "This token acts for "
              + token.consumer()
              + " through supplier "
              + token.supplier()
              + "; the self-service API takes a token of the organisation's own client",
          Scope.join(Arrays.asList(anyOf)));
    }
    return caller;
  }

  /**
   * Checks that {@code caller} holds one of {@code anyOf}.
   *
   * @throws ApiError 403 when it does not
   */
  static void require(Caller caller, Scope... anyOf) {
    if (caller.holdsAny(anyOf)) {
      return;
    }
    List<Scope> accepted = Arrays.asList(anyOf);
    String needed = String.join(" or ", accepted.stream().map(Scope::value).toList());
    throw ApiError.forbidden(
        "This request needs scope "
            + needed
            + "; the token has "
            + (caller.scopes().isEmpty()
                ? "none"
                : Scope.join(caller.scopes().stream().sorted().toList()))
            + ". Ask for it in the token request (the client must hold it)",
        Scope.join(accepted));
  }
}
