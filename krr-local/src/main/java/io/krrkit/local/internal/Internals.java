package io.krrkit.local.internal;

import io.krrkit.local.KrrLocal;
import java.util.Objects;
import java.util.function.Function;

/**
 * The running emulator's wiring, for the project's own tests and tools, which need stores and
 * services that are no part of the API ({@link KrrLocal#controls()} is the API). Not for users:
 * everything under {@code io.krrkit.local.internal} may change in any release. {@link KrrLocal}
 * installs the bridge when its class loads, so no public method of its own hands out internals.
 */
public final class Internals {
  private static volatile Function<KrrLocal, Wiring> bridge;

  private Internals() {}

  /** Installs how a started emulator's wiring is read; called once by {@link KrrLocal}. */
  public static void install(Function<KrrLocal, Wiring> wiringOf) {
    if (bridge != null) {
      throw new IllegalStateException("already installed");
    }
    bridge = Objects.requireNonNull(wiringOf, "wiringOf == null");
  }

  /**
   * The wiring of a started {@code krr}.
   *
   * @throws IllegalStateException when it is not started
   */
  public static Wiring of(KrrLocal krr) {
    Objects.requireNonNull(krr, "krr == null");
    if (bridge == null) {
      // Loading KrrLocal runs its static initialiser, which installs the bridge.
      throw new IllegalStateException("KrrLocal did not install its bridge");
    }
    return bridge.apply(krr);
  }
}
