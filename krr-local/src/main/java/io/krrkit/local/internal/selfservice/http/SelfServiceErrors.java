package io.krrkit.local.internal.selfservice.http;

import io.javalin.http.Context;
import io.krrkit.local.internal.client.ClientRegistryException;
import io.krrkit.local.internal.http.ErrorResponse;
import io.krrkit.local.internal.http.Failure;
import io.krrkit.local.internal.http.ServiceErrors;

/**
 * The self-service API's errors under {@code /selvbetjening/}: its envelope {@code {status,
 * timestamp, correlation_id, errors[], error, error_description}} for refusals and everything else.
 */
final class SelfServiceErrors implements ServiceErrors {
  private final ErrorResponder responder;

  SelfServiceErrors(ErrorResponder responder) {
    this.responder = responder;
  }

  @Override
  public String prefix() {
    return "/selvbetjening/";
  }

  @Override
  public boolean refusal(Exception e, Context ctx) {
    if (e instanceof ApiError refused) {
      responder.render(refused, ctx);
      return true;
    }
    if (e instanceof ClientRegistryException refused) {
      responder.render(ApiError.from(refused), ctx);
      return true;
    }
    return false;
  }

  @Override
  public ErrorResponse render(Failure failure) {
    return ErrorResponse.json(responder.render(failure));
  }
}
