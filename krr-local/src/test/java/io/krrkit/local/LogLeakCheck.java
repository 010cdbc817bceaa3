package io.krrkit.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails every test class during which a secret, an identity number, an e-mail address, a cookie or
 * a CSRF token reached the log ({@link LogLeaks}). Registered for the whole module through {@code
 * META-INF/services} and {@code junit.jupiter.extensions.autodetection.enabled}.
 */
public final class LogLeakCheck implements BeforeAllCallback, AfterAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    LogLeaks.drain(); // what an earlier class's stray threads logged is not this class's
  }

  @Override
  public void afterAll(ExtensionContext context) {
    assertThat(LogLeaks.drain())
        .as(
            "log lines of %s that must not be logged (all runs: target/log-leaks.txt)",
            context.getRequiredTestClass().getSimpleName())
        .isEmpty();
  }
}
