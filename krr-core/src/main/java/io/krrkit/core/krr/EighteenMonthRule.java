package io.krrkit.core.krr;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The 18-month rule of eForvaltningsforskriften §32: contact information may be used to notify a
 * person only if it was updated or verified in the last 18 months. E-mail and mobile are judged
 * separately; a person can be notified when at least one channel is fresh. Shared by the emulator's
 * register and the client's helpers so both sides apply one rule.
 */
public final class EighteenMonthRule {
  /** Months of freshness the rule allows. */
  public static final int MONTHS = 18;

  /** KRR counts months in Norwegian time. */
  static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

  private EighteenMonthRule() {}

  /** The oldest instant that still counts as fresh at {@code now}. */
  public static Instant cutoff(Instant now) {
    return now.atZone(OSLO).minusMonths(MONTHS).toInstant();
  }

  /** True when either timestamp lies within the last 18 months at {@code now}. */
  public static boolean isFresh(OffsetDateTime oppdatert, OffsetDateTime verifisert, Instant now) {
    Instant cutoff = cutoff(now);
    return isAfter(oppdatert, cutoff) || isAfter(verifisert, cutoff);
  }

  /** True when at least one channel with a value is fresh. */
  public static boolean hasFreshContact(Kontaktinformasjon k, Instant now) {
    if (k == null) {
      return false;
    }
    boolean epost =
        k.epostadresse() != null
            && isFresh(k.epostadresseOppdatert(), k.epostadresseSistVerifisert(), now);
    boolean mobil =
        k.mobiltelefonnummer() != null
            && isFresh(k.mobiltelefonnummerOppdatert(), k.mobiltelefonnummerSistVerifisert(), now);
    return epost || mobil;
  }

  /**
   * The varslingsstatus KRR gives: reserved, deleted and unknown persons, and persons without fresh
   * contact information, cannot be notified.
   */
  public static Varslingsstatus varslingsstatus(
      Status status, JaNei reservasjon, Kontaktinformasjon k, Instant now) {
    if (status != Status.AKTIV || reservasjon == JaNei.JA || !hasFreshContact(k, now)) {
      return Varslingsstatus.KAN_IKKE_VARSLES;
    }
    return Varslingsstatus.KAN_VARSLES;
  }

  private static boolean isAfter(OffsetDateTime t, Instant cutoff) {
    return t != null && !t.toInstant().isBefore(cutoff);
  }
}
