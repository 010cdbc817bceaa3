package io.krrkit.selfservice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An organisation's access to a scope, as {@code GET /scopes/access?scope=…} and {@code PUT
 * /scopes/access/{consumer_orgno}?scope=…} answer it:
 *
 * <pre>{@code
 * {"scope": "difi:api3", "state": "APPROVED", "consumer_orgno": "889640782",
 *  "owner_orgno": "991825827", "created": "2018-11-28T14:11:35+01:00", "last_updated": "…"}
 * }</pre>
 *
 * @param scope the scope
 * @param state {@code null} for a state this version does not know
 * @param consumerOrgno the organisation given access
 * @param ownerOrgno the API owner
 */
public record ScopeAccess(
    @JsonProperty("scope") Scope scope,
    @JsonProperty("state") AccessState state,
    @JsonProperty("consumer_orgno") OrgNumber consumerOrgno,
    @JsonProperty("owner_orgno") OrgNumber ownerOrgno,
    @JsonProperty("created") OffsetDateTime created,
    @JsonProperty("last_updated") OffsetDateTime lastUpdated) {

  /** Requires the scope and the consumer. */
  public ScopeAccess {
    Objects.requireNonNull(scope, "scope == null");
    Objects.requireNonNull(consumerOrgno, "consumerOrgno == null");
  }

  /** True when the consumer gets tokens with the scope. */
  @JsonIgnore
  public boolean isApproved() {
    return state == AccessState.APPROVED;
  }
}
