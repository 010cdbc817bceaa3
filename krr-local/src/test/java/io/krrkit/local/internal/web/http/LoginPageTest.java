package io.krrkit.local.internal.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The log-in page standing in for ID-porten, the header it leads to, and the language switch. */
class LoginPageTest {
  @RegisterExtension static final Browser browser = new Browser();

  static final String PERSON = KnownPersons.ACTIVE.value();
  static final String ORG = KrrLocal.DEFAULT_ORG.value();

  @Test
  void sendsVisitorsToTheLogInPageAndLogsInAsTheChosenPerson() {
    browser.open("/integrasjoner");
    browser.waitForPath("/logg-inn");
    browser.checkAccessibility("log-in page");

    browser.logIn(PERSON, ORG);

    assertThat(browser.text("signed-in-as")).isEqualTo("Logget inn som 0181****148");
    assertThat(browser.driver().findElement(By.id("switch-org")).getAttribute("value"))
        .isEqualTo(ORG);
    browser.checkAccessibility("integrations list, empty");
  }

  @Test
  void showsAMessageNextToEachMissingChoice() {
    browser.open("/logg-inn?q=0");
    browser.submit("sign-in");

    assertThat(browser.text("person-error")).isEqualTo("Velg en testperson fra lista");
    assertThat(browser.text("org-error")).isEqualTo("Velg en virksomhet fra lista");
    assertThat(browser.driver().findElement(By.id("org")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.text("error-summary")).contains("Velg en testperson fra lista");
    browser.checkAccessibility("log-in page with errors");
  }

  @Test
  void addsAnOrganisationToActForAndSwitchesBetweenOrganisations() {
    browser.open("/logg-inn");
    browser.fill("org_number", "123456789");
    browser.submit("add-org");
    assertThat(browser.text("org_name-error")).isEqualTo("Skriv inn navnet på virksomheten");
    assertThat(browser.text("org_number-error"))
        .isEqualTo("Organisasjonsnummeret må være 9 siffer med riktig kontrollsiffer");
    browser.checkAccessibility("add organisation with errors");

    String org = browser.addOrganisation("Ny Virksomhet <AS>");
    assertThat(browser.text("flash")).isEqualTo("Virksomheten er lagt til. Velg den og logg inn.");
    assertThat(browser.driver().findElement(By.id("org")).getAttribute("value")).isEqualTo(org);
    browser.logIn(PERSON, org);
    assertThat(browser.driver().getPageSource()).contains("Ny Virksomhet &lt;AS&gt; (" + org + ")");

    new Select(browser.driver().findElement(By.id("switch-org"))).selectByValue(ORG);
    browser.submit("switch-org-button");
    assertThat(browser.text("flash")).isEqualTo("Du representerer nå en annen virksomhet.");
    assertThat(browser.driver().findElement(By.id("switch-org")).getAttribute("value"))
        .isEqualTo(ORG);
  }

  @Test
  void namesEveryOrganisationItOffers() {
    TestClient unnamed = browser.fx().client().org(OrgNumber.of(browser.newOrgNumber())).register();
    browser.open("/logg-inn");

    List<String> labels =
        new Select(browser.driver().findElement(By.id("org")))
            .getOptions().stream()
                .filter(o -> !o.getAttribute("value").isEmpty())
                .map(WebElement::getText)
                .toList();

    assertThat(labels)
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).matches("\\S.* \\(\\d{9}\\)"))
        .contains("Digitaliseringsdirektoratet (991825827)")
        .anyMatch(l -> l.endsWith(" AS (" + unnamed.org().value() + ")"));
    browser.logIn(PERSON, ORG);
    assertThat(
            new Select(browser.driver().findElement(By.id("switch-org")))
                .getFirstSelectedOption()
                .getText())
        .matches("\\S.* \\(" + ORG + "\\)");
  }

  @Test
  void logsOut() {
    browser.logIn(PERSON, ORG);
    browser.submit("sign-out");

    assertThat(browser.text("flash")).isEqualTo("Du er logget ut.");
    browser.open("/integrasjoner");
    browser.waitForPath("/logg-inn");
  }

  @Test
  void switchesBetweenBokmalAndEnglish() {
    browser.open("/logg-inn");
    assertThat(browser.driver().findElement(By.tagName("h1")).getText())
        .isEqualTo("Logg inn på Min side");

    browser.submit("language-switch");

    assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))
        .isEqualTo("en");
    assertThat(browser.driver().findElement(By.tagName("h1")).getText())
        .isEqualTo("Log in to My page");
    browser.checkAccessibility("log-in page in English");
    browser.open("/logg-inn");
    assertThat(browser.driver().findElement(By.tagName("h1")).getText())
        .as("the choice stays in the session")
        .isEqualTo("Log in to My page");
    browser.submit("sign-in");
    assertThat(browser.text("person-error")).isEqualTo("Choose a test person from the list");
  }
}
