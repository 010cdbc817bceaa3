package io.krrkit.selfservice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A scope (API) as the API answers it ({@code GET /scopes}, {@code GET /scopes/all}): the fields of
 * {@link ScopeRequest} plus what the API decides. Lists are never {@code null}; other fields the
 * API left out are, and so are enum values this version does not know.
 *
 * @param name {@code prefix:subscope}, e.g. {@code difi:api3}
 * @param active inactive scopes (after {@code DELETE}) give no tokens
 * @param visibility whether {@code GET /scopes/all} lists it
 * @param tokenType the kind of token the API expects
 * @param atMaxAge longest access token lifetime in seconds; 0 for the default
 * @param authorizationMaxLifetime longest lifetime of a user's consent in seconds; 0 for the
 *     default
 * @param allowedIntegrationTypes client types that may get tokens with it; empty means any
 * @param accessibleForAll every organisation may use it without an access grant
 * @param delegationSource the issuer of the register where consumers delegate it to suppliers
 * @param ownerOrgno the API owner
 * @param requiresUserConsent ID-porten shows a consent dialogue for it
 */
public record ApiScope(
    @JsonProperty("name") Scope name,
    @JsonProperty("prefix") String prefix,
    @JsonProperty("subscope") String subscope,
    @JsonProperty("description") String description,
    @JsonProperty("long_description") String longDescription,
    @JsonProperty("active") Boolean active,
    @JsonProperty("visibility") Visibility visibility,
    @JsonProperty("token_type") TokenType tokenType,
    @JsonProperty("at_max_age") Integer atMaxAge,
    @JsonProperty("authorization_max_lifetime") Integer authorizationMaxLifetime,
    @JsonProperty("allowed_integration_types") List<IntegrationType> allowedIntegrationTypes,
    @JsonProperty("accessible_for_all") Boolean accessibleForAll,
    @JsonProperty("delegation_source") String delegationSource,
    @JsonProperty("owner_orgno") OrgNumber ownerOrgno,
    @JsonProperty("requires_user_consent") Boolean requiresUserConsent,
    @JsonProperty("created") OffsetDateTime created,
    @JsonProperty("last_updated") OffsetDateTime lastUpdated) {

  /**
   * Takes the name from prefix and subscope when the answer left it out, requires it, and drops
   * integration types this version does not know.
   */
  public ApiScope {
    if (name == null && prefix != null && subscope != null) {
      name = Scope.of(prefix + ":" + subscope);
    }
    Objects.requireNonNull(name, "name == null");
    allowedIntegrationTypes =
        allowedIntegrationTypes == null
            ? List.of()
            : allowedIntegrationTypes.stream().filter(Objects::nonNull).toList();
  }

  /**
   * A builder holding this scope's writable fields, to change some and send the whole to {@link
   * ScopeAdmin#update}, as PUT replaces every field.
   *
   * <pre>{@code
   * ApiScope s = selfService.scopes().get(Scope.of("difi:api3"));
   * selfService.scopes().update(s.name(), s.toRequest().description("Ny beskrivelse").build());
   * }</pre>
   */
  public ScopeRequest.Builder toRequest() {
    return new ScopeRequest.Builder(this);
  }

  /** False only when the API says the scope is inactive. */
  @JsonIgnore
  public boolean isActive() {
    return !Boolean.FALSE.equals(active);
  }
}
