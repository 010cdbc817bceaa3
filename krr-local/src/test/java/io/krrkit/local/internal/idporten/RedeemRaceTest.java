package io.krrkit.local.internal.idporten;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.Race;
import io.krrkit.local.internal.idporten.LoginFlow.Client;
import io.krrkit.local.internal.store.StoreEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One code, and one ONETIME refresh token, each sent by 32 threads at once on each engine: exactly
 * one redemption succeeds, the other 31 are {@code invalid_grant} (never a 5xx).
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class RedeemRaceTest {
  private static final int RACERS = 32;

  static LocalFixture fx;
  static LoginFlow flow;
  static Client app;
  static String pid;

  @Parameter StoreEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(StoreEngine engine) {
    fx = LocalFixture.start(engine.emulator().seedPersons(5));
    flow = new LoginFlow(fx);
    app = flow.registerWeb("https://app.example/callback", "ONETIME");
    pid = flow.listedPersons(app).get(0);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    fx.close();
  }

  @Test
  void aCodeRacedByThirtyTwoThreadsIsRedeemedOnce() {
    List<String> violations = new ArrayList<>();
    int trials = Race.trials();
    for (int trial = 0; trial < trials; trial++) {
      String verifier = LoginFlow.verifier();
      String code = flow.code(app, pid, verifier);
      check(trial, i -> flow.redeemSigned(app, code, verifier), violations);
    }

    assertThat(violations).as("%d of %d trials on %s", violations.size(), trials, engine).isEmpty();
  }

  @Test
  void aOneTimeRefreshTokenRacedByThirtyTwoThreadsIsUsedOnce() {
    List<String> violations = new ArrayList<>();
    int trials = Race.trials();
    for (int trial = 0; trial < trials; trial++) {
      String verifier = LoginFlow.verifier();
      Answer tokens = flow.redeemSigned(app, flow.code(app, pid, verifier), verifier);
      String refreshToken = tokens.json().get("refresh_token").asText();
      check(trial, i -> flow.refresh(app, refreshToken), violations);
    }

    assertThat(violations).as("%d of %d trials on %s", violations.size(), trials, engine).isEmpty();
  }

  /** Races {@code redeem} and records the trial when other than one racer got tokens. */
  private static void check(int trial, IntFunction<Answer> redeem, List<String> violations) {
    List<Answer> answers = Race.run(RACERS, redeem);
    long granted = answers.stream().filter(a -> a.status() == 200).count();
    long refused =
        answers.stream()
            .filter(a -> a.status() == 400 && a.body().contains("\"invalid_grant\""))
            .count();
    if (granted != 1 || refused != RACERS - 1) {
      violations.add("trial " + trial + ": " + granted + " granted, " + refused + " invalid_grant");
    }
  }
}
