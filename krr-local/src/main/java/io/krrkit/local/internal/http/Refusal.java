package io.krrkit.local.internal.http;

import io.javalin.http.Context;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * One of a service's own refusal types and how the service renders it.
 *
 * @param type the exception type
 * @param render writes the refusal (and logs it once)
 */
public record Refusal<E extends Exception>(Class<E> type, BiConsumer<E, Context> render) {
  /** Checks the fields. */
  public Refusal {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(render, "render == null");
  }

  /** {@code type}'s refusals, rendered by {@code render}. */
  public static <E extends Exception> Refusal<E> of(Class<E> type, BiConsumer<E, Context> render) {
    return new Refusal<>(type, render);
  }

  /** Renders {@code e} when it is of this type; false otherwise. */
  boolean renderIfMine(Exception e, Context ctx) {
    if (!type.isInstance(e)) {
      return false;
    }
    render.accept(type.cast(e), ctx);
    return true;
  }
}
