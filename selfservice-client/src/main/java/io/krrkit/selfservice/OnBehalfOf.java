package io.krrkit.selfservice;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * An on-behalf-of registration of a supplier's client: the customer the supplier acts for, named in
 * grants as {@code iss_onbehalfof}.
 *
 * @param onbehalfof the id used in grants
 * @param orgno the customer's organisation number
 * @param name the customer's name
 * @param created set by the API, {@code null} when adding
 * @param lastUpdated set by the API, {@code null} when adding
 */
public record OnBehalfOf(
    @JsonProperty("onbehalfof") String onbehalfof,
    @JsonProperty("orgno") String orgno,
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("client_uri") String clientUri,
    @JsonProperty("created") OffsetDateTime created,
    @JsonProperty("last_updated") OffsetDateTime lastUpdated) {

  /**
   * A registration to add with {@link SelfServiceClient#addOnBehalfOf}: the id used in grants, the
   * customer's organisation number and name.
   */
  public static OnBehalfOf of(String onbehalfof, String orgno, String name) {
    return new OnBehalfOf(onbehalfof, orgno, name, null, null, null, null);
  }

  /** This registration with {@code description}. */
  public OnBehalfOf withDescription(String description) {
    return new OnBehalfOf(onbehalfof, orgno, name, description, clientUri, created, lastUpdated);
  }

  /** This registration with {@code clientUri}, the customer's web address. */
  public OnBehalfOf withClientUri(String clientUri) {
    return new OnBehalfOf(onbehalfof, orgno, name, description, clientUri, created, lastUpdated);
  }
}
