package io.krrkit.testsupport;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.Scope;
import io.krrkit.krr.KrrClient;
import io.krrkit.krr.KrrEnvironment;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import io.krrkit.maskinporten.TokenRequest;
import io.krrkit.selfservice.SelfServiceClient;
import io.krrkit.selfservice.SelfServiceEnvironment;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The library clients wired to a running emulator: its URLs, and its clock, so grants are signed at
 * the emulator's time however a test moves it (a client on the system clock signs grants a frozen
 * emulator refuses with MP-130). krr-junit (emulator in-process) and krr-testcontainers (emulator
 * in a container) hand out these clients; neither this class nor its module knows the emulator.
 *
 * @param maskinportenIssuer the emulator's Maskinporten issuer ({@code {base}/maskinporten/})
 * @param kontaktregisteretUrl KRR's base URL ({@code {base}/kontaktregisteret})
 * @param selfServiceUrl the self-service API's base URL ({@code {base}/selvbetjening})
 * @param clock the emulator's clock
 */
public record ReadyClients(
    String maskinportenIssuer, String kontaktregisteretUrl, String selfServiceUrl, Clock clock) {
  private static final List<Scope> KRR_SCOPES =
      List.of(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ);

  /** Checks that nothing is missing. */
  public ReadyClients {
    Objects.requireNonNull(maskinportenIssuer, "maskinportenIssuer == null");
    Objects.requireNonNull(kontaktregisteretUrl, "kontaktregisteretUrl == null");
    Objects.requireNonNull(selfServiceUrl, "selfServiceUrl == null");
    Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * A Maskinporten client for {@code clientId}, signing with {@code key} on the emulator's clock.
   */
  public MaskinportenClient.Builder maskinporten(String clientId, RSAKey key) {
    return MaskinportenClient.builder()
        .environment(MaskinportenEnvironment.custom(maskinportenIssuer))
        .clientId(clientId)
        .signingKey(key)
        .clock(clock);
  }

  /** A Maskinporten client for a registered client. */
  public MaskinportenClient.Builder maskinporten(SigningClient client) {
    return maskinporten(client.clientId(), client.key());
  }

  /**
   * A KRR client asking for the KRR lookup scopes {@code client} holds.
   *
   * @throws IllegalArgumentException if the client holds none of them
   */
  public KrrClient.Builder krr(SigningClient client) {
    List<Scope> scopes = KRR_SCOPES.stream().filter(client.scopes()::contains).toList();
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException(
          client + " holds no KRR lookup scope (" + KRR_SCOPES + "): register it with one");
    }
    return KrrClient.builder()
        .environment(KrrEnvironment.custom(kontaktregisteretUrl))
        .maskinporten(maskinporten(client).build(), TokenRequest.builder().scopes(scopes).build())
        .clock(clock);
  }

  /** A self-service client acting as {@code clientId} (the emulator's bootstrap admin client). */
  public SelfServiceClient selfService(String clientId, RSAKey key) {
    return SelfServiceClient.builder()
        .environment(SelfServiceEnvironment.custom(selfServiceUrl))
        .maskinporten(maskinporten(clientId, key).build())
        .clock(clock)
        .build();
  }
}
