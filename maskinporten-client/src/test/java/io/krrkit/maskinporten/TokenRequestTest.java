package io.krrkit.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenRequestTest {

  @Test
  void equalRequestsIgnoreScopeAndResourceOrder() {
    TokenRequest a =
        TokenRequest.builder()
            .scope(Scope.KRR_KONTAKTINFORMASJON_READ)
            .scope(Scope.KRR_DIGITALPOST_READ)
            .resource("https://a")
            .resource("https://b")
            .build();
    TokenRequest b =
        TokenRequest.builder()
            .scopes(List.of(Scope.KRR_DIGITALPOST_READ, Scope.KRR_KONTAKTINFORMASJON_READ))
            .resource("https://b")
            .resource("https://a")
            .build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }

  @Test
  void keepsScopeOrderForTheGrant() {
    TokenRequest r = TokenRequest.of(Scope.KRR_DIGITALPOST_READ, Scope.KRR_KONTAKTINFORMASJON_READ);

    assertThat(Scope.join(r.scopes()))
        .isEqualTo("krr:global/digitalpost.read krr:global/kontaktinformasjon.read");
  }

  @Test
  void everyClaimThatChangesTheTokenMakesAnotherRequest() {
    TokenRequest plain = TokenRequest.of(Scope.KRR_KONTAKTINFORMASJON_READ);

    assertThat(
            List.of(
                TokenRequest.of(Scope.KRR_DIGITALPOST_READ),
                with().resource("https://a").build(),
                with().consumerOrg(OrgNumber.of("310000027")).build(),
                with().issOnBehalfOf("kommune-x").build(),
                with().pid(Personidentifikator.of("20914695016")).build()))
        .doesNotContain(plain)
        .doesNotHaveDuplicates();
  }

  @Test
  void requiresAScope() {
    assertThatThrownBy(() -> TokenRequest.builder().build())
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("at least one scope");
  }

  @Test
  void refusesConsumerOrgWithIssOnBehalfOf() {
    TokenRequest.Builder both =
        with().consumerOrg(OrgNumber.of("310000027")).issOnBehalfOf("kommune-x");

    assertThatThrownBy(both::build)
        .isInstanceOf(MaskinportenConfigException.class)
        .hasMessageContaining("mutually exclusive");
  }

  @Test
  void refusesBlankResourceAndOnBehalfOf() {
    assertThatThrownBy(() -> with().resource(" ").build())
        .hasMessageContaining("resource values must not be blank");
    assertThatThrownBy(() -> with().issOnBehalfOf("").build())
        .hasMessageContaining("iss_onbehalfof must not be blank");
  }

  @Test
  void masksThePidWhenPrinted() {
    TokenRequest r = with().pid(Personidentifikator.of("20914695016")).build();

    assertThat(r.toString()).contains("2091****016").doesNotContain("20914695016");
  }

  private static TokenRequest.Builder with() {
    return TokenRequest.builder().scope(Scope.KRR_KONTAKTINFORMASJON_READ);
  }
}
