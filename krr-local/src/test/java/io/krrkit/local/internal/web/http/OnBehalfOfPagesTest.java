package io.krrkit.local.internal.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The on-behalf-of page of a supplier's integration in a real browser. */
class OnBehalfOfPagesTest {
  @RegisterExtension static final Browser browser = new Browser();

  static final String PERSON = KnownPersons.ACTIVE.value();
  static final String ORG = KrrLocal.DEFAULT_ORG.value();

  @Test
  void addsACustomerRefusesItsIdTwiceAndRemovesIt() {
    TestClient supplier = browser.fx().client().register();
    browser.logIn(PERSON, ORG);
    browser.open("/integrasjoner/" + supplier.clientId());
    browser.submit("onbehalfof-link");
    browser.waitForPath("/paa-vegne-av");
    browser.checkAccessibility("on-behalf-of page, empty");
    String customer = browser.newOrgNumber();

    fillCustomer("kunde_1", customer, "Kunde <b>AS</b>");
    browser.submit("add-obo");

    assertThat(browser.text("flash")).isEqualTo("Kunden er lagt til.");
    assertThat(row("kunde_1").getText()).contains(customer).contains("Kunde <b>AS</b>");
    browser.checkAccessibility("on-behalf-of page, one customer");

    fillCustomer("kunde_1", customer, "Kunde igjen");
    browser.submit("add-obo");
    assertThat(browser.text("onbehalfof-error"))
        .startsWith("Integrasjonen har allerede en kunde med denne ID-en.");

    fillCustomer("ugyldig id!", "123", "");
    browser.submit("add-obo");
    assertThat(browser.text("onbehalfof-error")).startsWith("Skriv inn en ID på 1–64");
    assertThat(browser.text("orgno-error")).startsWith("Organisasjonsnummeret må være 9 siffer");
    assertThat(browser.text("name-error")).startsWith("Skriv inn kundens navn");
    browser.checkAccessibility("on-behalf-of page, refused");

    row("kunde_1").findElement(By.cssSelector("button[type=submit]")).click();
    browser.wait(d -> d.findElements(By.id("no-obo")).size() == 1);
    assertThat(browser.text("flash")).isEqualTo("Kunden er fjernet.");
  }

  @Test
  void theIntegrationPageLinksOnceAndTheHeadingIsNorwegian() {
    browser.logIn(PERSON, ORG);
    browser.open("/integrasjoner/ny?integration_type=krr");
    browser.fill("client_name", "Varsling før vedtak");
    browser.submit("save");

    assertThat(browser.driver().findElements(By.xpath("//dt[normalize-space()='På vegne av']")))
        .hasSize(1);
    assertThat(browser.driver().findElements(By.id("onbehalfof-link"))).hasSize(1);
    browser.submit("onbehalfof-link");
    assertThat(browser.driver().findElement(By.tagName("h1")).getText())
        .isEqualTo("Kunder som «Varsling før vedtak» opptrer på vegne av");
    browser.checkAccessibility("on-behalf-of page of a named integration");
  }

  @Test
  void anotherOrganisationsIntegrationIsNotFound() {
    TestClient theirs = browser.fx().client().org(OrgNumber.of(browser.newOrgNumber())).register();
    browser.logIn(PERSON, ORG);

    browser.open("/integrasjoner/" + theirs.clientId() + "/paa-vegne-av");

    assertThat(browser.text("error-heading")).isEqualTo("Fant ikke siden");
  }

  private static void fillCustomer(String id, String orgno, String name) {
    browser.fill("onbehalfof", id);
    browser.fill("orgno", orgno);
    browser.fill("name", name);
  }

  private static WebElement row(String onbehalfof) {
    return browser.driver().findElement(By.cssSelector("tr[data-onbehalfof='" + onbehalfof + "']"));
  }
}
