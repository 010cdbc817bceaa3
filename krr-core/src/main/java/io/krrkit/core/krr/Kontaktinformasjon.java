package io.krrkit.core.krr;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * E-mail address and mobile number with their timestamps. A field is {@code null} when nothing is
 * registered; empty strings from the wire are read as {@code null}.
 */
public record Kontaktinformasjon(
    @JsonProperty("epostadresse") String epostadresse,
    @JsonProperty("epostadresse_oppdatert") OffsetDateTime epostadresseOppdatert,
    @JsonProperty("epostadresse_sist_verifisert") OffsetDateTime epostadresseSistVerifisert,
    @JsonProperty("epostadresse_duplisert") JaNei epostadresseDuplisert,
    @JsonProperty("mobiltelefonnummer") String mobiltelefonnummer,
    @JsonProperty("mobiltelefonnummer_oppdatert") OffsetDateTime mobiltelefonnummerOppdatert,
    @JsonProperty("mobiltelefonnummer_sist_verifisert")
        OffsetDateTime mobiltelefonnummerSistVerifisert,
    @JsonProperty("mobiltelefonnummer_duplisert") JaNei mobiltelefonnummerDuplisert) {

  /** Normalises empty strings to {@code null}. */
  public Kontaktinformasjon {
    epostadresse = blankToNull(epostadresse);
    mobiltelefonnummer = blankToNull(mobiltelefonnummer);
  }

  /** True when neither an e-mail address nor a mobile number is present. */
  @JsonIgnore // a helper, not a KRR field: Jackson would write it as "empty"
  public boolean isEmpty() {
    return epostadresse == null && mobiltelefonnummer == null;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
