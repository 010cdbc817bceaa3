package io.krrkit.local.internal.krr.synthetic;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.Status;
import io.krrkit.local.internal.krr.RegisterEntry;
import java.util.Objects;

/**
 * One person of a synthetic population: a valid synthetic identity number and what the register
 * holds about it, or {@code null} when the person is not registered (such persons exist, they are
 * just not in KRR).
 *
 * @param personidentifikator the person
 * @param entry the register entry, or {@code null} when not registered
 */
public record SyntheticPerson(Personidentifikator personidentifikator, RegisterEntry entry) {
  /** Checks that the entry belongs to the person. */
  public SyntheticPerson {
    Objects.requireNonNull(personidentifikator, "personidentifikator == null");
    if (entry != null && !entry.personidentifikator().equals(personidentifikator)) {
      throw new IllegalArgumentException("entry belongs to another person");
    }
  }

  /** True when the register holds the person (AKTIV or SLETTET). */
  public boolean isRegistered() {
    return entry != null;
  }

  /** The status a lookup answers: the entry's, or {@code IKKE_REGISTRERT}. */
  public Status status() {
    return entry == null ? Status.IKKE_REGISTRERT : entry.status();
  }
}
