package io.krrkit.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a {@link KrrPropertyException} at start-up: the property, the problem and the fix. */
final class KrrPropertyFailureAnalyzer extends AbstractFailureAnalyzer<KrrPropertyException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, KrrPropertyException cause) {
    return new FailureAnalysis(
        "krr-spring-boot-starter could not make its beans. " + cause.getMessage(),
        cause.action()
            + "\n\nThe starter's properties are listed in docs/spring-boot.md; in tests,"
            + " @KrrLocalTest sets them for krr-local. Set krr.enabled=false to turn the starter"
            + " off.",
        cause);
  }
}
