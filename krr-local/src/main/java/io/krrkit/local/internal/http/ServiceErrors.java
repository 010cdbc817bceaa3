package io.krrkit.local.internal.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;

/**
 * How one emulated service answers errors, in the real service's shape. {@link ErrorPath} picks the
 * service by path prefix and asks it first to render its own refusals (the exception types of its
 * domain and http code), then, for anything else, to render a {@link Failure}.
 */
public interface ServiceErrors {
  /** The path prefix the service owns, such as {@code /maskinporten/}; {@code /} for the rest. */
  String prefix();

  /**
   * Renders {@code e} when it is one of this service's refusals (and logs it once, with {@link
   * TraceId#of} when the shape carries one).
   *
   * @return false when {@code e} is none of them, so the error path renders it as a failure
   */
  boolean refusal(Exception e, Context ctx);

  /** The body of {@code failure} in this service's shape. */
  ErrorResponse render(Failure failure);

  /**
   * Writes {@code failure} on {@code ctx}; by default {@link #render}'s body. Services whose error
   * pages need the request (the web page's layout and language) override this.
   */
  default void write(Failure failure, Context ctx) {
    ErrorResponse response = render(failure);
    response.headers().forEach(ctx::header);
    ctx.status(failure.status()).contentType(response.contentType()).result(response.body());
  }

  /**
   * The errors of a JSON service under {@code prefix}: its {@code refusals}, and every other
   * failure as {@code body} writes it.
   */
  static ServiceErrors json(
      String prefix, Function<Failure, String> body, List<Refusal<?>> refusals) {
    return new ServiceErrors() {
      @Override
      public String prefix() {
        return prefix;
      }

      @Override
      public boolean refusal(Exception e, Context ctx) {
        return refusals.stream().anyMatch(r -> r.renderIfMine(e, ctx));
      }

      @Override
      public ErrorResponse render(Failure failure) {
        return ErrorResponse.json(body.apply(failure));
      }
    };
  }
}
