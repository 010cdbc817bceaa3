package io.krrkit.core.krr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST /rest/v1/personer} and {@code /rest/v2/personer}. Identifiers stay
 * strings on the wire so the receiver can report which positions are invalid.
 *
 * @param personidentifikatorer 1 to 1000 identity numbers
 * @param inkluderIkkeRegistrerte v2 only: answer unknown persons as IKKE_REGISTRERT; {@code null}
 *     leaves it out (false)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonerRequest(
    @JsonProperty("personidentifikatorer") List<String> personidentifikatorer,
    @JsonProperty("inkluderIkkeRegistrerte") Boolean inkluderIkkeRegistrerte) {

  /** At most this many identifiers per call. */
  public static final int MAX_IDENTIFIERS = 1000;
}
