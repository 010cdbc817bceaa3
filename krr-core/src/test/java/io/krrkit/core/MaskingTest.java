package io.krrkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void keepsTheFirstFourAndLastThreeCharactersOfAnIdentifier() {
    assertThat(Masking.identifier("20914695016")).isEqualTo("2091****016");
    assertThat(Masking.identifier("12345678")).isEqualTo("1234*678");
  }

  @Test
  void masksShortIdentifiersWhole() {
    assertThat(Masking.identifier("1234567")).isEqualTo("*******");
    assertThat(Masking.identifier("")).isEmpty();
    assertThat(Masking.identifier(null)).isEqualTo("null");
  }

  @Test
  void keepsOnlyThePrefixAndLengthOfASecret() {
    String token = "eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    assertThat(Masking.secret(token)).isEqualTo("eyJr…(" + token.length() + " chars)");
    assertThat(Masking.secret("short")).isEqualTo("****");
    assertThat(Masking.secret(null)).isEqualTo("null");
  }
}
