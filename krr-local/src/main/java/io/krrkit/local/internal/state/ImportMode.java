package io.krrkit.local.internal.state;

/** How an import meets the state already in the emulator. */
public enum ImportMode {
  /**
   * The emulator is reset first ({@link EmulatorState#reset}), then holds what the files hold: what
   * tests want. A kind whose file is absent is as after a reset (no persons file: the synthetic
   * register).
   */
  REPLACE,
  /**
   * Each item of the files is put in or replaces the one with its key (client id, scope name, scope
   * and organisation, identity number, ...); everything else stays. An item equal to the one stored
   * is left alone, so loading the same files twice gives the same state: what {@code krr serve
   * --init} does at every start.
   */
  MERGE
}
