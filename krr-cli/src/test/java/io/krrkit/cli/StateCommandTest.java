package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.Scope;
import io.krrkit.local.ClientSpec;
import io.krrkit.local.KrrLocal;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code krr admin reset|export|import} against a running emulator over HTTP. */
class StateCommandTest {
  private static KrrLocal krr;

  @BeforeAll
  static void start() {
    krr = KrrLocal.builder().port(0).ephemeral().seedPersons(0).adminApi(true).build().start();
  }

  @AfterAll
  static void stop() {
    krr.close();
  }

  @Test
  void resetEmptiesTheEmulator() {
    krr.controls()
        .putClient(
            ClientSpec.jwtBearer(
                "reset-me",
                KrrLocal.DEFAULT_ORG,
                "krr",
                Set.of(Scope.KRR_KONTAKTINFORMASJON_READ)));

    CliRun reset = CliRun.of("admin", "reset", "--url", krr.baseUrl());

    assertThat(reset.exitCode()).as(reset.err()).isZero();
    assertThat(krr.controls().hasClient("reset-me")).isFalse();
    assertThat(krr.controls().hasClient(krr.bootstrap().clientId())).isTrue();
  }
}
