package io.krrkit.core.krr;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A person's digital post mailbox: address and the supplier's organisation number. */
public record DigitalPost(
    @JsonProperty("postkasseadresse") String postkasseadresse,
    @JsonProperty("postkasseleverandoeradresse") String postkasseleverandoeradresse) {

  /** Normalises empty strings to {@code null}. */
  public DigitalPost {
    postkasseadresse = Kontaktinformasjon.blankToNull(postkasseadresse);
    postkasseleverandoeradresse = Kontaktinformasjon.blankToNull(postkasseleverandoeradresse);
  }

  /** True when no mailbox address is present. */
  @JsonIgnore // a helper, not a KRR field: Jackson would write it as "empty"
  public boolean isEmpty() {
    return postkasseadresse == null && postkasseleverandoeradresse == null;
  }
}
