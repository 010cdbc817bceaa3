package io.krrkit.cli;

import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An emulator with its operator API on, and the CLI pointed at it: what the operator command tests
 * ({@code krr admin fault …}, {@code krr admin journal …}) share. One per test class:
 *
 * <pre>{@code
 * @RegisterExtension static final OperatorCli cli = new OperatorCli();
 * }</pre>
 */
final class OperatorCli implements BeforeAllCallback, AfterAllCallback {
  private LocalFixture fx;

  @Override
  public void beforeAll(ExtensionContext context) {
    fx = LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(0).adminApi(true));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (fx != null) {
      fx.close();
    }
  }

  /** The running emulator, with helpers to register clients and call it. */
  LocalFixture fx() {
    return fx;
  }

  /** Runs a command against the emulator's operator API ({@code --url}). */
  CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", fx.krrLocal().baseUrl()));
    return CliRun.of(all.toArray(String[]::new));
  }
}
