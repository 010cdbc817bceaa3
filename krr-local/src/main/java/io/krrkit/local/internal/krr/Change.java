package io.krrkit.local.internal.krr;

import java.util.Objects;

/**
 * A person as it stands after its latest change: every write to a person gives it a new change id,
 * so the feed delivers each changed person once, in its current state.
 *
 * @param changeId the id of the person's latest change, above {@value #NONE}
 * @param entry the person now
 */
public record Change(long changeId, RegisterEntry entry) {
  /** The change id before the first change; KRR's change ids are above 200 000 000. */
  public static final long NONE = 200_000_000L;

  /** Checks the id range. */
  public Change {
    Objects.requireNonNull(entry, "entry == null");
    if (changeId <= NONE) {
      throw new IllegalArgumentException("change ids are above " + NONE + ", was " + changeId);
    }
  }
}
