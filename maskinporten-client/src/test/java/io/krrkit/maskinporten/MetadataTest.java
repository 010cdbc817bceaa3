package io.krrkit.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.krrkit.core.Scope;
import io.krrkit.maskinporten.StubMaskinporten.Metadata;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Metadata discovery and its faults, against {@link StubMaskinporten}. */
class MetadataTest {
  private static final TokenRequest KONTAKTINFO =
      TokenRequest.of(Scope.KRR_KONTAKTINFORMASJON_READ);

  private final StubMaskinporten stub = new StubMaskinporten();
  private final MutableClock clock = new MutableClock(MaskinportenFixture.T0);
  private final RecordingListener listener = new RecordingListener();
  private final MaskinportenClient client =
      MaskinportenClient.builder()
          .environment(MaskinportenEnvironment.custom(stub.issuer()))
          .clientId("stub-client")
          .signingKey(MaskinportenFixture.rsaKey("client-key"))
          .clock(clock)
          .metadataMaxAge(Duration.ofMinutes(10))
          .listener(listener)
          .build();

  MetadataTest() throws IOException {}

  private MaskinportenClient clientFor(StubMaskinporten server) {
    return MaskinportenClient.builder()
        .environment(MaskinportenEnvironment.custom(server.issuer()))
        .clientId("stub-client")
        .signingKey(MaskinportenFixture.rsaKey("client-key"))
        .clock(clock)
        .build();
  }

  @AfterEach
  void stopStub() {
    stub.close();
  }

  @Test
  void readsTheTokenEndpointFromTheMetadataOnce() {
    client.getToken(KONTAKTINFO);
    clock.advance(Duration.ofMinutes(5));
    client.getToken(Scope.KRR_DIGITALPOST_READ);

    assertThat(stub.metadataRequests()).isEqualTo(1);
    assertThat(stub.tokenRequests()).isEqualTo(2);
  }

  @Test
  void keepsTheLastGoodMetadataWhenARefreshFails() throws Exception {
    client.getToken(KONTAKTINFO);
    stub.answerMetadata(Metadata.SERVER_ERROR);
    clock.advance(Duration.ofMinutes(11));

    AccessToken token = client.getToken(KONTAKTINFO);
    MaskinportenException failure = listener.nextMetadataFailure();

    assertThat(token.value()).isEqualTo("stub-token-2");
    assertThat(failure)
        .isInstanceOf(MaskinportenResponseException.class)
        .hasMessageContaining("answered HTTP 500");
    assertThat(stub.metadataRequests()).isEqualTo(2);
  }

  @Test
  void usesARefreshedDocumentOnceMetadataIsBack() throws Exception {
    client.getToken(KONTAKTINFO);
    stub.answerMetadata(Metadata.SERVER_ERROR);
    clock.advance(Duration.ofMinutes(11));
    client.getToken(KONTAKTINFO);
    listener.nextMetadataFailure();
    stub.answerMetadata(Metadata.GOOD);
    clock.advance(Duration.ofMinutes(2));

    client.getToken(KONTAKTINFO);
    clock.advance(Duration.ofMinutes(2));
    client.getToken(KONTAKTINFO);

    assertThat(stub.metadataRequests()).isEqualTo(3);
    assertThat(listener.count("metadata-failed")).isEqualTo(1);
  }

  @Test
  void failsWhenTheFirstMetadataFetchFailsAndTriesAgainNextTime() {
    stub.answerMetadata(Metadata.SERVER_ERROR);

    MaskinportenResponseException e =
        catchThrowableOfType(
            MaskinportenResponseException.class, () -> client.getToken(KONTAKTINFO));
    stub.answerMetadata(Metadata.GOOD);

    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(e.getMessage()).contains(".well-known/oauth-authorization-server");
    assertThat(client.getToken(KONTAKTINFO).value()).isEqualTo("stub-token-1");
    assertThat(stub.metadataRequests()).isEqualTo(2);
  }

  @Test
  void findsMetadataAtTheRfc8414Location() throws IOException {
    try (StubMaskinporten rfc8414 =
        new StubMaskinporten("/.well-known/oauth-authorization-server/mp")) {
      AccessToken token = clientFor(rfc8414).getToken(KONTAKTINFO);

      assertThat(token.value()).isEqualTo("stub-token-1");
      assertThat(rfc8414.metadataRequests()).isEqualTo(1);
    }
  }

  @Test
  void findsMetadataAtTheOpenIdLocation() throws IOException {
    try (StubMaskinporten openId = new StubMaskinporten("/mp/.well-known/openid-configuration")) {
      AccessToken token = clientFor(openId).getToken(KONTAKTINFO);

      assertThat(token.value()).isEqualTo("stub-token-1");
    }
  }

  @Test
  void namesEveryLocationTriedWhenNoneHasMetadata() throws IOException {
    try (StubMaskinporten nowhere = new StubMaskinporten("/elsewhere")) {
      MaskinportenResponseException e =
          catchThrowableOfType(
              MaskinportenResponseException.class, () -> clientFor(nowhere).getToken(KONTAKTINFO));

      String root = nowhere.issuer().substring(0, nowhere.issuer().length() - "mp/".length());
      assertThat(e.getMessage())
          .startsWith("found no authorization server metadata for issuer " + nowhere.issuer())
          .contains(root + "mp/.well-known/oauth-authorization-server (HTTP 404)")
          .contains(root + ".well-known/oauth-authorization-server/mp (HTTP 404)")
          .contains(root + "mp/.well-known/openid-configuration (HTTP 404)")
          .endsWith("Check the issuer URL");
      assertThat(nowhere.tokenRequests()).isZero();
    }
  }

  @Test
  void stopsAtAServerErrorInsteadOfTryingOtherLocations() {
    stub.answerMetadata(Metadata.SERVER_ERROR);

    catchThrowableOfType(MaskinportenResponseException.class, () -> client.getToken(KONTAKTINFO));

    assertThat(stub.metadataRequests()).isEqualTo(1);
  }

  @Test
  void refusesMetadataNamingAnotherIssuer() {
    stub.answerMetadata(Metadata.WRONG_ISSUER);

    MaskinportenResponseException e =
        catchThrowableOfType(
            MaskinportenResponseException.class, () -> client.getToken(KONTAKTINFO));

    assertThat(e.getMessage())
        .contains("names issuer https://maskinporten.no/, expected " + stub.issuer())
        .contains("check the environment");
    assertThat(stub.tokenRequests()).isZero();
  }
}
