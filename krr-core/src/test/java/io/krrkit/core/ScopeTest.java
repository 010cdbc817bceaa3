package io.krrkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "krr:global/kontaktinformasjon.read",
        "krr:global/digitalpost.read",
        "krr:global/hentendring.read",
        "krr:user/kontaktinformasjon.read",
        "idporten:dcr.read",
        "idporten:dcr/onbehalfof:write",
        "idporten:scopes.write",
        "nav:trygdeopplysninger.write",
        "openid",
        "profile"
      })
  void acceptsScopesDigdirDocuments(String value) {
    assertThat(Scope.of(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "krr:",
        ":global/kontaktinformasjon.read",
        "KRR:global/kontaktinformasjon.read",
        "krr:global/kontaktinformasjon.read krr:global/digitalpost.read",
        "krr:global/kontakt informasjon.read",
        "krr:global/kontaktinformasjon.read?",
        "krr\n:global"
      })
  void rejectsMisshapenScopes(String value) {
    assertThatThrownBy(() -> Scope.of(value))
        .isInstanceOfSatisfying(
            InvalidIdentifierException.class, e -> assertThat(e.rule()).isEqualTo("format"))
        .hasMessageContaining("prefix:subscope");
  }

  @Test
  void parsesASpaceSeparatedListInOrderWithoutDuplicates() {
    String list =
        "  krr:global/kontaktinformasjon.read \t krr:global/digitalpost.read"
            + " krr:global/kontaktinformasjon.read ";

    assertThat(Scope.parseList(list))
        .containsExactly(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ);
  }

  @Test
  void parsesBlankOrMissingListsAsEmpty() {
    assertThat(Scope.parseList(null)).isEmpty();
    assertThat(Scope.parseList("")).isEmpty();
    assertThat(Scope.parseList("   ")).isEmpty();
  }

  @Test
  void rejectsAListWithOneMisshapenScope() {
    assertThatThrownBy(() -> Scope.parseList("openid Profile"))
        .isInstanceOf(InvalidIdentifierException.class);
  }

  @Test
  void joinsWithSingleSpacesSoParseListReadsItBack() {
    List<Scope> scopes = List.of(Scope.DCR_READ, Scope.DCR_WRITE, Scope.DCR_MODIFY);

    String joined = Scope.join(scopes);

    assertThat(joined).isEqualTo("idporten:dcr.read idporten:dcr.write idporten:dcr.modify");
    assertThat(Scope.parseList(joined)).containsExactlyElementsOf(scopes);
    assertThat(Scope.join(List.of())).isEmpty();
  }
}
