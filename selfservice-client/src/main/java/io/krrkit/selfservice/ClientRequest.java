package io.krrkit.selfservice;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The writable fields of a client, as sent to {@code POST /clients} and {@code PUT /clients/{id}}.
 * A {@code null} field is left out, and the API applies its default; on update (PUT) that resets
 * the field, so start an update from {@link RegisteredClient#toRequest()}.
 *
 * <pre>{@code
 * ClientRequest krr = ClientRequest.krr("Varsling").description("Oppslag før varsling").build();
 * ClientRequest mp = ClientRequest.builder(IntegrationType.MASKINPORTEN)
 *     .clientName("Eksport")
 *     .scopes(List.of(Scope.of("nav:trygdeopplysninger")))
 *     .build();
 * }</pre>
 *
 * @param integrationType what the client is for; fixed at creation
 * @param clientOrgno the owner; leave out to own the client yourself, or name a customer to
 *     register it as the customer's supplier ({@code idporten:dcr.supplier})
 * @param tokenEndpointAuthMethod {@code private_key_jwt} (the default for web), {@code none}, …
 * @param grantTypes e.g. {@code urn:ietf:params:oauth:grant-type:jwt-bearer}
 * @param scopes scopes the client may ask for; a KRR client gets its two automatically
 * @param accessTokenLifetime seconds; 0 or {@code null} for the default
 * @param refreshTokenUsage {@code ONETIME} or {@code REUSE}
 * @param codeChallengeMethod {@code S256} or {@code none}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientRequest(
    @JsonProperty("integration_type") IntegrationType integrationType,
    @JsonProperty("client_name") String clientName,
    @JsonProperty("description") String description,
    @JsonProperty("client_uri") String clientUri,
    @JsonProperty("client_orgno") OrgNumber clientOrgno,
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
    @JsonProperty("code_challenge_method") String codeChallengeMethod) {

  /** Requires the integration type and freezes the lists. */
  public ClientRequest {
    if (integrationType == null) {
      throw new SelfServiceConfigException(
          "integrationType is required, e.g. IntegrationType.KRR; it cannot change later");
    }
    grantTypes = frozen(grantTypes);
    scopes = frozen(scopes);
    redirectUris = frozen(redirectUris);
    postLogoutRedirectUris = frozen(postLogoutRedirectUris);
  }

  /** A builder for a client of {@code type}. */
  public static Builder builder(IntegrationType type) {
    return new Builder(Objects.requireNonNull(type, "type == null"));
  }

  /**
   * A builder for a KRR lookup client named {@code clientName}: the API sets its scopes ({@code
   * krr:global/*}), grant (jwt-bearer) and authentication ({@code private_key_jwt}).
   */
  public static Builder krr(String clientName) {
    return builder(IntegrationType.KRR).clientName(clientName);
  }

  private static <T> List<T> frozen(List<T> list) {
    return list == null ? null : List.copyOf(list);
  }

  /** Builds a {@link ClientRequest}. Not thread-safe. */
  public static final class Builder {
    private final IntegrationType integrationType;
    private String clientName;
    private String description;
    private String clientUri;
    private OrgNumber clientOrgno;
    private ApplicationType applicationType;
    private String tokenEndpointAuthMethod;
    private List<String> grantTypes;
    private List<Scope> scopes;
    private List<String> redirectUris;
    private List<String> postLogoutRedirectUris;
    private String frontchannelLogoutUri;
    private Boolean frontchannelLogoutSessionRequired;
    private Integer accessTokenLifetime;
    private Integer authorizationLifetime;
    private Integer refreshTokenLifetime;
    private String refreshTokenUsage;
    private Boolean ssoDisabled;
    private String codeChallengeMethod;

    private Builder(IntegrationType integrationType) {
      this.integrationType = integrationType;
    }

    /** Starts from the writable fields of {@code client}. */
    Builder(RegisteredClient client) {
      this(client.integrationType());
      clientName = client.clientName();
      description = client.description();
      clientUri = client.clientUri();
      clientOrgno = client.clientOrgno();
      applicationType = client.applicationType();
      tokenEndpointAuthMethod = client.tokenEndpointAuthMethod();
      grantTypes = client.grantTypes();
      scopes = client.scopes();
      redirectUris = client.redirectUris();
      postLogoutRedirectUris = client.postLogoutRedirectUris();
      frontchannelLogoutUri = client.frontchannelLogoutUri();
      frontchannelLogoutSessionRequired = client.frontchannelLogoutSessionRequired();
      accessTokenLifetime = client.accessTokenLifetime();
      authorizationLifetime = client.authorizationLifetime();
      refreshTokenLifetime = client.refreshTokenLifetime();
      refreshTokenUsage = client.refreshTokenUsage();
      ssoDisabled = client.ssoDisabled();
      codeChallengeMethod = client.codeChallengeMethod();
    }

    /** {@code client_name}: the name shown to people. */
    public Builder clientName(String clientName) {
      this.clientName = clientName;
      return this;
    }

    /** {@code description}: what the client is used for. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** {@code client_uri}: a web page about the client. */
    public Builder clientUri(String clientUri) {
      this.clientUri = clientUri;
      return this;
    }

    /**
     * {@code client_orgno}: the owner; leave unset to own the client yourself. A customer's number
     * registers the client for that customer, with you as its {@code supplier_orgno}; that takes
     * {@code idporten:dcr.supplier}.
     */
    public Builder clientOrgno(OrgNumber clientOrgno) {
      this.clientOrgno = clientOrgno;
      return this;
    }

    /** {@code application_type}; default {@link ApplicationType#WEB}. */
    public Builder applicationType(ApplicationType applicationType) {
      this.applicationType = applicationType;
      return this;
    }

    /** {@code token_endpoint_auth_method}, e.g. {@code private_key_jwt}. */
    public Builder tokenEndpointAuthMethod(String method) {
      this.tokenEndpointAuthMethod = method;
      return this;
    }

    /** {@code grant_types}. */
    public Builder grantTypes(Collection<String> grantTypes) {
      this.grantTypes = List.copyOf(grantTypes);
      return this;
    }

    /** {@code scopes}: replaces the scopes set so far. */
    public Builder scopes(Collection<Scope> scopes) {
      this.scopes = List.copyOf(scopes);
      return this;
    }

    /** {@code redirect_uris} (ID-porten clients). */
    public Builder redirectUris(Collection<String> uris) {
      this.redirectUris = List.copyOf(uris);
      return this;
    }

    /** {@code post_logout_redirect_uris} (ID-porten clients). */
    public Builder postLogoutRedirectUris(Collection<String> uris) {
      this.postLogoutRedirectUris = List.copyOf(uris);
      return this;
    }

    /** {@code frontchannel_logout_uri} (ID-porten clients). */
    public Builder frontchannelLogoutUri(String uri) {
      this.frontchannelLogoutUri = uri;
      return this;
    }

    /** {@code frontchannel_logout_session_required} (ID-porten clients). */
    public Builder frontchannelLogoutSessionRequired(Boolean required) {
      this.frontchannelLogoutSessionRequired = required;
      return this;
    }

    /** {@code access_token_lifetime} in seconds; 0 for the default. */
    public Builder accessTokenLifetime(Integer seconds) {
      this.accessTokenLifetime = seconds;
      return this;
    }

    /** {@code authorization_lifetime} in seconds; 0 for the default. */
    public Builder authorizationLifetime(Integer seconds) {
      this.authorizationLifetime = seconds;
      return this;
    }

    /** {@code refresh_token_lifetime} in seconds; 0 for the default. */
    public Builder refreshTokenLifetime(Integer seconds) {
      this.refreshTokenLifetime = seconds;
      return this;
    }

    /** {@code refresh_token_usage}: {@code ONETIME} or {@code REUSE}. */
    public Builder refreshTokenUsage(String usage) {
      this.refreshTokenUsage = usage;
      return this;
    }

    /** {@code sso_disabled}. */
    public Builder ssoDisabled(Boolean disabled) {
      this.ssoDisabled = disabled;
      return this;
    }

    /** {@code code_challenge_method}: {@code S256} or {@code none}. */
    public Builder codeChallengeMethod(String method) {
      this.codeChallengeMethod = method;
      return this;
    }

    /** Builds the request; the API checks the combination of fields. */
    public ClientRequest build() {
      return new ClientRequest(
          integrationType,
          clientName,
          description,
          clientUri,
          clientOrgno,
          applicationType,
          tokenEndpointAuthMethod,
          grantTypes,
          scopes,
          redirectUris,
          postLogoutRedirectUris,
          frontchannelLogoutUri,
          frontchannelLogoutSessionRequired,
          accessTokenLifetime,
          authorizationLifetime,
          refreshTokenLifetime,
          refreshTokenUsage,
          ssoDisabled,
          codeChallengeMethod);
    }
  }
}
