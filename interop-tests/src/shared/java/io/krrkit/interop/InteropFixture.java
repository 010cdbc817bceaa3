package io.krrkit.interop;

import io.krrkit.junit.KrrLocalExtension;
import io.krrkit.junit.TestClient;
import io.krrkit.local.KrrLocal;
import io.krrkit.selfservice.SelfServiceClient;
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

  /** A KRR client of the emulator's organisation with a registered RSA key. */
  public TestClient registerKrrClient() {
    return emulator.registerKrrClient();
  }
}
