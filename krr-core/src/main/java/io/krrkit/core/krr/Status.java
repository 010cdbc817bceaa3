package io.krrkit.core.krr;

/** A person's status in the register (kodeverk for {@code status}). */
public enum Status {
  /** The person is in the register. */
  AKTIV,
  /** The person has been deleted from the register. */
  SLETTET,
  /** The person is not in the register. */
  IKKE_REGISTRERT
}
