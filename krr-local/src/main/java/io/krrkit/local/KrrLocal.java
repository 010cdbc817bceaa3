package io.krrkit.local;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.krrkit.core.OrgNumber;
import io.krrkit.local.internal.access.DelegationRegistry;
import io.krrkit.local.internal.access.ScopeRegistry;
import io.krrkit.local.internal.access.jdbc.JdbcDelegationRepository;
import io.krrkit.local.internal.access.jdbc.JdbcScopeAccessRepository;
import io.krrkit.local.internal.access.jdbc.JdbcScopeRepository;
import io.krrkit.local.internal.admin.http.AccessAdminRoutes;
import io.krrkit.local.internal.admin.http.CertificateAdminRoutes;
import io.krrkit.local.internal.admin.http.ClockAdminRoutes;
import io.krrkit.local.internal.admin.http.PersonAdminRoutes;
import io.krrkit.local.internal.admin.http.SigningKeyAdminRoutes;
import io.krrkit.local.internal.certificate.Pem;
import io.krrkit.local.internal.certificate.jdbc.EnterpriseCertificates;
import io.krrkit.local.internal.client.AdminClientBootstrap;
import io.krrkit.local.internal.client.AdminCredential;
import io.krrkit.local.internal.client.ClientKeyRepository;
import io.krrkit.local.internal.client.ClientRegistry;
import io.krrkit.local.internal.client.ClientRepository;
import io.krrkit.local.internal.client.OnBehalfOfRegistry;
import io.krrkit.local.internal.client.OnBehalfOfRepository;
import io.krrkit.local.internal.client.jdbc.JdbcAdminCredentialRepository;
import io.krrkit.local.internal.client.jdbc.JdbcClientKeyRepository;
import io.krrkit.local.internal.client.jdbc.JdbcClientRepository;
import io.krrkit.local.internal.client.jdbc.JdbcOnBehalfOfRepository;
import io.krrkit.local.internal.idporten.jdbc.Idporten;
import io.krrkit.local.internal.krr.OwnRecord;
import io.krrkit.local.internal.krr.Register;
import io.krrkit.local.internal.krr.http.KrrRoutes;
import io.krrkit.local.internal.krr.http.PersonRoutes;
import io.krrkit.local.internal.krr.jdbc.JdbcPersonRepository;
import io.krrkit.local.internal.krr.synthetic.RegisterSeeder;
import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.maskinporten.AccessRules;
import io.krrkit.local.internal.maskinporten.AccessTokenVerifier;
import io.krrkit.local.internal.maskinporten.jdbc.Maskinporten;
import io.krrkit.local.internal.selfservice.http.SelfServiceRoutes;
import io.krrkit.local.internal.signing.SigningKeys;
import io.krrkit.local.internal.signing.jdbc.JdbcSigningKeyRepository;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.web.http.WebRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * krr-local: Maskinporten, the self-service API and the KRR lookup API on one port, each under its
 * own path prefix, backed by one store. All wiring of the emulator happens here.
 *
 * <pre>{@code
 * try (KrrLocal krr = KrrLocal.builder().port(0).ephemeral().build().start()) {
 *   String issuer = krr.maskinportenIssuer(); // http://localhost:PORT/maskinporten/
 *   Bootstrap b = krr.bootstrap();            // a self-service client ready to use
 * }
 * }</pre>
 */
public final class KrrLocal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KrrLocal.class);

  /** Default port, as documented. */
  public static final int DEFAULT_PORT = 7070;

  /** Default organisation of the bootstrap self-service client. */
  public static final OrgNumber DEFAULT_ORG = OrgNumber.of("310000027");

  private final Settings settings;
  private final OffsetClock clock;
  private Database database;
  private Wiring wiring;
  private Javalin app;
  private String baseUrl;

  private KrrLocal(Settings settings) {
    this.settings = settings;
    this.clock = new OffsetClock(settings.clock);
  }

  /** A builder with the documented defaults (port 7070, H2 in ~/.krr-local). */
  public static Builder builder() {
    return new Builder();
  }

  /** Opens the store, seeds it when empty, and starts serving. Returns {@code this}. */
  public synchronized KrrLocal start() {
    if (app != null) {
      throw new IllegalStateException("already started");
    }
    int port = settings.port == 0 ? freePort() : settings.port;
    baseUrl =
        settings.publicUrl != null ? stripSlash(settings.publicUrl) : "http://localhost:" + port;
    database = openDatabase();
    wiring = new Wiring(database, clock, baseUrl, settings);
    app =
        Javalin.create(
            config -> {
              config.jetty.host = settings.host;
              config.http.maxRequestSize = settings.maxRequestBytes;
              config.startup.showJavalinBanner = false;
              wiring.routes(config);
            });
    app.start(settings.host, port);
    log.info("krr-local listening on {} (store: {})", baseUrl, describeStore());
    return this;
  }

  /** Stops serving and closes the store. */
  @Override
  public synchronized void close() {
    if (app != null) {
      app.stop();
      app = null;
    }
    if (database != null) {
      database.close();
      database = null;
    }
  }

  /** {@code http://localhost:PORT} (or the public URL given to the builder). */
  public String baseUrl() {
    requireStarted();
    return baseUrl;
  }

  /** The Maskinporten issuer, {@code {base}/maskinporten/} (with the trailing slash). */
  public String maskinportenIssuer() {
    return baseUrl() + "/maskinporten/";
  }

  /** The KRR base URL, {@code {base}/kontaktregisteret}. */
  public String kontaktregisteretUrl() {
    return baseUrl() + "/kontaktregisteret";
  }

  /** The self-service API base URL, {@code {base}/selvbetjening}. */
  public String selfServiceUrl() {
    return baseUrl() + "/selvbetjening";
  }

  /** The ID-porten issuer, {@code {base}/idporten} (no trailing slash, as ID-porten's). */
  public String idportenIssuer() {
    return baseUrl() + "/idporten";
  }

  /** In-process access to registered clients, for tests and embedding. */
  public ClientRepository clients() {
    requireStarted();
    return wiring.clients;
  }

  /** In-process access to registered client keys, for tests and embedding. */
  public ClientKeyRepository clientKeys() {
    requireStarted();
    return wiring.clientKeys;
  }

  /**
   * The self-service admin client of the emulator's organisation ({@link Builder#orgNumber}), with
   * its private key: the way in to the self-service API. The same after a restart on a file or
   * shared database.
   */
  public Bootstrap bootstrap() {
    requireStarted();
    AdminCredential admin = wiring.adminCredential;
    return new Bootstrap(
        maskinportenIssuer(),
        settings.orgNumber.value(),
        admin.clientId(),
        admin.kid(),
        admin.privateJwk());
  }

  /**
   * In-process access to the emulator's test CA, for tests and embedding: issue a test enterprise
   * certificate ({@code certificates().issue(new EnterpriseCertificateRequest(org, null))}) or read
   * the CA certificate.
   */
  public EnterpriseCertificates certificates() {
    requireStarted();
    return wiring.certificates;
  }

  /** In-process access to the verifier of this emulator's Maskinporten tokens. */
  public AccessTokenVerifier tokenVerifier() {
    requireStarted();
    return wiring.tokenVerifier;
  }

  /**
   * In-process access to the KRR register, for tests and embedding: put a person with chosen
   * attributes ({@code register().put(RegisterEntry.aktiv(id)...build())}) or look one up.
   */
  public Register register() {
    requireStarted();
    return wiring.register;
  }

  /** The emulator's clock; tests and the operator API move it. */
  public OffsetClock clock() {
    return clock;
  }

  private void requireStarted() {
    if (baseUrl == null) {
      throw new IllegalStateException("not started");
    }
  }

  private Database openDatabase() {
    if (settings.jdbcUrl != null) {
      return Database.connect(settings.jdbcUrl, settings.jdbcUser, settings.jdbcPassword);
    }
    if (settings.ephemeral) {
      return Database.h2InMemory();
    }
    return Database.h2File(settings.dataDir);
  }

  private String describeStore() {
    if (settings.jdbcUrl != null) {
      return settings.jdbcUrl.replaceAll("password=[^&;]*", "password=****");
    }
    return settings.ephemeral ? "in-memory H2" : "H2 in " + settings.dataDir;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Builds every service from the store and clock and registers its routes. */
  private static final class Wiring {
    private final OffsetClock clock;
    private final String baseUrl;
    private final Settings settings;
    private final Jdbc jdbc;
    private final ClientRepository clients;
    private final ClientKeyRepository clientKeys;
    // --- scope access, delegations, on-behalf-of ---
    private final ScopeRegistry scopeRegistry;
    private final DelegationRegistry delegationRegistry;
    private final OnBehalfOfRepository onBehalfOf;
    // --- enterprise certificates (test CA) ---
    private final EnterpriseCertificates certificates;
    // --- maskinporten ---
    private final Maskinporten maskinporten;
    private final AccessTokenVerifier tokenVerifier;
    // --- self-service API and bootstrap ---
    private final ClientRegistry clientRegistry;
    private final OnBehalfOfRegistry onBehalfOfRegistry;
    private final AdminCredential adminCredential;
    // --- KRR lookup and synthetic register ---
    private final Register register;
    // --- ID-porten and user-driven lookup ---
    private final Idporten idporten;

    Wiring(Database database, OffsetClock clock, String baseUrl, Settings settings) {
      this.clock = clock;
      this.baseUrl = baseUrl;
      this.settings = settings;
      this.jdbc = database.jdbc();
      this.clients = new JdbcClientRepository(jdbc);
      this.clientKeys = new JdbcClientKeyRepository(jdbc);
      // --- scope access, delegations, on-behalf-of ---
      this.scopeRegistry =
          new ScopeRegistry(
              new JdbcScopeRepository(jdbc),
              new JdbcScopeAccessRepository(jdbc),
              settings.orgNumber,
              clock);
      scopeRegistry.seedBuiltIns();
      this.delegationRegistry = new DelegationRegistry(new JdbcDelegationRepository(jdbc), clock);
      this.onBehalfOf = new JdbcOnBehalfOfRepository(jdbc);
      // --- enterprise certificates (test CA) ---
      this.certificates = EnterpriseCertificates.create(jdbc, clock, settings.trustAnchors);
      // --- maskinporten ---
      this.maskinporten =
          Maskinporten.create(
              baseUrl,
              clock,
              settings.signingKeySize,
              jdbc,
              clients,
              clientKeys,
              new AccessRules(
                  scopeRegistry, delegationRegistry, onBehalfOf, settings.delegationSource),
              certificates.validator());
      this.tokenVerifier = maskinporten.tokenVerifier();
      // --- self-service API and bootstrap ---
      this.clientRegistry = new ClientRegistry(clients, clientKeys, clock, scopeRegistry);
      this.onBehalfOfRegistry = new OnBehalfOfRegistry(clientRegistry, onBehalfOf, clock);
      this.adminCredential =
          new AdminClientBootstrap(
                  clients, clientKeys, new JdbcAdminCredentialRepository(jdbc, clock), clock)
              .ensure(settings.orgNumber);
      // --- KRR lookup and synthetic register ---
      this.register = new Register(new JdbcPersonRepository(jdbc), clock);
      new RegisterSeeder(register, clock, Shares.DEFAULT)
          .seedIfEmpty(settings.seedPersons, settings.seed);
      // --- ID-porten and user-driven lookup ---
      this.idporten = Idporten.create(baseUrl, clock, jdbc, clients, clientKeys);
    }

    void routes(JavalinConfig config) {
      // --- operator API ({base}/admin), off unless enabled ---
      if (settings.adminApi) {
        new ClockAdminRoutes(clock).register(config.routes);
        new PersonAdminRoutes(register, new RegisterSeeder(register, clock, Shares.DEFAULT))
            .register(config.routes);
        new CertificateAdminRoutes(certificates).register(config.routes);
        new AccessAdminRoutes(scopeRegistry, delegationRegistry).register(config.routes);
        new SigningKeyAdminRoutes(maskinporten).register(config.routes);
      }
      // --- maskinporten (issuer {base}/maskinporten/) ---
      maskinporten.register(config.routes);
      // --- self-service API ({base}/selvbetjening/api/v1) and bootstrap ---
      new SelfServiceRoutes(
              clientRegistry,
              onBehalfOfRegistry,
              scopeRegistry,
              settings.delegationSource,
              tokenVerifier,
              clock)
          .register(config.routes);
      // --- KRR lookup ({base}/kontaktregisteret) and synthetic register ---
      new KrrRoutes(register, tokenVerifier, clock).register(config.routes);
      // --- ID-porten ({base}/idporten) and user-driven lookup ({base}/kontaktregisteret) ---
      idporten.register(config.routes);
      new PersonRoutes(
              new OwnRecord(register, clock),
              idporten.tokenVerifier(),
              tokenVerifier,
              SigningKeys.onFirstUse(
                  new JdbcSigningKeyRepository(jdbc, "kontaktregisteret"),
                  settings.signingKeySize,
                  Maskinporten.KEY_RETENTION,
                  clock))
          .register(config.routes);
      // --- self-service web page "Min side" ({base}/) ---
      new WebRoutes(
              clientRegistry,
              onBehalfOfRegistry,
              scopeRegistry,
              jdbc,
              settings.orgNumber,
              clock,
              baseUrl)
          .register(config);
    }
  }

  private static final class Settings {
    int port = DEFAULT_PORT;
    String host = "127.0.0.1";
    String publicUrl;
    Path dataDir = Path.of(System.getProperty("user.home"), ".krr-local");
    boolean ephemeral;
    String jdbcUrl;
    String jdbcUser;
    String jdbcPassword;
    OrgNumber orgNumber = DEFAULT_ORG;
    int seedPersons = 10_000;
    long seed = 1L;
    int signingKeySize = 2048;
    long maxRequestBytes = 1_000_000L;
    boolean adminApi;
    final List<X509Certificate> trustAnchors = new ArrayList<>();
    String delegationSource = AccessRules.DEFAULT_DELEGATION_SOURCE;
    Clock clock = Clock.systemUTC();
  }

  /** Configures an emulator. Unset values keep the documented defaults. */
  public static final class Builder {
    private final Settings s = new Settings();

    private Builder() {}

    /** Port to listen on; 0 picks a free one. Default 7070. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + port);
      }
      s.port = port;
      return this;
    }

    /** Interface to bind. Default {@code 127.0.0.1}. */
    public Builder host(String host) {
      s.host = Objects.requireNonNull(host, "host == null");
      return this;
    }

    /**
     * The URL clients reach this node by, when it differs from {@code http://localhost:PORT}
     * (behind a load balancer every node must share it: it makes the issuer).
     */
    public Builder publicUrl(String url) {
      s.publicUrl = Objects.requireNonNull(url, "url == null");
      return this;
    }

    /** Directory of the H2 file database. Default {@code ~/.krr-local}. */
    public Builder dataDir(Path dir) {
      s.dataDir = Objects.requireNonNull(dir, "dir == null");
      return this;
    }

    /** Keep everything in memory; nothing survives a restart. */
    public Builder ephemeral() {
      s.ephemeral = true;
      return this;
    }

    /** Use an external database (PostgreSQL) instead of embedded H2. */
    public Builder jdbc(String url, String user, String password) {
      s.jdbcUrl = Objects.requireNonNull(url, "url == null");
      s.jdbcUser = user;
      s.jdbcPassword = password;
      return this;
    }

    /** Organisation of the bootstrap self-service client. Default 310000027. */
    public Builder orgNumber(OrgNumber org) {
      s.orgNumber = Objects.requireNonNull(org, "org == null");
      return this;
    }

    /** Synthetic persons generated into an empty register. Default 10 000. */
    public Builder seedPersons(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("seedPersons must be >= 0, was " + count);
      }
      s.seedPersons = count;
      return this;
    }

    /** Seed of the synthetic register generator; the same seed gives the same register. */
    public Builder seed(long seed) {
      s.seed = seed;
      return this;
    }

    /** RSA key size of the emulator's token signing key: 2048 (default) or 4096. */
    public Builder signingKeySize(int bits) {
      if (bits != 2048 && bits != 4096) {
        throw new IllegalArgumentException("signing key size must be 2048 or 4096, was " + bits);
      }
      s.signingKeySize = bits;
      return this;
    }

    /**
     * Serves the operator API under {@code /admin} (clock, and more as it grows). Off by default:
     * it has no authentication, so enable it only on a loopback or test network.
     */
    public Builder adminApi(boolean enabled) {
      s.adminApi = enabled;
      return this;
    }

    /**
     * Issuer named in {@code delegation_source} of delegated tokens when the scope names none: the
     * authority consumers delegate in. Default {@value AccessRules#DEFAULT_DELEGATION_SOURCE}, as
     * for Maskinporten's test environment.
     */
    public Builder delegationSource(String issuer) {
      s.delegationSource = Objects.requireNonNull(issuer, "issuer == null");
      return this;
    }

    /**
     * Trusts the CA certificates in these PEM files for enterprise certificate ({@code x5c})
     * grants, besides the emulator's own test CA. Repeatable.
     *
     * @throws IllegalArgumentException when a file cannot be read or holds no certificate
     */
    public Builder trustAnchors(Path... pemFiles) {
      for (Path file : pemFiles) {
        s.trustAnchors.addAll(Pem.readCertificates(file));
      }
      return this;
    }

    /**
     * Trusts these CA certificates for enterprise certificate ({@code x5c}) grants, besides the
     * emulator's own test CA. Repeatable.
     */
    public Builder trustAnchors(Collection<X509Certificate> certificates) {
      for (X509Certificate certificate : certificates) {
        s.trustAnchors.add(Objects.requireNonNull(certificate, "certificate == null"));
      }
      return this;
    }

    /** Largest request body accepted. Default 1 MB. */
    public Builder maxRequestBytes(long bytes) {
      s.maxRequestBytes = bytes;
      return this;
    }

    /** The base clock (tests pass a fixed one). Default: system UTC. */
    public Builder clock(Clock clock) {
      s.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Builds the emulator; call {@link KrrLocal#start()} to serve. */
    public KrrLocal build() {
      return new KrrLocal(s);
    }
  }
}
