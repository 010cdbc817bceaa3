package io.krrkit.local.internal.krr.synthetic;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.JaNei;
import io.krrkit.core.krr.KrrTimestamps;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.local.internal.krr.RegisterEntryBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Persons every emulator register holds, one for each case a demo or a test wants to show. They sit
 * beside the synthetic population and never collide with it (individual numbers 900-999).
 * Timestamps are relative to the clock at seeding: "fresh" contact information was verified 30 days
 * before, so moving the emulator clock 18 months ahead makes it stale.
 *
 * <table>
 *   <caption>Known persons</caption>
 *   <tr><th>constant</th><th>number</th><th>what a lookup shows</th></tr>
 *   <tr><td>{@link #DIGDIR_EXAMPLE}</td><td>20914695016</td><td>Digdir's documented example:
 *       AKTIV, e-mail NULLstillt@default.digdir.no changed 2023-06-29T10:14:52+02</td></tr>
 *   <tr><td>{@link #ACTIVE}</td><td>01817090148</td><td>AKTIV, fresh e-mail and mobile, nb,
 *       KAN_VARSLES</td></tr>
 *   <tr><td>{@link #WITH_DIGITAL_POST}</td><td>02827590161</td><td>as ACTIVE, plus a Digipost
 *       mailbox and certificate</td></tr>
 *   <tr><td>{@link #RESERVED}</td><td>03838090124</td><td>reservasjon JA with
 *       reservasjonstidspunkt, KAN_IKKE_VARSLES</td></tr>
 *   <tr><td>{@link #STALE}</td><td>04848590148</td><td>contact information last changed and
 *       verified two years ago: KAN_IKKE_VARSLES, contact information and mailbox withheld</td></tr>
 *   <tr><td>{@link #SLETTET}</td><td>05859090100</td><td>status SLETTET</td></tr>
 *   <tr><td>{@link #NOT_REGISTERED}</td><td>06869590124</td><td>not stored: IKKE_REGISTRERT
 *       (v1, or v2 with inkluderIkkeRegistrerte), left out otherwise</td></tr>
 *   <tr><td>{@link #EMAIL_ONLY}</td><td>07876090184</td><td>fresh e-mail, no mobile</td></tr>
 *   <tr><td>{@link #MOBILE_ONLY}</td><td>08886590289</td><td>fresh mobile, no e-mail, nn</td></tr>
 * </table>
 */
public final class KnownPersons {
  /** Digdir's example person from the lookup API documentation. */
  public static final Personidentifikator DIGDIR_EXAMPLE = Personidentifikator.of("20914695016");

  /** Active, fresh e-mail and mobile: can be notified. */
  public static final Personidentifikator ACTIVE = Personidentifikator.of("01817090148");

  /** Active with a digital post mailbox (Digipost) and certificate. */
  public static final Personidentifikator WITH_DIGITAL_POST = Personidentifikator.of("02827590161");

  /** Reserved against digital communication. */
  public static final Personidentifikator RESERVED = Personidentifikator.of("03838090124");

  /** Contact information older than 18 months. */
  public static final Personidentifikator STALE = Personidentifikator.of("04848590148");

  /** Deleted from the register. */
  public static final Personidentifikator SLETTET = Personidentifikator.of("05859090100");

  /** A valid synthetic number the register does not hold. */
  public static final Personidentifikator NOT_REGISTERED = Personidentifikator.of("06869590124");

  /** Active with an e-mail address only. */
  public static final Personidentifikator EMAIL_ONLY = Personidentifikator.of("07876090184");

  /** Active with a mobile number only. */
  public static final Personidentifikator MOBILE_ONLY = Personidentifikator.of("08886590289");

  /** Every known person, {@link #NOT_REGISTERED} included. */
  public static final List<Personidentifikator> ALL =
      List.of(
          DIGDIR_EXAMPLE,
          ACTIVE,
          WITH_DIGITAL_POST,
          RESERVED,
          STALE,
          SLETTET,
          NOT_REGISTERED,
          EMAIL_ONLY,
          MOBILE_ONLY);

  private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

  private KnownPersons() {}

  /** The register entries of the known persons (all but {@link #NOT_REGISTERED}) at {@code now}. */
  public static List<RegisterEntry> entries(Instant now) {
    OffsetDateTime changed = ago(now, Duration.ofDays(400));
    OffsetDateTime verified = ago(now, Duration.ofDays(30));
    OffsetDateTime staleTouch = ago(now, Duration.ofDays(2 * 365));
    return List.of(
        RegisterEntry.aktiv(DIGDIR_EXAMPLE)
            .epost(
                "NULLstillt@default.digdir.no",
                KrrTimestamps.parse("2023-06-29T10:14:52+02"),
                verified)
            .build(),
        active(ACTIVE, "kari.nordmann@example.com", "+4799999999", changed, verified).build(),
        active(WITH_DIGITAL_POST, "ola.nordmann@example.com", "+4791000002", changed, verified)
            .digitalPost("ola.nordmann#9YDT", PersonDraw.DIGIPOST, TestCertificate.BASE64)
            .build(),
        RegisterEntry.aktiv(RESERVED)
            .reservert(ago(now, Duration.ofDays(700)))
            .mobil("+4791000003", changed, verified)
            .spraak("nb", changed)
            .build(),
        active(STALE, "per.hansen@example.com", "+4791000005", staleTouch, staleTouch)
            .digitalPost("stale.nordmann#4K2P", PersonDraw.EBOKS, TestCertificate.BASE64)
            .build(),
        RegisterEntry.slettet(SLETTET),
        RegisterEntry.aktiv(EMAIL_ONLY)
            .reservasjonOppdatert(changed)
            .epost("kun.epost@example.com", changed, verified)
            .epostDuplisert(JaNei.NEI)
            .spraak("en", changed)
            .build(),
        RegisterEntry.aktiv(MOBILE_ONLY)
            .reservasjonOppdatert(changed)
            .mobil("+4791000008", changed, verified)
            .mobilDuplisert(JaNei.NEI)
            .spraak("nn", changed)
            .build());
  }

  private static RegisterEntryBuilder active(
      Personidentifikator id,
      String epost,
      String mobil,
      OffsetDateTime changed,
      OffsetDateTime verified) {
    return RegisterEntry.aktiv(id)
        .reservasjonOppdatert(changed)
        .epost(epost, changed, verified)
        .epostDuplisert(JaNei.NEI)
        .mobil(mobil, changed, verified)
        .mobilDuplisert(JaNei.NEI)
        .spraak("nb", changed);
  }

  private static OffsetDateTime ago(Instant now, Duration d) {
    return Instant.ofEpochSecond(now.minus(d).getEpochSecond()).atZone(OSLO).toOffsetDateTime();
  }
}
