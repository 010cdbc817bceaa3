package io.krrkit.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the starter's beans at a krr-local started for the test's Spring context: the emulator
 * runs in-process on a free port with in-memory storage, a KRR client is registered in it with a
 * key, and the {@code krr.*} properties are set to its URLs, client id and key file, so {@code
 * KrrClient}, {@code MaskinportenClient} and {@code SelfServiceClient} work as in production, over
 * HTTP. The emulator is a bean ({@code KrrLocal}); it closes with the context, and Spring's context
 * cache shares it between test classes with the same configuration.
 *
 * <pre>{@code
 * @SpringBootTest
 * @KrrLocalTest
 * class ContactLookupTest {
 *   @Autowired KrrClient krr;
 *
 *   @Test
 *   void looksUpAPerson() {
 *     assertThat(krr.lookup(List.of("20914695016")).found()).hasSize(1);
 *   }
 * }
 * }</pre>
 *
 * Needs {@code io.krrkit:krr-junit} on the test class path.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface KrrLocalTest {

  /** Whether to make the {@code SelfServiceClient} bean too ({@code krr.selfservice.enabled}). */
  boolean selfService() default false;
}
