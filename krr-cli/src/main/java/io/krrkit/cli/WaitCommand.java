package io.krrkit.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code krr wait}: until krr-local is ready, for scripts that start it in the background. */
@Command(
    name = "wait",
    mixinStandardHelpOptions = true,
    description = {
      "Waits until krr-local is ready.",
      "Ready: its bootstrap file exists (with --bootstrap) and GET /ready answers 200.",
      "Exits 0 when ready, 4 when not within --timeout.",
      "  ./krr serve --ephemeral --bootstrap-out bootstrap.json &",
      "  ./krr wait --bootstrap bootstrap.json"
    })
final class WaitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin Target target;

  @Option(
      names = "--bootstrap",
      paramLabel = "FILE",
      description = "Wait for this file of 'krr serve --bootstrap-out', then for its emulator.")
  Path bootstrap;

  @Option(
      names = "--timeout",
      defaultValue = "60s",
      description = "How long to wait: 30s, 2m, 500ms (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Override
  public Integer call() throws Exception {
    Duration limit = Readiness.parse(timeout, "--timeout");
    long started = System.nanoTime();
    String issuer = null;
    if (bootstrap != null) {
      Readiness.awaitFile(bootstrap, limit, spec.commandLine().getErr());
      issuer = Credentials.readBootstrap(bootstrap).bootstrapIssuer();
    }
    Duration left = limit.minusNanos(System.nanoTime() - started);
    String base = target.localBase(issuer);
    Readiness.awaitReady(base, left.isNegative() ? Duration.ZERO : left, limit);
    spec.commandLine().getOut().println("ready: " + base);
    return ExitCode.OK.code;
  }
}
