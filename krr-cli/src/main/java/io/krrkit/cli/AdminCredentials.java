package io.krrkit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@link Credentials} for the commands that manage clients and scopes: they may also act as the
 * emulator's bootstrap client, from the file {@code krr serve --bootstrap-out} writes. Lookups do
 * not take it, since the bootstrap client holds no KRR scope.
 */
final class AdminCredentials extends Credentials {
  @Option(
      names = "--bootstrap",
      defaultValue = "${env:KRR_BOOTSTRAP}",
      description = "Bootstrap file of krr-local ({issuer, client_id, kid, private_jwk}).")
  Path bootstrap;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      defaultValue = "${env:KRR_WAIT:-60s}",
      description = {
        "How long to wait for the --bootstrap file to appear, as when krr serve was just",
        "started in the background (default: ${DEFAULT-VALUE}; 0: not at all)."
      })
  String wait;

  @Override
  String waitFor() {
    return wait;
  }

  @Override
  Path bootstrapFile() {
    return bootstrap;
  }

  @Override
  String missing() {
    return super.missing()
        + "; on krr-local, --bootstrap FILE (from 'krr serve --bootstrap-out FILE')";
  }
}
