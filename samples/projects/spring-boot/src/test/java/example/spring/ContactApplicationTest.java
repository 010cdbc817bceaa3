package example.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.spring.boot.test.KrrLocalTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The whole service, started by Spring Boot, against a krr-local that @KrrLocalTest starts. */
// snippet:test
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@KrrLocalTest // krr-local in-process, a KRR client registered in it, krr.* pointed at both
class ContactApplicationTest {
  @Autowired ContactService contacts;

  @Test
  void looksUpAPersonInKrrLocal() {
    var contact = contacts.contact("01817090148"); // synthetic, with fresh contact information

    assertThat(contact.canBeNotified()).isTrue();
    assertThat(contact.epostadresse()).contains("@");
  }
  // /snippet:test

  @Autowired MeterRegistry meters;

  @Value("${local.server.port}")
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void answersOverHttp() throws Exception {
    HttpResponse<String> response = post("{\"personidentifikator\":\"01817090148\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"canBeNotified\":true", "\"epostadresse\":\"");
  }

  @Test
  void refusesAMalformedNumberWithoutEchoingIt() throws Exception {
    HttpResponse<String> response = post("{\"personidentifikator\":\"01817090149\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("control-digit").doesNotContain("01817090149");
  }

  @Test
  void healthShowsTheKrrIndicatorUp() throws Exception {
    HttpResponse<String> response = get("/actuator/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body().replace(" ", "")).contains("\"krr\":{\"status\":\"UP\"}");
  }

  @Test
  void countsTokenRequestsInMicrometer() {
    contacts.contact("20914695016");

    assertThat(meters.get("maskinporten.tokens.fetched").counter().count()).isPositive();
  }

  private HttpResponse<String> post(String json) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(url("/contacts"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
