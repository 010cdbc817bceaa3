package io.krrkit.core.krr;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /rest/v2/krr/hentEndringer}: the changes after {@code fraEndringsId}.
 * Start at 0 for the whole register; then ask from the previous answer's {@code tilEndringsId}.
 *
 * @param fraEndringsId the last change id the caller has applied (0 for none)
 */
public record EndringerRequest(@JsonProperty("fraEndringsId") long fraEndringsId) {
  /** Refuses negative ids. */
  public EndringerRequest {
    if (fraEndringsId < 0) {
      throw new IllegalArgumentException("fraEndringsId must be >= 0, was " + fraEndringsId);
    }
  }
}
