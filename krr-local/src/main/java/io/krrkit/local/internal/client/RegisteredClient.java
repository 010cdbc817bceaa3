package io.krrkit.local.internal.client;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A client (integration) registered through self-service. Field names follow the self-service API's
 * client model (spec.md#client-model); {@link ClientRegistry} enforces the rules.
 *
 * @param clientId the integration id (UUID), the {@code iss} of JWT grants
 * @param orgNumber the owner ({@code client_orgno})
 * @param supplierOrgNumber the supplier that created it for the owner, or {@code null}
 * @param integrationType fixed at creation
 * @param scopes scopes the client may ask for
 * @param active inactive clients get no tokens
 * @param frontchannelLogoutUri framed by ID-porten when a session the client is in ends, or null
 */
public record RegisteredClient(
    String clientId,
    OrgNumber orgNumber,
    OrgNumber supplierOrgNumber,
    IntegrationType integrationType,
    String clientName,
    String description,
    String clientUri,
    String applicationType,
    String tokenEndpointAuthMethod,
    List<String> grantTypes,
    Set<Scope> scopes,
    List<String> redirectUris,
    List<String> postLogoutRedirectUris,
    int accessTokenLifetime,
    int authorizationLifetime,
    int refreshTokenLifetime,
    String refreshTokenUsage,
    boolean ssoDisabled,
    String codeChallengeMethod,
    boolean active,
    Instant created,
    Instant lastUpdated,
    String frontchannelLogoutUri) {

  /** Checks required fields and freezes the collections. */
  public RegisteredClient {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(orgNumber, "orgNumber == null");
    Objects.requireNonNull(integrationType, "integrationType == null");
    Objects.requireNonNull(created, "created == null");
    Objects.requireNonNull(lastUpdated, "lastUpdated == null");
    grantTypes = grantTypes == null ? List.of() : List.copyOf(grantTypes);
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
    postLogoutRedirectUris =
        postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
  }

  /** A client without {@code frontchannel_logout_uri}. */
  public RegisteredClient(
      String clientId,
      OrgNumber orgNumber,
      OrgNumber supplierOrgNumber,
      IntegrationType integrationType,
      String clientName,
      String description,
      String clientUri,
      String applicationType,
      String tokenEndpointAuthMethod,
      List<String> grantTypes,
      Set<Scope> scopes,
      List<String> redirectUris,
      List<String> postLogoutRedirectUris,
      int accessTokenLifetime,
      int authorizationLifetime,
      int refreshTokenLifetime,
      String refreshTokenUsage,
      boolean ssoDisabled,
      String codeChallengeMethod,
      boolean active,
      Instant created,
      Instant lastUpdated) {
    this(
        clientId,
        orgNumber,
        supplierOrgNumber,
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
        active,
        created,
        lastUpdated,
        null);
  }

  /** This client, inactive: it gets no tokens. */
  public RegisteredClient deactivated() {
    return new RegisteredClient(
        clientId,
        orgNumber,
        supplierOrgNumber,
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
        false,
        created,
        lastUpdated,
        frontchannelLogoutUri);
  }
}
