package io.krrkit.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Log levels of the CLI: quiet by default, informative for {@code serve}. */
final class Logging {
  private Logging() {}

  /** Shows krr-local's INFO lines (start-up, store, requests refused). */
  static void verbose() {
    ((Logger) LoggerFactory.getLogger("io.krrkit")).setLevel(Level.INFO);
  }
}
