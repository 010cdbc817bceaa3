package io.krrkit.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link LogLeaks} spots each kind of value that must never be logged, and lets the rest pass. */
class LogLeaksTest {
  @Test
  void spotsEachKindOfSecret() {
    assertThat(LogLeaks.problem("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.sig"))
        .hasValue("a JWT");
    assertThat(LogLeaks.problem("{\"kty\":\"RSA\",\"d\": \"abc\"}"))
        .hasValue("a private JWK member");
    assertThat(LogLeaks.problem("{\"dp\":\"abc\"}")).hasValue("a private JWK member");
    assertThat(LogLeaks.problem("person 01817090148 not found"))
        .hasValue("an unmasked identity number");
    assertThat(LogLeaks.problem("value kari@example.com is bad")).hasValue("an e-mail address");
    assertThat(LogLeaks.problem("Cookie: krr_web=abc")).hasValue("a cookie");
    assertThat(LogLeaks.problem("form csrf=Zm9vYmFyYmF6cXV4cXV1eA")).hasValue("a CSRF token");
  }

  @Test
  void letsOrdinaryLinesPass() {
    assertThat(LogLeaks.problem("person 0181****148 not found")).isEmpty();
    assertThat(LogLeaks.problem("org 310000027, change 12345678901")).isEmpty(); // not a valid pid
    assertThat(LogLeaks.problem("self-service POST /clients refused with 400")).isEmpty();
    assertThat(LogLeaks.problem("generated signing key 3f1a (RSA 2048)")).isEmpty();
    // a random trace id whose digits happen to hold a valid identity number (14455020108)
    assertThat(LogLeaks.problem("failed (trace_id: ef0d507178b84cf37a14455020108c84)")).isEmpty();
    assertThat(LogLeaks.problem("trace_id: ef0d507178b84cf37a1445 person 14455020108")).isPresent();
  }
}
