package io.krrkit.local.internal.krr;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.DigitalPost;
import io.krrkit.core.krr.EighteenMonthRule;
import io.krrkit.core.krr.JaNei;
import io.krrkit.core.krr.Kontaktinformasjon;
import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.Status;
import io.krrkit.core.krr.Varslingsstatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the register holds about one person, whatever a caller may see of it. A person the
 * register does not know has no entry ({@code IKKE_REGISTRERT} is an answer, never stored).
 *
 * <p>A {@code SLETTET} entry holds only its identity number: a person deleted from KRR has no
 * reservation, contact information, mailbox or language left in it. Answers show such a person as
 * {@code status=SLETTET, reservasjon=NEI} and, with the contact scope, {@code KAN_IKKE_VARSLES}.
 *
 * <pre>{@code
 * RegisterEntry e = RegisterEntry.aktiv(Personidentifikator.of("20914695016"))
 *     .epost("NULLstillt@default.digdir.no", KrrTimestamps.parse("2023-06-29T10:14:52+02"), null)
 *     .build();
 * }</pre>
 *
 * @param personidentifikator the person
 * @param status {@code AKTIV} or {@code SLETTET}
 * @param reservasjon reserved against digital communication ({@code null} reads as {@code NEI})
 * @param reservasjonstidspunkt when the person reserved; only for reserved persons
 * @param reservasjonOppdatert when the reservation status last changed
 * @param kontaktinformasjon e-mail and mobile with their timestamps, or {@code null}
 * @param digitalPost the digital post mailbox, or {@code null}
 * @param sertifikat the person's encryption certificate for digital post, base64 DER X.509 (not
 *     parsed here), or {@code null}
 * @param spraak preferred language: {@code nb}, {@code nn}, {@code en}, {@code se}, or {@code null}
 * @param spraakOppdatert when the language was last chosen
 */
public record RegisterEntry(
    Personidentifikator personidentifikator,
    Status status,
    JaNei reservasjon,
    OffsetDateTime reservasjonstidspunkt,
    OffsetDateTime reservasjonOppdatert,
    Kontaktinformasjon kontaktinformasjon,
    DigitalPost digitalPost,
    String sertifikat,
    String spraak,
    OffsetDateTime spraakOppdatert) {

  /** The languages KRR knows. */
  public static final Set<String> SPRAAK = Set.of("nb", "nn", "en", "se");

  /** Validates and normalises empty values to {@code null}; see the type's rules. */
  public RegisterEntry {
    Objects.requireNonNull(personidentifikator, "personidentifikator == null");
    Objects.requireNonNull(status, "status == null");
    reservasjon = reservasjon == null ? JaNei.NEI : reservasjon;
    kontaktinformasjon =
        kontaktinformasjon == null || kontaktinformasjon.isEmpty() ? null : kontaktinformasjon;
    digitalPost = digitalPost == null || digitalPost.isEmpty() ? null : digitalPost;
    sertifikat = sertifikat == null || sertifikat.isBlank() ? null : sertifikat;
    spraak = spraak == null || spraak.isBlank() ? null : spraak;
    if (status == Status.IKKE_REGISTRERT) {
      throw new IllegalArgumentException(
          "IKKE_REGISTRERT is never stored; leave the person out of the register instead");
    }
    if (reservasjonstidspunkt != null && reservasjon != JaNei.JA) {
      throw new IllegalArgumentException(
          "reservasjonstidspunkt is only kept for reserved persons; set reservasjon=JA or drop it");
    }
    if (kontaktinformasjon != null) {
      // The columns' sizes (V4__register.sql): refused here, the value never reaches a database
      // error message (which would quote it).
      requireAtMost("epostadresse", kontaktinformasjon.epostadresse(), 320);
      requireAtMost("mobiltelefonnummer", kontaktinformasjon.mobiltelefonnummer(), 32);
    }
    if (digitalPost != null) {
      requireCompleteMailbox(digitalPost);
      requireAtMost("postkasseadresse", digitalPost.postkasseadresse(), 255);
      requireAtMost("postkasseleverandoeradresse", digitalPost.postkasseleverandoeradresse(), 9);
    }
    if (sertifikat != null && sertifikat.length() > 16_000) {
      throw new IllegalArgumentException("sertifikat must be at most 16000 base64 characters");
    }
    checkYears(kontaktinformasjon, reservasjonstidspunkt, reservasjonOppdatert, spraakOppdatert);
    if (spraak != null && !SPRAAK.contains(spraak)) {
      throw new IllegalArgumentException("spraak must be one of " + SPRAAK + ", was " + spraak);
    }
    boolean holdsMore =
        reservasjon == JaNei.JA
            || reservasjonOppdatert != null
            || kontaktinformasjon != null
            || digitalPost != null
            || sertifikat != null
            || spraak != null
            || spraakOppdatert != null;
    if (status == Status.SLETTET && holdsMore) {
      throw new IllegalArgumentException(
          "a SLETTET entry holds only its identity number; use RegisterEntry.slettet(id)");
    }
  }

  /**
   * Timestamps in years 1 to 9999, which the register's epoch-millisecond columns hold; found by
   * fuzzing: a year like +999999999 overflowed in the store and answered 500.
   */
  private static void checkYears(
      Kontaktinformasjon k,
      OffsetDateTime reservasjonstidspunkt,
      OffsetDateTime reservasjonOppdatert,
      OffsetDateTime spraakOppdatert) {
    if (k != null) {
      checkYear("epostadresse_oppdatert", k.epostadresseOppdatert());
      checkYear("epostadresse_sist_verifisert", k.epostadresseSistVerifisert());
      checkYear("mobiltelefonnummer_oppdatert", k.mobiltelefonnummerOppdatert());
      checkYear("mobiltelefonnummer_sist_verifisert", k.mobiltelefonnummerSistVerifisert());
    }
    checkYear("reservasjonstidspunkt", reservasjonstidspunkt);
    checkYear("reservasjon_oppdatert", reservasjonOppdatert);
    checkYear("spraak_oppdatert", spraakOppdatert);
  }

  private static void checkYear(String field, OffsetDateTime time) {
    if (time != null && (time.getYear() < 1 || time.getYear() > 9999)) {
      throw new IllegalArgumentException(field + " must be a time in the years 1 to 9999");
    }
  }

  /** Starts an {@code AKTIV} entry with nothing registered but the person. */
  public static RegisterEntryBuilder aktiv(Personidentifikator personidentifikator) {
    return new RegisterEntryBuilder(personidentifikator);
  }

  /** A person deleted from the register. */
  public static RegisterEntry slettet(Personidentifikator personidentifikator) {
    return new RegisterEntry(
        personidentifikator, Status.SLETTET, JaNei.NEI, null, null, null, null, null, null, null);
  }

  /**
   * The entry a person in KRR's JSON describes (as the operator API and the change feed write
   * them); {@code varslingsstatus} is ignored, since the register works it out.
   *
   * @throws IllegalArgumentException when the person is inconsistent (see the type's rules)
   */
  public static RegisterEntry from(Person p) {
    Status status = p.status() == null ? Status.AKTIV : p.status();
    return new RegisterEntry(
        Personidentifikator.of(p.personidentifikator()),
        status,
        p.reservasjon(),
        p.reservasjonstidspunkt(),
        p.reservasjonOppdatert(),
        p.kontaktinformasjon(),
        p.digitalPost(),
        p.sertifikat(),
        p.spraak(),
        p.spraakOppdatert());
  }

  /** This entry with the language {@code spraak}, chosen at {@code oppdatert}; the rest kept. */
  public RegisterEntry withSpraak(String spraak, OffsetDateTime oppdatert) {
    return new RegisterEntry(
        personidentifikator,
        status,
        reservasjon,
        reservasjonstidspunkt,
        reservasjonOppdatert,
        kontaktinformasjon,
        digitalPost,
        sertifikat,
        spraak,
        oppdatert);
  }

  /** True when the person has reserved against digital communication. */
  public boolean isReservert() {
    return reservasjon == JaNei.JA;
  }

  /**
   * The 18-month rule at {@code now}: true when the entry holds contact information and none of it
   * was updated or verified in the last 18 months. Such contact information, the certificate and
   * the mailbox are withheld from answers. An entry without contact information is not stale: there
   * is nothing to have gone stale, though it cannot be notified either.
   */
  public boolean isStale(Instant now) {
    return kontaktinformasjon != null
        && !EighteenMonthRule.hasFreshContact(kontaktinformasjon, now);
  }

  /**
   * Whether the person can be notified at {@code now}: reserved, deleted and stale persons, and
   * persons without contact information, cannot.
   */
  public Varslingsstatus varslingsstatus(Instant now) {
    return EighteenMonthRule.varslingsstatus(status, reservasjon, kontaktinformasjon, now);
  }

  @Override
  public String toString() {
    return "RegisterEntry["
        + personidentifikator
        + ", "
        + status
        + ", reservasjon="
        + reservasjon
        + "]";
  }

  private static void requireAtMost(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException(field + " must be at most " + max + " characters");
    }
  }

  private static void requireCompleteMailbox(DigitalPost mailbox) {
    if (mailbox.postkasseadresse() == null || mailbox.postkasseleverandoeradresse() == null) {
      throw new IllegalArgumentException(
          "digital post needs both postkasseadresse and postkasseleverandoeradresse");
    }
    if (!OrgNumber.isValid(mailbox.postkasseleverandoeradresse())) {
      throw new IllegalArgumentException(
          "postkasseleverandoeradresse must be the supplier's organisation number"
              + " (984661185 or 922020175)");
    }
  }
}
