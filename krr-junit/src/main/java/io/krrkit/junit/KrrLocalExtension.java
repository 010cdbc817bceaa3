package io.krrkit.junit;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs krr-local in-process on a free port for one test class, with in-memory storage, and
 * registers test clients with their keys straight in its store (no token or HTTP round trip).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KrrLocalExtension krr = KrrLocalExtension.builder().seedPersons(100).build();
 *
 * @Test
 * void looksUpAPerson() {
 *   TestClient client = krr.registerKrrClient();
 *   MaskinportenClient maskinporten = MaskinportenClient.builder()
 *       .environment(MaskinportenEnvironment.custom(krr.krrLocal().maskinportenIssuer()))
 *       .clientId(client.clientId())
 *       .signingKey(client.key())
 *       .build();
 *   // … a KrrClient against krr.krrLocal().kontaktregisteretUrl() with those tokens
 * }
 * }</pre>
 *
 * <p>With {@code @ExtendWith(KrrLocalExtension.class)} it runs with the defaults, and test methods
 * take the running {@link KrrLocal} as a parameter.
 */
public final class KrrLocalExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private final UnaryOperator<KrrLocal.Builder> settings;
  private volatile KrrLocal krrLocal;

  /** The defaults: a free port, in-memory storage, the emulator's default synthetic register. */
  public KrrLocalExtension() {
    this(builder());
  }

  private KrrLocalExtension(Builder builder) {
    this.settings = builder.settings;
  }

  /** Starts a builder with the defaults of {@link #KrrLocalExtension()}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    krrLocal = settings.apply(KrrLocal.builder().port(0).ephemeral()).build().start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    KrrLocal running = krrLocal;
    krrLocal = null;
    if (running != null) {
      running.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KrrLocal.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return krrLocal();
  }

  /**
   * The running emulator: its URLs, clock, register and stores.
   *
   * @throws IllegalStateException outside the test class's lifetime
   */
  public KrrLocal krrLocal() {
    KrrLocal running = krrLocal;
    if (running == null) {
      throw new IllegalStateException(
          "krr-local is not running: register the extension on a static field with"
              + " @RegisterExtension (or use @ExtendWith) and ask for it inside a test");
    }
    return running;
  }

  /**
   * Moves the emulator's clock; code under test that reads {@code krrLocal().clock()} moves too.
   */
  public void advance(Duration delta) {
    krrLocal().clock().advance(delta);
  }

  /**
   * Registers a KRR client ({@code krr:global/kontaktinformasjon.read} and {@code
   * krr:global/digitalpost.read}) of the emulator's own organisation.
   */
  public TestClient registerKrrClient() {
    return registerClient(
        KrrLocal.DEFAULT_ORG, IntegrationType.KRR, IntegrationType.KRR.automaticScopes());
  }

  /**
   * Registers a Maskinporten-style client (integration type {@code krr} or {@code maskinporten})
   * holding {@code scopes}, with a registered RSA key; see {@link TestClients#register}.
   */
  public TestClient registerClient(OrgNumber org, IntegrationType type, Collection<Scope> scopes) {
    return TestClients.register(krrLocal(), org, type, scopes);
  }

  /** Makes {@code keys} the client's registered keys (an empty list removes them all). */
  public void replaceKeys(TestClient client, List<RSAKey> keys) {
    TestClients.replaceKeys(krrLocal(), client, keys);
  }

  /** Settings of the emulator the extension starts; anything else through {@link #configure}. */
  public static final class Builder {
    private UnaryOperator<KrrLocal.Builder> settings = UnaryOperator.identity();

    private Builder() {}

    /** Seeds this many synthetic persons besides the well-known ones (0 for none). */
    public Builder seedPersons(int count) {
      return configure(b -> b.seedPersons(count));
    }

    /**
     * Stops the emulator's clock at {@code instant}; it then moves only with {@link #advance}, so
     * tests of expiry and the 18-month rule need no waiting.
     */
    public Builder frozenAt(Instant instant) {
      Objects.requireNonNull(instant, "instant == null");
      return configure(b -> b.clock(Clock.fixed(instant, ZoneOffset.UTC)));
    }

    /** Any other emulator setting, e.g. {@code b -> b.adminApi(true)}; applied in order. */
    public Builder configure(UnaryOperator<KrrLocal.Builder> more) {
      Objects.requireNonNull(more, "more == null");
      UnaryOperator<KrrLocal.Builder> before = settings;
      settings = b -> more.apply(before.apply(b));
      return this;
    }

    /** The extension, to be registered on a static field with {@code @RegisterExtension}. */
    public KrrLocalExtension build() {
      return new KrrLocalExtension(this);
    }
  }
}
