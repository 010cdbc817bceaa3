package io.krrkit.local.internal.krr;

/** Where the seeding of the register stands, as the store records it. */
public enum SeedState {
  /** Never seeded. */
  NONE,
  /** A seed began and has not finished (it is under way, or was cut short by a crash). */
  SEEDING,
  /** Seeded. */
  DONE
}
