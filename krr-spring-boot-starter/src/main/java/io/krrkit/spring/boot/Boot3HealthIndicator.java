package io.krrkit.spring.boot;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@link KrrHealth} on Spring Boot 3's health API. */
final class Boot3HealthIndicator implements HealthIndicator {
  private final KrrHealth health;

  Boot3HealthIndicator(KrrHealth health) {
    this.health = health;
  }

  @Override
  public Health health() {
    KrrHealth.Result result = health.check();
    return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
  }
}
