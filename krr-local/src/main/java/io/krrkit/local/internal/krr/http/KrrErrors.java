package io.krrkit.local.internal.krr.http;

import io.javalin.http.Context;
import io.krrkit.local.internal.http.ErrorResponse;
import io.krrkit.local.internal.http.Failure;
import io.krrkit.local.internal.http.ServiceErrors;

/**
 * KRR's errors under {@code /kontaktregisteret/}: {@code {status, error, error_description,
 * timestamp}} for lookup refusals and everything else (our decision, see {@link ErrorBody}).
 */
final class KrrErrors implements ServiceErrors {
  private final ErrorResponder responder;

  KrrErrors(ErrorResponder responder) {
    this.responder = responder;
  }

  @Override
  public String prefix() {
    return "/kontaktregisteret/";
  }

  @Override
  public boolean refusal(Exception e, Context ctx) {
    if (e instanceof LookupError refused) {
      responder.render(refused, ctx);
      return true;
    }
    return false;
  }

  @Override
  public ErrorResponse render(Failure failure) {
    return ErrorResponse.json(responder.render(failure));
  }
}
