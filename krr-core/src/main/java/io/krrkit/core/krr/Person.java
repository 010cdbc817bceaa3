package io.krrkit.core.krr;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One person as KRR answers it ({@code HentPersonRespons}); JSON names as in the lookup API. Fields
 * the caller's scopes do not cover, or that the 18-month rule withholds, are {@code null}. Empty
 * values from the wire ({@code ""}, {@code {}}) are read as {@code null}.
 *
 * <p>{@link #toString()} masks the identity number.
 */
public record Person(
    @JsonProperty("personidentifikator") String personidentifikator,
    @JsonProperty("reservasjon") JaNei reservasjon,
    @JsonProperty("status") Status status,
    @JsonProperty("varslingsstatus") Varslingsstatus varslingsstatus,
    @JsonProperty("reservasjonstidspunkt") OffsetDateTime reservasjonstidspunkt,
    @JsonProperty("reservasjon_oppdatert") OffsetDateTime reservasjonOppdatert,
    @JsonProperty("kontaktinformasjon") Kontaktinformasjon kontaktinformasjon,
    @JsonProperty("digital_post") DigitalPost digitalPost,
    @JsonProperty("sertifikat") String sertifikat,
    @JsonProperty("spraak") String spraak,
    @JsonProperty("spraak_oppdatert") OffsetDateTime spraakOppdatert) {

  /** Normalises empty values to {@code null}. */
  public Person {
    Objects.requireNonNull(personidentifikator, "personidentifikator == null");
    if (kontaktinformasjon != null && kontaktinformasjon.isEmpty()) {
      kontaktinformasjon = null;
    }
    if (digitalPost != null && digitalPost.isEmpty()) {
      digitalPost = null;
    }
    sertifikat = Kontaktinformasjon.blankToNull(sertifikat);
    spraak = Kontaktinformasjon.blankToNull(spraak);
  }

  /**
   * An {@code IKKE_REGISTRERT} answer for a person the register does not know: reservasjon is
   * always answered, and is {@code NEI} for unknown persons.
   */
  public static Person ikkeRegistrert(String personidentifikator) {
    return new Person(
        personidentifikator,
        JaNei.NEI,
        Status.IKKE_REGISTRERT,
        Varslingsstatus.KAN_IKKE_VARSLES,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** True when the person has reserved against digital communication. */
  @JsonIgnore // a helper, not a KRR field: Jackson would write it as "reservert"
  public boolean isReservert() {
    return reservasjon == JaNei.JA;
  }

  /**
   * Applies the 18-month rule at {@code now} on the client side, as Digdir recommends: true when
   * the person is active, not reserved, and at least one channel was updated or verified in the
   * last 18 months.
   */
  public boolean canBeNotified(Instant now) {
    return EighteenMonthRule.varslingsstatus(status, reservasjon, kontaktinformasjon, now)
        == Varslingsstatus.KAN_VARSLES;
  }

  /** The e-mail address if it may be used for notification at {@code now}, else {@code null}. */
  public String usableEpostadresse(Instant now) {
    if (!canBeNotified(now)
        || !EighteenMonthRule.isFresh(
            kontaktinformasjon.epostadresseOppdatert(),
            kontaktinformasjon.epostadresseSistVerifisert(),
            now)) {
      return null;
    }
    return kontaktinformasjon.epostadresse();
  }

  /** The mobile number if it may be used for notification at {@code now}, else {@code null}. */
  public String usableMobiltelefonnummer(Instant now) {
    if (!canBeNotified(now)
        || !EighteenMonthRule.isFresh(
            kontaktinformasjon.mobiltelefonnummerOppdatert(),
            kontaktinformasjon.mobiltelefonnummerSistVerifisert(),
            now)) {
      return null;
    }
    return kontaktinformasjon.mobiltelefonnummer();
  }

  @Override
  public String toString() {
    return "Person[personidentifikator="
        + io.krrkit.core.Masking.identifier(personidentifikator)
        + ", status="
        + status
        + ", reservasjon="
        + reservasjon
        + ", varslingsstatus="
        + varslingsstatus
        + "]";
  }
}
