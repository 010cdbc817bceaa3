package io.krrkit.local.internal.fault;

/**
 * A fault rule in force, as {@link FaultRules#list()} shows it.
 *
 * @param id its id ({@code fault-1}, …)
 * @param spec what it does
 * @param applied to how many requests it applied so far
 */
public record FaultRule(String id, FaultSpec spec, int applied) {
  /** How many more requests it applies to, or -1 for all. */
  public int remaining() {
    int limit = spec.limit();
    return limit < 0 ? -1 : Math.max(0, limit - applied);
  }

  /** True when it applies to no more requests. */
  public boolean exhausted() {
    return remaining() == 0;
  }
}
