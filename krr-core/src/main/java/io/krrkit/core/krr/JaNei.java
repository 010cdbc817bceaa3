package io.krrkit.core.krr;

/** KRR's yes/no values, used by {@code reservasjon} and the {@code *_duplisert} fields. */
public enum JaNei {
  JA,
  NEI
}
