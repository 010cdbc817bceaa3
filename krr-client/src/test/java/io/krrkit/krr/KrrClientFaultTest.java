package io.krrkit.krr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.Status;
import io.krrkit.krr.ScriptedKrr.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Faults the emulator cannot produce, from a scripted stand-in. */
class KrrClientFaultTest {
  private static final Reply UNAVAILABLE = Reply.json(503, "{\"error\":\"unavailable\"}");

  private final ScriptedKrr krr = ScriptedKrr.start();
  private final List<String> ids = SyntheticIds.unknown(3);

  @AfterEach
  void stop() {
    krr.close();
  }

  @Test
  void waitsWhatRetryAfterAsksThenRetries() {
    krr.then(Reply.json(429, "").withHeader("Retry-After", "2")).then(ScriptedKrr::everyoneActive);

    LookupResult result = krr.client().build().lookup(ids);

    assertThat(result.persons()).extracting(p -> p.status()).containsOnly(Status.AKTIV);
    assertThat(krr.waits).containsExactly(Duration.ofSeconds(2));
    assertThat(krr.received()).hasSize(2);
  }

  @Test
  void retries503WithDoublingBackoffThenSucceeds() {
    krr.then(UNAVAILABLE, 2).then(ScriptedKrr::everyoneActive);

    LookupResult result = krr.client().random(RetryPolicyTest.HIGHEST).build().lookup(ids);

    assertThat(result.size()).isEqualTo(3);
    assertThat(krr.waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastStatus() {
    krr.then(UNAVAILABLE, 4);

    assertThatThrownBy(() -> krr.client().build().lookup(ids))
        .isInstanceOfSatisfying(
            KrrHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.error()).contains("unavailable");
            })
        .hasMessageContaining("4 attempts")
        .hasMessageContaining("try again later");
    assertThat(krr.received()).hasSize(4);
  }

  @Test
  void givesUpAtOnceWhenKrrAsksForALongerWaitThanAllowed() {
    krr.then(Reply.json(429, "").withHeader("Retry-After", "3600"));

    assertThatThrownBy(() -> krr.client().build().lookup(ids))
        .isInstanceOfSatisfying(
            KrrHttpException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)))
        .hasMessageContaining("KRR asks to wait 3600 s");
    assertThat(krr.waits).isEmpty();
  }

  @Test
  void doesNotRetryARefusedRequestAndMasksIdentifiersInTheDescription() {
    String description = "personidentifikator " + ids.get(0) + " at position 1 is invalid";
    krr.then(
        Reply.json(
            400,
            "{\"status\":400,\"error\":\"invalid_request\",\"error_description\":\""
                + description
                + "\"}"));

    assertThatThrownBy(() -> krr.client().build().lookup(ids))
        .isInstanceOfSatisfying(
            KrrHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.error()).contains("invalid_request");
              assertThat(e.errorDescription().orElseThrow()).contains("position 1");
            })
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(ids.get(0)));
    assertThat(krr.received()).hasSize(1);
  }

  @Test
  void refusesAnAnswerWithFewerPersonsThanAsked() {
    krr.then(request -> ScriptedKrr.answer(ids.subList(0, 2)));

    assertThatThrownBy(() -> krr.client().apiVersion(ApiVersion.V1).build().lookup(ids))
        .isInstanceOf(KrrResponseException.class)
        .hasMessageContaining("asked for 3 persons, got 2")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(ids));
  }

  @Test
  void refusesA200WithoutAPersonerList() {
    krr.then(Reply.json(200, "{}"));

    assertThatThrownBy(() -> krr.client().build().lookup(ids))
        .isInstanceOf(KrrResponseException.class)
        .hasMessageContaining("without a \"personer\" list");
  }

  @Test
  void refusesA200WhosePersonerIsNotAList() {
    krr.then(Reply.json(200, "{\"personer\": {\"personidentifikator\": \"x\"}}"));

    assertThatThrownBy(() -> krr.client().build().lookup(ids))
        .isInstanceOf(KrrResponseException.class)
        .hasMessageContaining("without a \"personer\" list");
  }

  @Test
  void refusesA200WhosePersonerIsAnObjectHoldingAPersonerList() {
    krr.then(Reply.json(200, "{\"personer\": {\"personer\": []}}"));

    assertThatThrownBy(() -> krr.client().build().lookup(ids))
        .isInstanceOf(KrrResponseException.class)
        .hasMessageContaining("without a \"personer\" list");
  }

  @Test
  void refusesA200WithANullPerson() {
    krr.then(Reply.json(200, "{\"personer\": [null]}"));

    assertThatThrownBy(() -> krr.client().build().lookup(ids))
        .isInstanceOf(KrrResponseException.class)
        .hasMessageContaining("a null in the personer list");
  }

  @Test
  void readsThePersonerListBesideFieldsItDoesNotKnow() {
    krr.then(
        request -> {
          String answer = ScriptedKrr.answer(ids).body();
          return Reply.json(
              200,
              "{\"before\": {\"personer\": 1, \"x\": [[{}]]}, \"n\": 3, "
                  + answer.substring(1, answer.length() - 1)
                  + ", \"after\": [\"personer\"]}");
        });

    LookupResult result = krr.client().apiVersion(ApiVersion.V1).build().lookup(ids);

    assertThat(result.persons())
        .extracting(Person::personidentifikator)
        .containsExactlyElementsOf(ids);
    assertThat(result.persons()).extracting(Person::status).containsOnly(Status.AKTIV);
  }

  @Test
  void refusesA200ThatIsNotJson() {
    krr.then(Reply.json(200, "<html>maintenance</html>"));

    assertThatThrownBy(() -> krr.client().build().lookup(ids))
        .isInstanceOf(KrrResponseException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void reportsAnUnreachableKrrAfterRetrying() {
    KrrClient client = krr.client().build();
    krr.close();

    assertThatThrownBy(() -> client.lookup(ids))
        .isInstanceOf(KrrTransportException.class)
        .hasMessageContaining("Could not reach KRR")
        .hasMessageContaining("in 4 attempts");
    assertThat(krr.waits).hasSize(3);
  }

  @Test
  void asksOnceForANewTokenWhenKrrRefusesOne() {
    AtomicReference<String> current = new AtomicReference<>("expired-token-1");
    AccessTokenSource tokens =
        new AccessTokenSource() {
          @Override
          public String accessToken() {
            return current.get();
          }

          @Override
          public void invalidate(String token) {
            current.compareAndSet(token, "fresh-token-2");
          }
        };
    krr.then(Reply.json(401, "").withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""))
        .then(ScriptedKrr::everyoneActive);

    LookupResult result = krr.client().accessTokenSource(tokens).build().lookup(ids);

    assertThat(result.size()).isEqualTo(3);
    assertThat(krr.received())
        .extracting(ScriptedKrr.Received::authorization)
        .containsExactly("Bearer expired-token-1", "Bearer fresh-token-2");
  }

  @Test
  void reportsAFailingTokenSourceWithoutSendingAnything() {
    KrrClient client =
        krr.client()
            .accessTokenSource(
                () -> {
                  throw new IllegalStateException("Maskinporten said invalid_client");
                })
            .build();

    assertThatThrownBy(() -> client.lookup(ids))
        .isInstanceOf(KrrTokenException.class)
        .hasMessageContaining("Maskinporten said invalid_client")
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(krr.received()).isEmpty();
  }

  @Test
  void anEmptyLookupSendsNothing() {
    LookupResult result = krr.client().build().lookup(List.<String>of());

    assertThat(result.persons()).isEmpty();
    assertThat(krr.received()).isEmpty();
  }

  @Test
  void refusesATokenGivenWithItsBearerPrefix() {
    KrrClient client =
        krr.client().accessTokenSource(AccessTokenSource.fixed("Bearer eyJhbGciOi")).build();

    assertThatThrownBy(() -> client.lookup(ids))
        .isInstanceOf(KrrTokenException.class)
        .hasMessageContaining("without \"Bearer \"")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("eyJhbGciOi"));
    assertThat(krr.received()).isEmpty();
  }

  @Test
  void retriesOnlyTheFailedBatchAndKeepsRequestOrder() {
    List<String> five = SyntheticIds.unknown(5);
    krr.then(ScriptedKrr::everyoneActive)
        .then(UNAVAILABLE)
        .then(ScriptedKrr::everyoneActive)
        .then(ScriptedKrr::everyoneActive);

    LookupResult result = krr.client().batchSize(2).maxParallelBatches(1).build().lookup(five);

    assertThat(result.persons())
        .extracting(p -> p.personidentifikator())
        .containsExactlyElementsOf(five);
    assertThat(krr.received())
        .extracting(r -> r.body().personidentifikatorer().size())
        .containsExactly(2, 2, 2, 1);
  }

  @Test
  void sendsTheV2OptionOnlyToV2() {
    krr.then(ScriptedKrr::everyoneActive).then(ScriptedKrr::everyoneActive);

    krr.client().inkluderIkkeRegistrerte(true).build().lookup(ids);
    krr.client().apiVersion(ApiVersion.V1).inkluderIkkeRegistrerte(true).build().lookup(ids);

    assertThat(krr.received())
        .extracting(ScriptedKrr.Received::path, r -> r.body().inkluderIkkeRegistrerte())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/rest/v2/personer", true),
            org.assertj.core.groups.Tuple.tuple("/rest/v1/personer", null));
  }

  @Test
  void lookupAsyncReportsFailuresThroughTheFuture() {
    AtomicInteger tokenRequests = new AtomicInteger();
    KrrClient client =
        krr.client()
            .accessTokenSource(
                () -> {
                  tokenRequests.incrementAndGet();
                  return "t";
                })
            .build();

    assertThat(client.lookupAsync(List.of("12345678901")))
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(KrrInvalidInputException.class);
    assertThat(tokenRequests).hasValue(0);
    assertThat(krr.received()).isEmpty();
  }
}
