package io.krrkit.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Scope lists as the OAuth2 {@code scope} parameter sends them ({@link Scope#parseList}): scopes
 * that join and parse back to the same, or {@link InvalidIdentifierException}.
 */
class ScopeFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void scopeList(byte[] input) {
    String text = new String(input, UTF_8);
    try {
      var scopes = Scope.parseList(text);
      assertThat(Scope.parseList(Scope.join(scopes))).isEqualTo(scopes);
    } catch (InvalidIdentifierException refused) {
      PersonidentifikatorFuzzTest.assertNotQuoted(refused, text);
    }
  }
}
