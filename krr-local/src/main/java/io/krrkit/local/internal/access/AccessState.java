package io.krrkit.local.internal.access;

/** The state of an organisation's access to a scope, as the self-service API names it. */
public enum AccessState {
  /** Asked for, not yet decided: no tokens. */
  REQUESTED,
  /** Granted: the organisation gets tokens with the scope. */
  APPROVED,
  /** Refused: no tokens. */
  DENIED
}
