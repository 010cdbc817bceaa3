package io.krrkit.spring.boot.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds {@link KrrLocalTest} on a test class. Registered in {@code META-INF/spring.factories}, so
 * it runs for every Spring test: it touches krr-junit only when the annotation is there.
 */
final class KrrLocalContextCustomizerFactory implements ContextCustomizerFactory {
  private static final String KRR_LOCAL = "io.krrkit.local.KrrLocal";

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    KrrLocalTest test =
        TestContextAnnotationUtils.findMergedAnnotation(testClass, KrrLocalTest.class);
    if (test == null) {
      return null;
    }
    if (!ClassUtils.isPresent(KRR_LOCAL, testClass.getClassLoader())) {
      throw new IllegalStateException(
          "@KrrLocalTest on "
              + testClass.getName()
              + " needs krr-local: add the test dependency io.krrkit:krr-junit");
    }
    return new KrrLocalContextCustomizer(test.selfService());
  }
}
