package io.krrkit.selfservice;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * An on-behalf-of registration of a supplier's client: the customer the supplier acts for, named in
 * grants as {@code iss_onbehalfof}.
 *
 * @param onbehalfof the id used in grants
 * @param orgno the customer's organisation number
 */
public record OnBehalfOf(
    @JsonProperty("onbehalfof") String onbehalfof,
    @JsonProperty("orgno") String orgno,
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("client_uri") String clientUri,
    @JsonProperty("created") OffsetDateTime created,
    @JsonProperty("last_updated") OffsetDateTime lastUpdated) {}
