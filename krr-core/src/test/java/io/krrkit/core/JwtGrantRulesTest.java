package io.krrkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JwtGrantRulesTest {

  @Test
  void acceptsOnlyTheThreeRsaAlgorithms() {
    assertThat(JwtGrantRules.isSigningAlgorithm("RS256")).isTrue();
    assertThat(JwtGrantRules.isSigningAlgorithm("RS512")).isTrue();
    assertThat(JwtGrantRules.isSigningAlgorithm("HS256")).isFalse();
    assertThat(JwtGrantRules.isSigningAlgorithm("none")).isFalse();
    assertThat(JwtGrantRules.isSigningAlgorithm("rs256")).isFalse();
    assertThat(JwtGrantRules.isSigningAlgorithm(null)).isFalse();
    assertThat(JwtGrantRules.signingAlgorithmsText()).isEqualTo("RS256, RS384 or RS512");
  }

  @Test
  void allowsLifetimesFromOneSecondToTwoMinutes() {
    assertThat(JwtGrantRules.isAllowedLifetime(Duration.ofSeconds(1))).isTrue();
    assertThat(JwtGrantRules.isAllowedLifetime(Duration.ofSeconds(120))).isTrue();
    assertThat(JwtGrantRules.isAllowedLifetime(Duration.ofSeconds(121))).isFalse();
    assertThat(JwtGrantRules.isAllowedLifetime(Duration.ofMillis(120_001))).isFalse();
    assertThat(JwtGrantRules.isAllowedLifetime(Duration.ZERO)).isFalse();
    assertThat(JwtGrantRules.isAllowedLifetime(Duration.ofSeconds(-5))).isFalse();
  }
}
