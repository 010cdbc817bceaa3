package io.krrkit.spring.boot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@link KrrHealth} on Spring Boot 4's health API. */
final class Boot4HealthIndicator implements HealthIndicator {
  private final KrrHealth health;

  Boot4HealthIndicator(KrrHealth health) {
    this.health = health;
  }

  @Override
  public Health health() {
    KrrHealth.Result result = health.check();
    return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
  }
}
