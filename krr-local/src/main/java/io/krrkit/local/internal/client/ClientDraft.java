package io.krrkit.local.internal.client;

import java.util.List;

/**
 * A client as a caller sends it to {@code POST /clients} or {@code PUT /clients/{id}}: the writable
 * fields of the self-service client model, unvalidated. {@code null} means "not sent"; {@link
 * ClientRegistry} applies the rules and defaults. The self-service API reads its JSON body straight
 * into this record (snake_case names; read-only fields a caller sends back, such as {@code
 * created}, are ignored), the web page and the bootstrap build it in code.
 *
 * @param clientId only checked on update, where it must match the path when sent
 * @param clientOrgno must be the caller's own organisation when sent
 * @param integrationType {@code krr}, {@code maskinporten}, {@code api_klient} or {@code idporten}
 * @param frontchannelLogoutUri checked (a URI a browser may be sent to) and stored
 */
public record ClientDraft(
    String clientId,
    String clientOrgno,
    String integrationType,
    String clientName,
    String description,
    String clientUri,
    String applicationType,
    String tokenEndpointAuthMethod,
    List<String> grantTypes,
    List<String> scopes,
    List<String> redirectUris,
    List<String> postLogoutRedirectUris,
    Integer accessTokenLifetime,
    Integer authorizationLifetime,
    Integer refreshTokenLifetime,
    String refreshTokenUsage,
    Boolean ssoDisabled,
    String codeChallengeMethod,
    String frontchannelLogoutUri) {

  /** A draft without {@code frontchannel_logout_uri}, as the web page and most callers make. */
  public ClientDraft(
      String clientId,
      String clientOrgno,
      String integrationType,
      String clientName,
      String description,
      String clientUri,
      String applicationType,
      String tokenEndpointAuthMethod,
      List<String> grantTypes,
      List<String> scopes,
      List<String> redirectUris,
      List<String> postLogoutRedirectUris,
      Integer accessTokenLifetime,
      Integer authorizationLifetime,
      Integer refreshTokenLifetime,
      String refreshTokenUsage,
      Boolean ssoDisabled,
      String codeChallengeMethod) {
    this(
        clientId,
        clientOrgno,
        integrationType,
        clientName,
        description,
        clientUri,
        applicationType,
        tokenEndpointAuthMethod,
        grantTypes,
        scopes,
        redirectUris,
        postLogoutRedirectUris,
        accessTokenLifetime,
        authorizationLifetime,
        refreshTokenLifetime,
        refreshTokenUsage,
        ssoDisabled,
        codeChallengeMethod,
        null);
  }
}
