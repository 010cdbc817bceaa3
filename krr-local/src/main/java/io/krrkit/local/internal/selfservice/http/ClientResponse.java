package io.krrkit.local.internal.selfservice.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.client.ClientRegistry;
import io.krrkit.local.internal.client.RegisteredClient;
import java.util.List;

/**
 * A client as the self-service API shows it (spec.md#client-model); {@code client_secret} only in
 * the answer that generated it.
 */
record ClientResponse(
    String clientId,
    String clientName,
    String description,
    String clientUri,
    String integrationType,
    String applicationType,
    String tokenEndpointAuthMethod,
    @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret,
    List<String> grantTypes,
    List<String> scopes,
    List<String> redirectUris,
    List<String> postLogoutRedirectUris,
    String frontchannelLogoutUri,
    int accessTokenLifetime,
    int authorizationLifetime,
    int refreshTokenLifetime,
    String refreshTokenUsage,
    boolean ssoDisabled,
    String codeChallengeMethod,
    String clientOrgno,
    String supplierOrgno,
    boolean active,
    String created,
    String lastUpdated,
    List<OnBehalfOfJson> onbehalfof) {

  /** A client without on-behalf-of registrations (a new one). */
  static ClientResponse of(RegisteredClient c) {
    return of(c, List.of());
  }

  /** A client just saved, with the secret generated for it (shown this once), if any. */
  static ClientResponse of(ClientRegistry.WithSecret saved, List<OnBehalfOfJson> onbehalfof) {
    return of(saved.client(), onbehalfof, saved.clientSecret());
  }

  /** A client with its on-behalf-of registrations. */
  static ClientResponse of(RegisteredClient c, List<OnBehalfOfJson> onbehalfof) {
    return of(c, onbehalfof, null);
  }

  private static ClientResponse of(
      RegisteredClient c, List<OnBehalfOfJson> onbehalfof, String clientSecret) {
    return new ClientResponse(
        c.clientId(),
        c.clientName(),
        c.description(),
        c.clientUri(),
        c.integrationType().wireName(),
        c.applicationType(),
        c.tokenEndpointAuthMethod(),
        clientSecret,
        c.grantTypes(),
        c.scopes().stream().sorted().map(Scope::value).toList(),
        c.redirectUris(),
        c.postLogoutRedirectUris(),
        c.frontchannelLogoutUri(),
        c.accessTokenLifetime(),
        c.authorizationLifetime(),
        c.refreshTokenLifetime(),
        c.refreshTokenUsage(),
        c.ssoDisabled(),
        c.codeChallengeMethod(),
        c.orgNumber().value(),
        c.supplierOrgNumber() == null ? null : c.supplierOrgNumber().value(),
        c.active(),
        SelfServiceJson.timestamp(c.created()),
        SelfServiceJson.timestamp(c.lastUpdated()),
        onbehalfof);
  }
}
