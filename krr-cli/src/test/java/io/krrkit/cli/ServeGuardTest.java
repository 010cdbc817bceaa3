package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code krr serve} never opens the operator API by accident, and documents how to open it. */
class ServeGuardTest {
  @Test
  void refusesTheOperatorApiOnAllInterfacesWithoutAToken() {
    CliRun run = CliRun.of("serve", "--ephemeral", "--port", "0", "--host", "0.0.0.0", "--admin");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(run.err()).contains("--operator-token").contains("KRR_LOCAL_OPERATOR_TOKEN");
  }

  @Test
  void refusesAShortOperatorToken() {
    CliRun run = CliRun.of("serve", "--ephemeral", "--port", "0", "--operator-token", "short");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(run.err()).contains("at least 16 characters");
  }

  @Test
  void helpNamesTheTokenAndTheAllowedHosts() {
    CliRun run = CliRun.of("serve", "--help");

    assertThat(run.out())
        .contains("--operator-token")
        .contains("KRR_LOCAL_OPERATOR_TOKEN")
        .contains("--allowed-host")
        .contains("KRR_LOCAL_ALLOWED_HOSTS");
  }
}
