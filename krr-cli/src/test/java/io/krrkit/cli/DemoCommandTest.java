package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
  @Test
  void walksTheWholeFlowAndExitsZero() {
    CliRun run = CliRun.of("demo", "--seed-persons", "100");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("integration id (client_id, the grant's iss): ")
        .contains("krr:global/kontaktinformasjon.read krr:global/digitalpost.read")
        .contains("consumer 0192:310000027")
        .contains(KnownPersons.ACTIVE.value() + "  AKTIV")
        .contains(KnownPersons.RESERVED.value() + "  reserved against digital communication")
        .contains(KnownPersons.STALE.value() + "  contact data older than 18 months")
        .contains(KnownPersons.SLETTET.value() + "  deleted from the register")
        .contains(KnownPersons.NOT_REGISTERED.value() + "  not in the register")
        .contains("MP-200")
        .contains("Exit code 0");
  }

  @Test
  void neverPrintsTheAccessTokenWhole() {
    CliRun run = CliRun.of("demo", "--seed-persons", "0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("token eyJ.{0,4}…\\(\\d+ chars\\)");
    assertThat(run.out()).doesNotContainPattern("eyJ[A-Za-z0-9_-]{20,}\\.");
  }
}
