package io.krrkit.local.internal.web.http;

import io.krrkit.local.internal.client.OnBehalfOf;
import java.util.List;

/** The models of the on-behalf-of page ({@code src/main/jte/onbehalfof/}). */
public final class OnBehalfOfViews {
  private OnBehalfOfViews() {}

  /**
   * The on-behalf-of registrations of one integration and the form that adds one.
   *
   * @param form {@code onbehalfof}, {@code orgno}, {@code name}, {@code description}, {@code
   *     client_uri} and their messages
   */
  public record ListView(IntegrationRow integration, List<Row> rows, Form form) {}

  /**
   * One registration: a customer the supplier's integration acts for.
   *
   * @param onbehalfof the id the grant sends as {@code iss_onbehalfof}
   * @param created the day it was added, Norwegian time
   */
  public record Row(
      String onbehalfof, String orgno, String name, String description, String created) {

    static Row of(OnBehalfOf registration) {
      return new Row(
          registration.onbehalfof(),
          registration.orgNumber().value(),
          registration.name(),
          registration.description() == null ? "" : registration.description(),
          KeyViews.day(registration.created()));
    }
  }
}
