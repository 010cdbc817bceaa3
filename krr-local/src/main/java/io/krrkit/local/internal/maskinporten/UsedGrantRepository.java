package io.krrkit.local.internal.maskinporten;

import java.time.Instant;

/** The grant replay cache: ids of accepted JWT grants, kept until the grants expire. */
public interface UsedGrantRepository {
  /**
   * Records a grant id as used.
   *
   * @return true when recorded, false when the id was recorded before (a replay)
   */
  boolean markUsed(String jtiHash, Instant keepUntil);

  /** Deletes ids whose grants expired before {@code now}; returns how many. */
  int deleteExpired(Instant now);
}
