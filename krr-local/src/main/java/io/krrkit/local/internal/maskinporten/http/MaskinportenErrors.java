package io.krrkit.local.internal.maskinporten.http;

import io.javalin.http.Context;
import io.krrkit.local.internal.http.ErrorResponse;
import io.krrkit.local.internal.http.Failure;
import io.krrkit.local.internal.http.ServiceErrors;
import io.krrkit.local.internal.maskinporten.TokenRequestException;

/**
 * Maskinporten's errors: {@code {error, error_description: "… (trace_id: …)", error_uri}} for token
 * refusals, the same without {@code error_uri} for everything else under {@code /maskinporten/}.
 */
final class MaskinportenErrors implements ServiceErrors {
  private final TokenErrorRenderer renderer;

  MaskinportenErrors(TokenErrorRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public String prefix() {
    return MaskinportenRoutes.PREFIX + "/";
  }

  @Override
  public boolean refusal(Exception e, Context ctx) {
    if (e instanceof TokenRequestException refused) {
      renderer.render(refused, ctx);
      return true;
    }
    return false;
  }

  @Override
  public ErrorResponse render(Failure failure) {
    return ErrorResponse.json(renderer.render(failure));
  }
}
