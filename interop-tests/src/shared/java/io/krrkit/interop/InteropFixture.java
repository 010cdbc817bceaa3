package io.krrkit.interop;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.Scope;
import io.krrkit.junit.KrrLocalExtension;
import io.krrkit.junit.TestClient;
import io.krrkit.local.KrrLocal;
import io.krrkit.selfservice.ApplicationType;
import io.krrkit.selfservice.ClientRequest;
import io.krrkit.selfservice.RegisteredClient;
import io.krrkit.selfservice.SelfServiceClient;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one test fixture of the interop modules: krr-local (from krr-junit) on a free port, on the
 * real clock, since third-party clients read the system clock for their grants' {@code iat} and
 * {@code exp}. Third-party clients get only its URLs, as they would get Digdir's.
 *
 * <pre>{@code
 * @RegisterExtension static final InteropFixture fixture = new InteropFixture();
 * }</pre>
 */
public final class InteropFixture implements BeforeAllCallback, AfterAllCallback {
  private final KrrLocalExtension emulator =
      KrrLocalExtension.builder().seedPersons(0).configure(b -> b.adminApi(true)).build();

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator.beforeAll(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    emulator.afterAll(context);
  }

  /** The running emulator. */
  public KrrLocal krr() {
    return emulator.krrLocal();
  }

  /** Maskinporten's issuer, with its trailing slash, as Digdir's metadata names it. */
  public String maskinportenIssuer() {
    return krr().maskinportenIssuer();
  }

  /** Maskinporten's token endpoint. */
  public String tokenEndpoint() {
    return maskinportenIssuer() + "token";
  }

  /** ID-porten's issuer (no trailing slash, as Digdir's metadata names it). */
  public String idportenIssuer() {
    return krr().idportenIssuer();
  }

  /** The self-service API client of the emulator's organisation, to register clients and keys. */
  public SelfServiceClient selfService() {
    return emulator.selfServiceClient();
  }

  /**
   * An ID-porten web client ({@code api_klient}, scopes {@code openid profile}, the code and
   * refresh grants) registered over HTTP through the self-service API, as an organisation registers
   * one at Digdir: {@code method} is {@code client_secret_basic}, {@code client_secret_post} (the
   * answer holds the secret, shown once) or {@code private_key_jwt} ({@code key}'s public part is
   * then uploaded; null otherwise).
   */
  public RegisteredClient registerIdportenClient(
      String method, String redirectUri, String postLogoutRedirectUri, RSAKey key) {
    RegisteredClient client =
        selfService()
            .createClient(
                ClientRequest.builder(IntegrationType.API_KLIENT)
                    .clientName("interop relying party " + method)
                    .applicationType(ApplicationType.WEB)
                    .tokenEndpointAuthMethod(method)
                    .grantTypes(List.of("authorization_code", "refresh_token"))
                    .scopes(List.of(Scope.of("openid"), Scope.of("profile")))
                    .redirectUris(List.of(redirectUri))
                    .postLogoutRedirectUris(List.of(postLogoutRedirectUri))
                    .build());
    if (key != null) {
      selfService().uploadKey(client.clientId(), key.toPublicJWK());
    }
    return client;
  }

  /** A KRR client of the emulator's organisation with a registered RSA key. */
  public TestClient registerKrrClient() {
    return emulator.registerKrrClient();
  }
}
