package io.krrkit.local.internal.web.http;

import java.util.List;

/** The models of the integration pages ({@code src/main/jte/integrations/}). */
public final class IntegrationViews {
  private IntegrationViews() {}

  /** The integration type wire names, in the order the pages offer them. */
  public static final List<String> TYPES = List.of("krr", "maskinporten", "api_klient", "idporten");

  /**
   * The list page.
   *
   * @param query the search text ({@code ?q=})
   * @param type the type filter ({@code ?type=}), empty for all
   * @param rows the integrations that match
   * @param total how many integrations the organisation has
   */
  public record ListView(String query, String type, List<IntegrationRow> rows, int total) {}

  /**
   * The first step of "Ny integrasjon": choose the service.
   *
   * @param form holds {@code integration_type} and its message
   */
  public record ChooseView(Form form) {}

  /**
   * The form of a new integration of {@code type}, or of an existing one ({@code clientId} set).
   *
   * @param automaticScopes the scopes the type gets by itself (KRR), shown, not editable
   * @param availableScopes scopes the organisation may use, as a hint
   */
  public record FormView(
      String type,
      String clientId,
      Form form,
      List<String> automaticScopes,
      List<String> availableScopes) {
    /** True when editing an integration that exists. */
    public boolean editing() {
      return clientId != null;
    }

    /** True when the type takes scopes from the user (all but KRR). */
    public boolean asksForScopes() {
      return !"krr".equals(type);
    }

    /** True when the type gets Maskinporten tokens: jwt-bearer, private_key_jwt, web, fixed. */
    public boolean usesGrant() {
      return "krr".equals(type) || "maskinporten".equals(type);
    }

    /** True when the type logs users in and needs redirect URIs. */
    public boolean asksForRedirectUris() {
      return "api_klient".equals(type) || "idporten".equals(type);
    }

    /** The text key of the type. */
    public String typeKey() {
      return "type." + type;
    }
  }

  /**
   * The page of one integration.
   *
   * @param justCreated shows the next steps after "Opprett"
   * @param issuer the Maskinporten issuer, the grant's {@code aud}
   */
  public record DetailView(
      IntegrationRow integration,
      String applicationType,
      String authMethod,
      List<String> grantTypes,
      List<String> redirectUris,
      boolean justCreated,
      String issuer) {
    /** True when the integration gets Maskinporten tokens with a JWT grant. */
    public boolean usesGrant() {
      return "krr".equals(integration.type()) || "maskinporten".equals(integration.type());
    }
  }

  /** The confirmation before deleting. */
  public record DeleteView(IntegrationRow integration) {}
}
