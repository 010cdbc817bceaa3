package io.krrkit.local.internal.selfservice.http;

import io.krrkit.local.internal.client.ClientDraft;
import java.util.List;

/**
 * The body of {@code POST /clients} and {@code PUT /clients/{id}}: the writable fields of the
 * client model. Read-only fields a caller sends back ({@code created}, {@code active}, …) are
 * ignored.
 */
record ClientRequest(
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

  ClientDraft toDraft() {
    return new ClientDraft(
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
        codeChallengeMethod);
  }
}
