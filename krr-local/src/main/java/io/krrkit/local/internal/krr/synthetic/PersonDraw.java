package io.krrkit.local.internal.krr.synthetic;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.JaNei;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.local.internal.krr.RegisterEntryBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws what the register holds about one synthetic person, with timestamps before {@code now}.
 * Fresh contact information was verified in the last six months; stale contact information was last
 * touched between 19 months and five years ago, so it stays stale however the months fall.
 */
final class PersonDraw {
  /** Digipost holds most mailboxes; e-Boks the rest. */
  static final String DIGIPOST = "984661185";

  static final String EBOKS = "922020175";
  private static final double DIGIPOST_SHARE = 0.85;
  private static final double DUPLICATE_SHARE = 0.01;
  private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration FRESH_VERIFICATION = Duration.ofDays(180);
  private static final Duration STALE_AT_LEAST = Duration.ofDays(19 * 31);
  private static final Duration STALE_AT_MOST = Duration.ofDays(5 * 365);
  private static final Duration REGISTERED_AT_MOST = Duration.ofDays(12 * 365);

  private final Shares shares;
  private final Instant now;
  private final String certificate;

  PersonDraw(Shares shares, Instant now, String certificate) {
    this.shares = shares;
    this.now = now;
    this.certificate = certificate;
  }

  /** The entry for {@code id}, or {@code null} when the person is not registered. */
  RegisterEntry draw(Personidentifikator id, SplittableRandom r) {
    double status = r.nextDouble();
    if (status < shares.aktiv()) {
      return aktiv(id, r);
    }
    return status < shares.aktiv() + shares.slettet() ? RegisterEntry.slettet(id) : null;
  }

  private RegisterEntry aktiv(Personidentifikator id, SplittableRandom r) {
    boolean stale = r.nextDouble() < shares.stale();
    // Stale persons were last touched before the 18-month window; fresh ones up to now.
    Instant lastTouch = stale ? before(now, STALE_AT_LEAST, STALE_AT_MOST, r) : now;
    Instant registered = before(lastTouch, DAY, REGISTERED_AT_MOST, r);
    String name = ContactDraw.name(r);
    RegisterEntryBuilder b = RegisterEntry.aktiv(id);
    boolean reservert = r.nextDouble() < shares.reservert();
    if (reservert) {
      b.reservert(time(between(registered, now, r)));
    } else {
      b.reservasjonOppdatert(time(registered));
    }
    if (r.nextDouble() < shares.epost()) {
      Instant changed = between(registered, lastTouch, r);
      b.epost(
              ContactDraw.epost(name, r),
              time(changed),
              time(verified(changed, lastTouch, stale, r)))
          .epostDuplisert(duplicate(r));
    }
    if (r.nextDouble() < shares.mobil()) {
      Instant changed = between(registered, lastTouch, r);
      b.mobil(ContactDraw.mobil(r), time(changed), time(verified(changed, lastTouch, stale, r)))
          .mobilDuplisert(duplicate(r));
    }
    if (!reservert && r.nextDouble() < shares.digitalPost()) {
      String supplier = r.nextDouble() < DIGIPOST_SHARE ? DIGIPOST : EBOKS;
      b.digitalPost(ContactDraw.postkasseadresse(name, r), supplier, certificate);
    }
    return b.spraak(language(r), time(between(registered, lastTouch, r))).build();
  }

  /** Stale: verified when last touched at the latest; fresh: in the last six months. */
  private Instant verified(Instant changed, Instant lastTouch, boolean stale, SplittableRandom r) {
    if (stale) {
      return between(changed, lastTouch, r);
    }
    Instant earliest = now.minus(FRESH_VERIFICATION);
    return between(changed.isAfter(earliest) ? changed : earliest, now, r);
  }

  private String language(SplittableRandom r) {
    double u = r.nextDouble();
    String last = null;
    for (Map.Entry<String, Double> share : shares.spraak().entrySet()) {
      last = share.getKey();
      u -= share.getValue();
      if (u < 0) {
        break;
      }
    }
    return last;
  }

  private static JaNei duplicate(SplittableRandom r) {
    return r.nextDouble() < DUPLICATE_SHARE ? JaNei.JA : JaNei.NEI;
  }

  /** An instant between {@code min} and {@code max} before {@code t}, whole seconds. */
  private static Instant before(Instant t, Duration min, Duration max, SplittableRandom r) {
    long back = min.getSeconds() + r.nextLong(max.getSeconds() - min.getSeconds());
    return Instant.ofEpochSecond(t.getEpochSecond() - back);
  }

  /** An instant in {@code [from, to]}, whole seconds. */
  private static Instant between(Instant from, Instant to, SplittableRandom r) {
    long span = Math.max(0, to.getEpochSecond() - from.getEpochSecond());
    return Instant.ofEpochSecond(from.getEpochSecond() + r.nextLong(span + 1));
  }

  private static OffsetDateTime time(Instant t) {
    return t.atZone(OSLO).toOffsetDateTime();
  }
}
