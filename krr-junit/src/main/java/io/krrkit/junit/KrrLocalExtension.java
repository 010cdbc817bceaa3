package io.krrkit.junit;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.krr.KrrClient;
import io.krrkit.local.Bootstrap;
import io.krrkit.local.KrrLocal;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.selfservice.SelfServiceClient;
import io.krrkit.testsupport.Faults;
import io.krrkit.testsupport.ReadyClients;
import io.krrkit.testsupport.RequestVerifier;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs krr-local in-process on a free port with in-memory storage, for one test class or {@link
 * Builder#shared() shared} by every test class of the run, registers test clients with their keys
 * straight in its store, and hands out clients wired to the emulator's URLs and clock:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KrrLocalExtension krr = KrrLocalExtension.builder().build();
 *
 * @Test
 * void looksUpAPerson() {
 *   KrrClient client = krr.krrClient();   // a new KRR client, registered, keyed and wired
 *   LookupResult result = client.lookup(List.of("20914695016"));
 * }
 * }</pre>
 *
 * <p>The ready clients sign their grants on the emulator's clock, so a {@link Builder#frozenAt
 * frozen} or {@link #advance advanced} clock needs nothing more. With
 * {@code @ExtendWith(KrrLocalExtension.class)} it runs with the defaults, and test methods take the
 * running {@link KrrLocal} as a parameter.
 *
 * <p>Built against JUnit Jupiter 5.10's API and declared {@code provided}: it runs on the JUnit
 * your project brings, 5.10 or newer, 6 too.
 */
public final class KrrLocalExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private static final ExtensionContext.Namespace SHARED =
      ExtensionContext.Namespace.create(KrrLocalExtension.class, "shared");

  private final UnaryOperator<KrrLocal.Builder> settings;
  private final String sharedKey;
  private final boolean resetBeforeEach;
  private volatile KrrLocal krrLocal;
  private volatile String startedBy;

  /** The defaults: a free port, in-memory storage, the emulator's default synthetic register. */
  public KrrLocalExtension() {
    this(builder());
  }

  private KrrLocalExtension(Builder builder) {
    this.settings = builder.settings;
    this.sharedKey = builder.shared ? String.join(", ", builder.described) : null;
    this.resetBeforeEach = builder.resetBeforeEach;
  }

  /** Starts a builder with the defaults of {@link #KrrLocalExtension()}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (krrLocal != null) {
      return; // a @Nested class, or another class on a shared emulator: it is running
    }
    if (sharedKey == null) {
      krrLocal = start();
      startedBy = context.getUniqueId();
    } else {
      krrLocal =
          context
              .getRoot()
              .getStore(SHARED)
              .getOrComputeIfAbsent(
                  sharedKey, key -> new SharedEmulator(start()), SharedEmulator.class)
              .krrLocal;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (context.getUniqueId().equals(startedBy)) {
      KrrLocal running = krrLocal;
      krrLocal = null;
      startedBy = null;
      running.close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (resetBeforeEach) {
      reset();
    }
  }

  /** A fault rule lasts for the test that adds it, so it never fails the next test. */
  @Override
  public void afterEach(ExtensionContext context) {
    KrrLocal running = krrLocal;
    if (running != null) {
      running.controls().faults().clear();
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

  private KrrLocal start() {
    return settings.apply(KrrLocal.builder().port(0).ephemeral()).build().start();
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
   * Verifies the calls made to the emulator, from its request journal.
   *
   * <pre>{@code
   * krr.verify().tokenRequests().client(client.clientId()).times(1); // the token was cached
   * }</pre>
   */
  public RequestVerifier verify() {
    return RequestVerifier.of(InProcess.journal(krrLocal().controls()));
  }

  /**
   * Fault and latency injection: makes an endpoint of the emulator fail on purpose, to test your
   * retries and time-outs. The rules are cleared after each test.
   *
   * <pre>{@code
   * krr.faults().on(FaultEndpoint.KRR_LOOKUP).sequence(503, 503, 200).add(); // fails twice
   * }</pre>
   */
  public Faults faults() {
    return InProcess.faults(krrLocal().controls());
  }

  /** Moves the emulator's clock, and with it the clocks of the ready clients. */
  public void advance(Duration delta) {
    krrLocal().clock().advance(delta);
  }

  /**
   * Empties the emulator, as a new one is: clients registered by tests, their keys, scopes, access
   * and delegations are gone, the register holds its synthetic persons again and the clock is back
   * where it started. Between tests on a {@link Builder#shared() shared} emulator, or each time
   * with {@link Builder#resetBeforeEach()}.
   */
  public void reset() {
    krrLocal().controls().reset();
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

  /**
   * A KRR client of a newly {@link #registerKrrClient() registered} KRR client, with both {@code
   * krr:global} scopes, on the emulator's URLs and clock.
   */
  public KrrClient krrClient() {
    return krrClientBuilder(registerKrrClient()).build();
  }

  /**
   * A KRR client builder for {@code client}, wired to the emulator's URLs and clock and asking for
   * the KRR scopes the client holds; set batch size, retries and the like before {@code build()}.
   *
   * @throws IllegalArgumentException when the client holds no {@code krr:global} lookup scope
   */
  public KrrClient.Builder krrClientBuilder(TestClient client) {
    return readyClients().krr(client);
  }

  /** A Maskinporten client signing {@code client}'s grants, on the emulator's URLs and clock. */
  public MaskinportenClient maskinportenClient(TestClient client) {
    return maskinportenClientBuilder(client).build();
  }

  /**
   * A Maskinporten client builder for {@code client}, wired to the emulator's issuer and clock; set
   * retries, listeners and the like before {@code build()}.
   */
  public MaskinportenClient.Builder maskinportenClientBuilder(TestClient client) {
    return readyClients().maskinporten(client);
  }

  /**
   * A self-service API client signed in as the emulator's bootstrap client (organisation {@link
   * KrrLocal#DEFAULT_ORG}, the {@code idporten:dcr.*} scopes): registers clients and keys over
   * HTTP, as your code does against Digdir.
   */
  public SelfServiceClient selfServiceClient() {
    Bootstrap bootstrap = krrLocal().bootstrap();
    RSAKey key;
    try {
      key = RSAKey.parse(bootstrap.privateJwk());
    } catch (ParseException e) {
      throw new IllegalStateException("the emulator's bootstrap key is not an RSA JWK", e);
    }
    return readyClients().selfService(bootstrap.clientId(), key);
  }

  private ReadyClients readyClients() {
    KrrLocal krr = krrLocal();
    return new ReadyClients(
        krr.maskinportenIssuer(), krr.kontaktregisteretUrl(), krr.selfServiceUrl(), krr.clock());
  }

  /** An emulator of the run, closed by JUnit when the run ends. */
  private static final class SharedEmulator implements ExtensionContext.Store.CloseableResource {
    private final KrrLocal krrLocal;

    private SharedEmulator(KrrLocal krrLocal) {
      this.krrLocal = krrLocal;
    }

    @Override
    public void close() {
      krrLocal.close();
    }
  }

  /** Settings of the emulator the extension starts; anything else through {@link #configure}. */
  public static final class Builder {
    private UnaryOperator<KrrLocal.Builder> settings = UnaryOperator.identity();
    private final List<String> described = new ArrayList<>();
    private boolean shared;
    private boolean resetBeforeEach;

    private Builder() {}

    /** Seeds this many synthetic persons besides the well-known ones (0 for none). */
    public Builder seedPersons(int count) {
      described.add("seedPersons(" + count + ")");
      return apply(b -> b.seedPersons(count));
    }

    /**
     * Stops the emulator's clock at {@code instant}; it then moves only with {@link #advance}, so
     * tests of expiry and the 18-month rule need no waiting. The ready clients read the same clock.
     */
    public Builder frozenAt(Instant instant) {
      Objects.requireNonNull(instant, "instant == null");
      described.add("frozenAt(" + instant + ")");
      return apply(b -> b.clock(Clock.fixed(instant, ZoneOffset.UTC)));
    }

    /** Any other emulator setting, e.g. {@code b -> b.adminApi(true)}; applied in order. */
    public Builder configure(UnaryOperator<KrrLocal.Builder> more) {
      Objects.requireNonNull(more, "more == null");
      described.add("configure(" + more.getClass().getName() + ")");
      return apply(more);
    }

    /**
     * One emulator for every test class of the run that declares the same settings (the same calls
     * on this builder, the same {@link #configure} lambda), started by the first and closed when
     * the run ends; classes with other settings get another one. Start-up is paid once; isolate
     * tests with {@link KrrLocalExtension#reset()} or {@link #resetBeforeEach()}.
     */
    public Builder shared() {
      shared = true;
      return this;
    }

    /** {@link KrrLocalExtension#reset() Resets} the emulator before each test. */
    public Builder resetBeforeEach() {
      resetBeforeEach = true;
      return this;
    }

    private Builder apply(UnaryOperator<KrrLocal.Builder> more) {
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
