package io.krrkit.local.selfservice;

import io.javalin.http.Context;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.maskinporten.AccessTokenVerifier;
import io.krrkit.local.maskinporten.InvalidTokenException;
import io.krrkit.local.maskinporten.VerifiedToken;
import java.util.Arrays;
import java.util.List;

/**
 * Finds who calls the self-service API: a Maskinporten token from this emulator, acting for the
 * organisation in its {@code consumer} claim, holding one of the scopes the request needs.
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
    VerifiedToken token;
    try {
      token = verifier.verify(ctx.header("Authorization"));
    } catch (InvalidTokenException e) {
      throw ApiError.unauthorized(e.getMessage());
    }
    List<Scope> accepted = Arrays.asList(anyOf);
    if (accepted.stream().noneMatch(token::hasScope)) {
      String needed = String.join(" or ", accepted.stream().map(Scope::value).toList());
      throw ApiError.forbidden(
          "This request needs scope "
              + needed
              + "; the token has "
              + (token.scopes().isEmpty() ? "none" : Scope.join(token.scopes()))
              + ". Ask for it in the token request (the client must hold it)",
          Scope.join(accepted));
    }
    return token.consumer();
  }
}
