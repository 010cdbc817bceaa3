package io.krrkit.selfservice;

/** Where an organisation's access to a scope stands ({@code state} of a {@link ScopeAccess}). */
public enum AccessState {
  /** Asked for, not yet decided: no tokens. */
  REQUESTED,
  /** Granted: the organisation gets tokens with the scope. */
  APPROVED,
  /** Refused: no tokens. */
  DENIED
}
