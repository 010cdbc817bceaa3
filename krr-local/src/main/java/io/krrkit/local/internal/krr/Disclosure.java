package io.krrkit.local.internal.krr;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.core.krr.JaNei;
import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.Status;
import io.krrkit.core.krr.Varslingsstatus;
import java.time.Instant;
import java.util.Set;

/**
 * What a caller sees of a person: the answer KRR gives for the token's scopes at a given instant.
 *
 * <ul>
 *   <li>always: {@code personidentifikator}, {@code reservasjon}, {@code status}, and, where known,
 *       {@code reservasjonstidspunkt} (reserved persons only) and {@code reservasjon_oppdatert};
 *   <li>{@code krr:global/kontaktinformasjon.read}, or its Altinn delegation scope {@code
 *       krr:global/kontaktinfo.read}: {@code varslingsstatus}, {@code spraak}, {@code
 *       spraak_oppdatert}, {@code kontaktinformasjon};
 *   <li>{@code krr:global/digitalpost.read}, or its Altinn delegation scope {@code
 *       krr:global/postkasse.read}: {@code digital_post}, {@code sertifikat};
 *   <li>the 18-month rule withholds contact information, certificate and mailbox of a stale entry.
 * </ul>
 */
final class Disclosure {
  private final boolean kontakt;
  private final boolean digitalPost;
  private final Instant now;

  Disclosure(Set<Scope> scopes, Instant now) {
    this.kontakt =
        scopes.contains(Scope.KRR_KONTAKTINFORMASJON_READ)
            || scopes.contains(Scope.KRR_KONTAKTINFO_READ);
    this.digitalPost =
        scopes.contains(Scope.KRR_DIGITALPOST_READ) || scopes.contains(Scope.KRR_POSTKASSE_READ);
    this.now = now;
  }

  /** The answer for a person in the register. */
  Person of(RegisterEntry e) {
    boolean shown = !e.isStale(now);
    return new Person(
        e.personidentifikator().value(),
        e.reservasjon(),
        e.status(),
        kontakt ? e.varslingsstatus(now) : null,
        e.reservasjonstidspunkt(),
        e.reservasjonOppdatert(),
        kontakt && shown ? e.kontaktinformasjon() : null,
        digitalPost && shown ? e.digitalPost() : null,
        digitalPost && shown ? e.sertifikat() : null,
        kontakt ? e.spraak() : null,
        kontakt ? e.spraakOppdatert() : null);
  }

  /**
   * Everything the register holds about a person, whatever the scopes and the 18-month rule: what
   * the change feed delivers to a local copy. {@code varslingsstatus} is as of now.
   */
  Person everything(RegisterEntry e) {
    return new Person(
        e.personidentifikator().value(),
        e.reservasjon(),
        e.status(),
        e.varslingsstatus(now),
        e.reservasjonstidspunkt(),
        e.reservasjonOppdatert(),
        e.kontaktinformasjon(),
        e.digitalPost(),
        e.sertifikat(),
        e.spraak(),
        e.spraakOppdatert());
  }

  /**
   * The answer for a person the register does not know: {@code IKKE_REGISTRERT}, {@code
   * reservasjon=NEI} (the field is always present and nobody unknown has reserved), and {@code
   * KAN_IKKE_VARSLES} with the contact scope.
   */
  Person unknown(Personidentifikator id) {
    return new Person(
        id.value(),
        JaNei.NEI,
        Status.IKKE_REGISTRERT,
        kontakt ? Varslingsstatus.KAN_IKKE_VARSLES : null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
