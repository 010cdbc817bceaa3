package io.krrkit.selfservice;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.Masking;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A client (integration) as the API answers it: the fields of {@link ClientRequest} plus what the
 * API decides. Lists are never {@code null}; other fields the API left out are.
 *
 * <p>{@link #toString()} masks {@code client_secret}.
 *
 * @param clientId the integration id (a UUID), the {@code iss} of JWT grants
 * @param clientOrgno the owner
 * @param supplierOrgno the supplier that registered it for the owner, or {@code null}
 * @param active inactive clients get no tokens
 * @param created when it was registered
 * @param lastUpdated when it was last changed
 * @param clientSecret only for secret-based authentication, only in some answers
 * @param onbehalfof on-behalf-of registrations of a supplier's client
 */
public record RegisteredClient(
    @JsonProperty("client_id") String clientId,
    @JsonProperty("client_orgno") OrgNumber clientOrgno,
    @JsonProperty("supplier_orgno") OrgNumber supplierOrgno,
    @JsonProperty("integration_type") IntegrationType integrationType,
    @JsonProperty("client_name") String clientName,
    @JsonProperty("description") String description,
    @JsonProperty("client_uri") String clientUri,
    @JsonProperty("application_type") ApplicationType applicationType,
    @JsonProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
    @JsonProperty("grant_types") List<String> grantTypes,
    @JsonProperty("scopes") List<Scope> scopes,
    @JsonProperty("redirect_uris") List<String> redirectUris,
    @JsonProperty("post_logout_redirect_uris") List<String> postLogoutRedirectUris,
    @JsonProperty("frontchannel_logout_uri") String frontchannelLogoutUri,
    @JsonProperty("frontchannel_logout_session_required") Boolean frontchannelLogoutSessionRequired,
    @JsonProperty("access_token_lifetime") Integer accessTokenLifetime,
    @JsonProperty("authorization_lifetime") Integer authorizationLifetime,
    @JsonProperty("refresh_token_lifetime") Integer refreshTokenLifetime,
    @JsonProperty("refresh_token_usage") String refreshTokenUsage,
    @JsonProperty("sso_disabled") Boolean ssoDisabled,
    @JsonProperty("code_challenge_method") String codeChallengeMethod,
    @JsonProperty("active") Boolean active,
    @JsonProperty("created") OffsetDateTime created,
    @JsonProperty("last_updated") OffsetDateTime lastUpdated,
    @JsonProperty("client_secret") String clientSecret,
    @JsonProperty("onbehalfof") List<OnBehalfOf> onbehalfof) {

  /** Requires the client id and turns absent lists into empty ones. */
  public RegisteredClient {
    Objects.requireNonNull(clientId, "clientId == null");
    grantTypes = listOf(grantTypes);
    scopes = listOf(scopes);
    redirectUris = listOf(redirectUris);
    postLogoutRedirectUris = listOf(postLogoutRedirectUris);
    onbehalfof = listOf(onbehalfof);
  }

  /**
   * A builder holding this client's writable fields, to change some and send the whole to {@link
   * SelfServiceClient#updateClient}, as PUT replaces every field.
   *
   * <pre>{@code
   * RegisteredClient c = selfService.getClient(id);
   * selfService.updateClient(id, c.toRequest().description("Ny beskrivelse").build());
   * }</pre>
   */
  public ClientRequest.Builder toRequest() {
    return new ClientRequest.Builder(this);
  }

  @Override
  public String toString() {
    return "RegisteredClient[clientId="
        + clientId
        + ", clientName="
        + clientName
        + ", integrationType="
        + integrationType
        + ", clientOrgno="
        + clientOrgno
        + ", scopes="
        + scopes
        + (clientSecret == null ? "" : ", clientSecret=" + Masking.secret(clientSecret))
        + "]";
  }

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
