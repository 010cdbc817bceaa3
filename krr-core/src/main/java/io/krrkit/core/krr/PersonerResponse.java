package io.krrkit.core.krr;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer of {@code POST /rest/v1|v2/personer}: persons in request order. */
public record PersonerResponse(@JsonProperty("personer") List<Person> personer) {
  /** Never null: a missing list reads as empty. */
  public PersonerResponse {
    personer = personer == null ? List.of() : List.copyOf(personer);
  }
}
