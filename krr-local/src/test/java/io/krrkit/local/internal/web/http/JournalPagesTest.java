package io.krrkit.local.internal.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "Forespørsler" page over plain HTTP: the journal's entries of the organisation's own
 * integrations only, the operator API's filters, the empty states, bad filters, masking, and the
 * log-in it needs.
 */
class JournalPagesTest {
  private static final String PID = KnownPersons.WITH_DIGITAL_POST.value();
  private static final Pattern ROW = Pattern.compile("<tr data-sequence=\"(\\d+)\">");

  private static LocalFixture fx;
  private static WebVisitor web;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start(KrrLocal.builder().port(0).ephemeral().seedPersons(0));
    web = WebVisitor.logIn(fx);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void clearTheJournal() {
    fx.krrLocal().controls().journal().clear();
  }

  @Test
  void showsTheOrganisationsRequestsNewestFirstAndNoOtherOrganisations() {
    TestClient ours = fx.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    TestClient theirs =
        fx.client()
            .org(OrgNumber.of("991825827"))
            .scopes(Scope.KRR_KONTAKTINFORMASJON_READ)
            .register();
    lookup(fx.accessToken(ours), PID);
    fx.accessToken(theirs);

    Answer page = web.get("/foresporsler");

    assertThat(page.status()).isEqualTo(200);
    assertThat(rows(page)).hasSize(2).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(page.body())
        .contains(">POST /kontaktregisteret/rest/v2/personer</code>")
        .contains(">POST /maskinporten/token</code>")
        .contains("identities=1")
        .contains("href=\"/integrasjoner/" + ours.clientId() + "\"")
        .contains("Viser 2 av 2 forespørsler")
        .doesNotContain(theirs.clientId());
    assertThat(fx.krrLocal().controls().journal().entries()).hasSize(3);
  }

  @Test
  void filtersAsTheOperatorApiDoes() {
    TestClient first = fx.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    TestClient second = fx.registerClient(Scope.KRR_KONTAKTINFORMASJON_READ);
    String token = fx.accessToken(first);
    fx.accessToken(second);
    lookup(token, PID);
    Answer refused =
        fx.token(
            fx.sign(
                fx.header(second),
                fx.claims(second).audience("https://wrong"),
                second.privateKey()));
    assertThat(refused.status()).isEqualTo(400);

    assertThat(rows(web.get("/foresporsler"))).hasSize(4);
    assertThat(rows(web.get("/foresporsler?service=kontaktregisteret"))).hasSize(1);
    assertThat(rows(web.get("/foresporsler?service=maskinporten"))).hasSize(3);
    assertThat(rows(web.get("/foresporsler?client=" + second.clientId()))).hasSize(2);
    assertThat(rows(web.get("/foresporsler?status=4xx"))).hasSize(1);
    assertThat(rows(web.get("/foresporsler?status=400&client=" + second.clientId()))).hasSize(1);
    assertThat(rows(web.get("/foresporsler?path=/kontaktregisteret/"))).hasSize(1);
    List<Long> all = rows(web.get("/foresporsler"));
    Instant now = fx.krrLocal().clock().instant();
    assertThat(rows(web.get("/foresporsler?since=" + now.minusSeconds(60)))).isEqualTo(all);
    Answer future = web.get("/foresporsler?since=" + now.plusSeconds(60));
    assertThat(rows(future)).isEmpty();
    assertThat(future.body())
        .as("the form keeps a since filter from the URL")
        .contains("<input type=\"hidden\" name=\"since\" value=\"" + now.plusSeconds(60) + "\">");
    Answer lastTwo = web.get("/foresporsler?limit=2&service=");
    assertThat(rows(lastTwo)).containsExactly(all.get(0), all.get(1));
    assertThat(lastTwo.body()).contains("Viser 2 av 4 forespørsler");
    Answer filtered = web.get("/foresporsler?service=maskinporten&status=4xx");
    assertThat(filtered.body())
        .contains("<option value=\"maskinporten\" selected>")
        .contains("id=\"status\" name=\"status\" value=\"4xx\"")
        .as("a status filter is no one-off message, and the language switch keeps it")
        .doesNotContain("id=\"flash\"")
        .contains("href=\"?service=maskinporten&amp;status=4xx&amp;lang=en\"");
  }

  @Test
  void saysSoWhenThereIsNothingToShow() {
    Answer empty = web.get("/foresporsler");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(rows(empty)).isEmpty();
    assertThat(empty.body())
        .contains("Virksomhetens integrasjoner har ikke sendt noen forespørsler ennå.")
        .doesNotContain("id=\"requests\"");

    fx.accessToken(Scope.KRR_KONTAKTINFORMASJON_READ);
    Answer none = web.get("/foresporsler?status=5xx");
    assertThat(rows(none)).isEmpty();
    assertThat(none.body()).contains("Ingen forespørsler passer til filtrene.");
  }

  @Test
  void refusesBadFiltersOnTheirFieldsInTheVisitorsLanguage() {
    Answer bad = web.get("/foresporsler?service=nope&status=abc&path=no-slash&limit=0");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body())
        .contains("id=\"error-summary\"")
        .contains("id=\"service-error\"")
        .contains("Skriv en HTTP-status som 401 eller en klasse som 4xx")
        .contains("Stien må begynne med /")
        .contains("Skriv et helt tall fra 1 til 1000")
        .doesNotContain("id=\"requests\"");
    TestClient elsewhere =
        fx.client()
            .org(OrgNumber.of("991825827"))
            .scopes(Scope.KRR_KONTAKTINFORMASJON_READ)
            .register();
    Answer notOurs = web.get("/foresporsler?client=" + elsewhere.clientId() + "&lang=en");
    assertThat(notOurs.status()).isEqualTo(400);
    assertThat(notOurs.body()).contains("Choose one of your organisation's integrations");
    assertThat(web.get("/foresporsler?since=yesterday&lang=nb").body())
        .contains("må være et ISO-8601-tidspunkt");
  }

  @Test
  void showsNoIdentityNumberEmailOrTokenButTheJournalsMasks() {
    TestClient ours = fx.registerClient(Scope.DCR_READ);
    String token = fx.accessToken(ours);
    String email = "ola.nordmann@example.com";
    for (String id : List.of(PID, email)) {
      fx.send(
          HttpRequest.newBuilder(
                  URI.create(fx.krrLocal().baseUrl() + "/selvbetjening/api/v1/clients/" + id))
              .header("Authorization", "Bearer " + token)
              .GET());
    }

    Answer page = web.get("/foresporsler?service=selvbetjening");

    assertThat(rows(page)).hasSize(2);
    assertThat(page.body())
        .contains("/selvbetjening/api/v1/clients/***********")
        .contains("/selvbetjening/api/v1/clients/&lt;e-mail&gt;")
        .doesNotContain(PID)
        .doesNotContain(email)
        .doesNotContain(token)
        .doesNotContain("eyJ");
  }

  @Test
  void sendsVisitorsWhoAreNotLoggedInToTheLogInPage() {
    Answer anonymous = fx.get(fx.krrLocal().baseUrl() + "/foresporsler");

    assertThat(anonymous.status()).isEqualTo(303);
    assertThat(anonymous.response().headers().firstValue("Location")).hasValue("/logg-inn");
  }

  private static void lookup(String accessToken, String pid) {
    Answer answer =
        fx.send(
            HttpRequest.newBuilder(
                    URI.create(fx.krrLocal().baseUrl() + "/kontaktregisteret/rest/v2/personer"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"personidentifikatorer\":[\"" + pid + "\"]}")));
    assertThat(answer.status()).isEqualTo(200);
  }

  /** The sequence numbers of the rows the page shows, in its order. */
  private static List<Long> rows(Answer page) {
    Matcher row = ROW.matcher(page.body());
    List<Long> sequences = new ArrayList<>();
    while (row.find()) {
      sequences.add(Long.parseLong(row.group(1)));
    }
    return sequences;
  }
}
