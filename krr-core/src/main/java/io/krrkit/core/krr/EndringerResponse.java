package io.krrkit.core.krr;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The answer of {@code POST /rest/v2/krr/hentEndringer}: the current state of up to {@value
 * #MAX_PERSONS} persons changed after {@code fraEndringsId}, in change order. When {@code
 * tilEndringsId} equals {@code sisteEndringsId} the caller is up to date; otherwise it asks again
 * from {@code tilEndringsId}.
 *
 * @param list the changed persons (a deleted person comes as {@code status=SLETTET})
 * @param fraEndringsId the id asked from, echoed
 * @param tilEndringsId the change id of the last person in {@code list}; {@code sisteEndringsId}
 *     when the list is empty
 * @param sisteEndringsId the register's latest change id
 */
@JsonPropertyOrder({"list", "fraEndringsId", "tilEndringsId", "sisteEndringsId"})
public record EndringerResponse(
    @JsonProperty("list") List<Person> list,
    @JsonProperty("fraEndringsId") long fraEndringsId,
    @JsonProperty("tilEndringsId") long tilEndringsId,
    @JsonProperty("sisteEndringsId") long sisteEndringsId) {

  /** At most this many persons per answer, as in KRR. */
  public static final int MAX_PERSONS = 1000;

  /** Never null: a missing list reads as empty. */
  public EndringerResponse {
    list = list == null ? List.of() : List.copyOf(list);
  }

  /** True when no change after {@code tilEndringsId} remains to be fetched. */
  @JsonIgnore // a helper, not a KRR field
  public boolean isLast() {
    return tilEndringsId >= sisteEndringsId;
  }
}
