package io.krrkit.local;

import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for tests that need something the machine may lack (Chromium, the right to mount a
 * tmpfs, a non-loopback address): call it inside the test or {@code beforeEach}, never in {@code
 * beforeAll}, so the test shows as skipped with the reason instead of the class as "0 tests run".
 * Where every test must run (CI sets {@code KRR_REQUIRE_ALL_TESTS}), a missing tool fails the test.
 */
public final class RequiredTool {
  /** Set in CI: no test may skip. */
  public static final String REQUIRE_ALL = "KRR_REQUIRE_ALL_TESTS";

  private RequiredTool() {}

  /** Skips the running test with {@code reason}, or fails it in CI, unless {@code present}. */
  public static void require(boolean present, String reason) {
    if (present) {
      return;
    }
    if (System.getenv(REQUIRE_ALL) != null) {
      throw new IllegalStateException(
          reason + " (" + REQUIRE_ALL + " is set: every test must run)");
    }
    Assumptions.assumeTrue(false, reason);
  }
}
