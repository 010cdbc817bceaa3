package io.krrkit.local.internal.krr;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.DigitalPost;
import io.krrkit.core.krr.JaNei;
import io.krrkit.core.krr.Kontaktinformasjon;
import io.krrkit.core.krr.Status;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Builds an {@code AKTIV} {@link RegisterEntry} one registration at a time; {@link #build()}
 * validates. Start with {@link RegisterEntry#aktiv(Personidentifikator)}. Not thread-safe.
 */
public final class RegisterEntryBuilder {
  private final Personidentifikator personidentifikator;
  private JaNei reservasjon = JaNei.NEI;
  private OffsetDateTime reservasjonstidspunkt;
  private OffsetDateTime reservasjonOppdatert;
  private String epostadresse;
  private OffsetDateTime epostadresseOppdatert;
  private OffsetDateTime epostadresseSistVerifisert;
  private JaNei epostadresseDuplisert;
  private String mobiltelefonnummer;
  private OffsetDateTime mobiltelefonnummerOppdatert;
  private OffsetDateTime mobiltelefonnummerSistVerifisert;
  private JaNei mobiltelefonnummerDuplisert;
  private DigitalPost digitalPost;
  private String sertifikat;
  private String spraak;
  private OffsetDateTime spraakOppdatert;

  RegisterEntryBuilder(Personidentifikator personidentifikator) {
    this.personidentifikator =
        Objects.requireNonNull(personidentifikator, "personidentifikator == null");
  }

  /** Reserved against digital communication since {@code tidspunkt}. */
  public RegisterEntryBuilder reservert(OffsetDateTime tidspunkt) {
    this.reservasjon = JaNei.JA;
    this.reservasjonstidspunkt = tidspunkt;
    this.reservasjonOppdatert = tidspunkt;
    return this;
  }

  /** When the reservation status last changed (for persons who are not reserved). */
  public RegisterEntryBuilder reservasjonOppdatert(OffsetDateTime oppdatert) {
    this.reservasjonOppdatert = oppdatert;
    return this;
  }

  /** An e-mail address, when it was last changed and last verified (either may be null). */
  public RegisterEntryBuilder epost(
      String adresse, OffsetDateTime oppdatert, OffsetDateTime sistVerifisert) {
    this.epostadresse = adresse;
    this.epostadresseOppdatert = oppdatert;
    this.epostadresseSistVerifisert = sistVerifisert;
    return this;
  }

  /** Whether another person registered the same e-mail address. */
  public RegisterEntryBuilder epostDuplisert(JaNei duplisert) {
    this.epostadresseDuplisert = duplisert;
    return this;
  }

  /** A mobile number with country code ({@code +4799999999}) and its timestamps. */
  public RegisterEntryBuilder mobil(
      String nummer, OffsetDateTime oppdatert, OffsetDateTime sistVerifisert) {
    this.mobiltelefonnummer = nummer;
    this.mobiltelefonnummerOppdatert = oppdatert;
    this.mobiltelefonnummerSistVerifisert = sistVerifisert;
    return this;
  }

  /** Whether another person registered the same mobile number. */
  public RegisterEntryBuilder mobilDuplisert(JaNei duplisert) {
    this.mobiltelefonnummerDuplisert = duplisert;
    return this;
  }

  /**
   * A digital post mailbox at a supplier (organisation number) and the person's certificate (base64
   * DER X.509), which senders use to encrypt.
   */
  public RegisterEntryBuilder digitalPost(
      String postkasseadresse, String leverandoer, String sertifikat) {
    this.digitalPost = new DigitalPost(postkasseadresse, leverandoer);
    this.sertifikat = sertifikat;
    return this;
  }

  /** The preferred language ({@code nb}, {@code nn}, {@code en}, {@code se}) and when chosen. */
  public RegisterEntryBuilder spraak(String spraak, OffsetDateTime oppdatert) {
    this.spraak = spraak;
    this.spraakOppdatert = oppdatert;
    return this;
  }

  /** The entry; throws {@link IllegalArgumentException} naming what is inconsistent. */
  public RegisterEntry build() {
    Kontaktinformasjon kontakt =
        new Kontaktinformasjon(
            epostadresse,
            epostadresseOppdatert,
            epostadresseSistVerifisert,
            epostadresseDuplisert,
            mobiltelefonnummer,
            mobiltelefonnummerOppdatert,
            mobiltelefonnummerSistVerifisert,
            mobiltelefonnummerDuplisert);
    return new RegisterEntry(
        personidentifikator,
        Status.AKTIV,
        reservasjon,
        reservasjonstidspunkt,
        reservasjonOppdatert,
        kontakt,
        digitalPost,
        sertifikat,
        spraak,
        spraakOppdatert);
  }
}
