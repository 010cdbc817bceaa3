package io.krrkit.core.krr;

/** Whether a person may be notified under eForvaltningsforskriften §32. */
public enum Varslingsstatus {
  /** The person has contact information that is fresh (updated or verified in 18 months). */
  KAN_VARSLES,
  /** Stale contact information, reserved, deleted or not registered. */
  KAN_IKKE_VARSLES
}
