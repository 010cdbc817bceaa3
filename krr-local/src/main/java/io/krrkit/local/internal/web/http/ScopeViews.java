package io.krrkit.local.internal.web.http;

import io.krrkit.core.IntegrationType;
import io.krrkit.local.internal.access.ApiScope;
import io.krrkit.local.internal.access.ScopeAccess;
import java.util.List;

/** The models of the API owner's scope pages ({@code src/main/jte/scopes/}). */
public final class ScopeViews {
  /** The integration types a scope may be limited to, in the order the form shows them. */
  public static final List<String> TYPES = IntegrationViews.TYPES;

  private ScopeViews() {}

  /** The organisation's scopes. */
  public record ListView(List<Row> scopes) {}

  /**
   * The form of a new scope.
   *
   * @param form the fields of {@link ScopeInput} and their messages
   */
  public record NewView(Form form) {}

  /**
   * One scope: its settings (editable), and which organisations have access to it.
   *
   * @param form the settings form
   * @param grant the form that gives an organisation access ({@code consumer_orgno})
   */
  public record DetailView(Row scope, Form form, List<AccessRow> access, Form grant) {}

  /**
   * A scope as the pages show it.
   *
   * @param name {@code prefix:subscope}
   * @param types the integration types it is limited to (wire names), empty for any
   * @param updated the day it was last changed, Norwegian time
   */
  public record Row(
      String name,
      String description,
      boolean active,
      String visibility,
      boolean accessibleForAll,
      List<String> types,
      String updated) {

    static Row of(ApiScope scope) {
      return new Row(
          scope.name().value(),
          scope.description() == null ? "" : scope.description(),
          scope.active(),
          scope.visibility().name(),
          scope.accessibleForAll(),
          scope.allowedIntegrationTypes().stream().map(IntegrationType::wireName).sorted().toList(),
          KeyViews.day(scope.lastUpdated()));
    }
  }

  /**
   * An organisation's access to the scope.
   *
   * @param state {@code APPROVED} (the only state the emulator grants)
   * @param created the day access was given
   */
  public record AccessRow(String consumer, String state, String created) {
    static AccessRow of(ScopeAccess access) {
      return new AccessRow(
          access.consumer().value(), access.state().name(), KeyViews.day(access.created()));
    }
  }
}
