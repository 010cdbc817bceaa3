package io.krrkit.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.local.FaultEndpoint;
import io.krrkit.local.Faults;
import io.krrkit.selfservice.Emulator.Running;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The self-service client's retries ({@link RetryRule}) through faults the emulator injects on its
 * self-service API, counted in its request journal: 503 and 429 are tried again after their {@code
 * Retry-After} for every method, a dropped connection only for a call that may be repeated, a 500
 * never; the last failure ends the tries without the token or the key in its message. On an
 * emulator of its own, as its rules would fail every other test's calls.
 */
class SelfServiceRetryFaultTest {
  private static Running emulator;
  private static SelfServiceClient client;

  @BeforeAll
  static void start() {
    emulator = Emulator.start();
    client =
        SelfServiceClient.builder()
            .environment(SelfServiceEnvironment.custom(emulator.krr().selfServiceUrl()))
            .maskinporten(emulator.maskinporten())
            .retryBackoff(Duration.ofMillis(10), Duration.ofSeconds(2))
            .build();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void warmUp() {
    client.listClients(); // the token is cached: the journal below holds self-service calls only
    emulator.krr().controls().journal().clear();
  }

  @AfterEach
  void clearFaults() {
    faults().clear();
  }

  @Test
  void a503WithRetryAfterIsTriedAgainToTheAnswer() {
    String rule =
        faults().on(FaultEndpoint.SELFSERVICE).sequence(503, 503).retryAfter(Duration.ZERO).add();

    List<RegisteredClient> clients = client.listClients();

    assertThat(clients).isNotNull();
    assertThat(calls("GET", 503)).isEqualTo(2);
    assertThat(calls("GET", 200)).isEqualTo(1);
    assertThat(faults().applied(rule)).isEqualTo(2);
  }

  @Test
  void a429IsTriedAgainAfterItsRetryAfterEvenForACreate() {
    faults()
        .on(FaultEndpoint.SELFSERVICE)
        .status(429)
        .retryAfter(Duration.ofSeconds(1))
        .times(1)
        .add();

    long started = System.nanoTime();
    RegisteredClient created = client.createClient(ClientRequest.krr("Etter 429").build());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(created.clientId()).isNotBlank();
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(calls("POST", 429)).isEqualTo(1);
    assertThat(calls("POST", 201) + calls("POST", 200)).isEqualTo(1);
  }

  @Test
  void aDroppedConnectionIsTriedAgainForADelete() {
    String id = client.createClient(ClientRequest.krr("Slettes").build()).clientId();
    emulator.krr().controls().journal().clear();
    String rule = faults().on(FaultEndpoint.SELFSERVICE).resetConnection().times(1).add();

    client.deleteClient(id);

    assertThat(faults().applied(rule)).isEqualTo(1);
    assertThat(calls("DELETE", 0)).as("the dropped one").isEqualTo(1);
    assertThat(calls("DELETE", 200) + calls("DELETE", 204)).isEqualTo(1);
    assertThat(client.listClients()).extracting(RegisteredClient::clientId).doesNotContain(id);
  }

  @Test
  void aDroppedConnectionIsNotTriedAgainForACreate() {
    faults().on(FaultEndpoint.SELFSERVICE).resetConnection().times(1).add();

    SelfServiceTransportException e =
        catchThrowableOfType(
            SelfServiceTransportException.class,
            () -> client.createClient(ClientRequest.krr("Kanskje").build()));

    assertThat(e.getMessage()).startsWith("POST /clients could not be sent");
    assertThat(calls("POST", 0)).isEqualTo(1);
    assertThat(
            emulator
                .krr()
                .controls()
                .journal()
                .count(r -> r.service().equals("selvbetjening") && r.method().equals("POST")))
        .as("not sent again: the API may have registered it")
        .isEqualTo(1);
  }

  @Test
  void a500IsNeverTriedAgain() {
    faults().on(FaultEndpoint.SELFSERVICE).status(500).times(1).add();

    SelfServiceErrorException e =
        catchThrowableOfType(SelfServiceErrorException.class, client::listClients);

    assertThat(e.status()).isEqualTo(500);
    assertThat(calls("GET", 500)).isEqualTo(1);
    assertThat(calls("GET", 200)).isZero();
  }

  @Test
  void aRetryAfterLongerThanTheLongestBackoffEndsTheTriesAtOnce() {
    faults().on(FaultEndpoint.SELFSERVICE).status(503).retryAfter(Duration.ofSeconds(30)).add();

    SelfServiceErrorException e =
        catchThrowableOfType(SelfServiceErrorException.class, client::listClients);

    assertThat(e.status()).isEqualTo(503);
    assertThat(calls("GET", 503)).isEqualTo(1);
  }

  @Test
  void exhaustedTriesEndInTheLastErrorWithoutTheTokenOrTheKey() throws ParseException {
    faults().on(FaultEndpoint.SELFSERVICE).status(503).retryAfter(Duration.ZERO).add();

    SelfServiceErrorException busy =
        catchThrowableOfType(SelfServiceErrorException.class, client::listClients);

    assertThat(busy.status()).isEqualTo(503);
    assertThat(calls("GET", 503)).isEqualTo(3);
    assertNoSecret(busy);

    faults().clear();
    faults().on(FaultEndpoint.SELFSERVICE).resetConnection().add();
    String id = "does-not-matter";
    SelfServiceTransportException down =
        catchThrowableOfType(SelfServiceTransportException.class, () -> client.deleteClient(id));

    assertThat(down.getMessage()).contains("DELETE /clients/" + id);
    assertThat(calls("DELETE", 0)).isEqualTo(3);
    assertNoSecret(down);
  }

  private static void assertNoSecret(Exception e) throws ParseException {
    String d = RSAKey.parse(emulator.bootstrap().privateJwk()).getPrivateExponent().toString();
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage()))
          .doesNotContain("eyJ") // no access token (a JWT)
          .doesNotContain(d);
    }
  }

  private static Faults faults() {
    return emulator.krr().controls().faults();
  }

  private static long calls(String method, int status) {
    return emulator
        .krr()
        .controls()
        .journal()
        .count(
            r ->
                r.service().equals("selvbetjening")
                    && r.method().equals(method)
                    && r.status() == status);
  }
}
