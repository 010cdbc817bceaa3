package io.krrkit.local;

import io.javalin.Javalin;
import io.krrkit.core.OrgNumber;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.Settings;
import io.krrkit.local.internal.Wiring;
import io.krrkit.local.internal.certificate.Pem;
import io.krrkit.local.internal.client.AdminCredential;
import io.krrkit.local.internal.http.BoundConnector;
import io.krrkit.local.internal.http.HttpLimits;
import io.krrkit.local.internal.http.RequestGuards;
import io.krrkit.local.internal.journal.JournalRing;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import io.krrkit.local.internal.maskinporten.AccessRules;
import io.krrkit.local.internal.signing.RsaKeyPool;
import io.krrkit.local.internal.state.ImportMode;
import io.krrkit.local.internal.state.StateFiles;
import io.krrkit.local.internal.store.Database;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * krr-local: Maskinporten, the self-service API and web page, the KRR lookup API and ID-porten on
 * one port, each under its own path prefix, backed by one store. {@link Wiring} puts it together.
 *
 * <pre>{@code
 * try (KrrLocal krr = KrrLocal.builder().port(0).ephemeral().build().start()) {
 *   String issuer = krr.maskinportenIssuer(); // http://localhost:PORT/maskinporten/
 *   Bootstrap b = krr.bootstrap();            // a self-service client ready to use
 *   krr.controls().clock().advance(Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public final class KrrLocal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KrrLocal.class);

  /** Default port, as documented. */
  public static final int DEFAULT_PORT = 7070;

  /** Size of the synthetic population by default: about Norway's inhabitants. */
  public static final int DEFAULT_POPULATION = 5_500_000;

  /** Default organisation of the bootstrap self-service client. */
  public static final OrgNumber DEFAULT_ORG = OrgNumber.of("310000027");

  static {
    Internals.install(KrrLocal::wiring);
  }

  private final Settings settings;
  private final Path init;
  private final OffsetClock clock;
  private Running running;

  /** What a started emulator holds; released together by {@link #close()}. */
  private record Running(Database database, Wiring wiring, Javalin app, String baseUrl) {}

  private KrrLocal(Settings settings, Path init) {
    this.settings = settings;
    this.init = init;
    this.clock = new OffsetClock(settings.clock());
  }

  /** A builder with the documented defaults (port 7070, H2 in ~/.krr-local). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port, opens the store (seeding it when empty) and starts serving. Returns {@code
   * this}. When anything fails, everything opened so far is released before the exception leaves.
   *
   * @throws IllegalStateException when already started, or the port cannot be bound
   * @throws DamagedStoreException when the H2 store file exists but is damaged (never replaced)
   * @throws IllegalArgumentException when the {@link Builder#init} files cannot be imported, naming
   *     each problem's file and line (then nothing of them was imported)
   */
  public synchronized KrrLocal start() {
    if (running != null) {
      throw new IllegalStateException("already started");
    }
    if (settings.ephemeral()) {
      // A new store needs keys: they are generated on another core while the store and routes load.
      RsaKeyPool.shared().refill();
    }
    ServerSocketChannel channel = BoundConnector.bind(settings.host(), settings.port());
    Database database = null;
    Javalin app = null;
    try {
      int port = channel.socket().getLocalPort();
      String baseUrl =
          settings.publicUrl() != null
              ? stripSlash(settings.publicUrl())
              : "http://localhost:" + port;
      database = openDatabase();
      Wiring wiring = new Wiring(database, clock, baseUrl, settings);
      if (init != null) {
        Map<String, Integer> loaded =
            wiring.stateArchive.load(StateFiles.read(init), ImportMode.MERGE);
        log.info("krr-local state loaded from {} (merged): {}", init, loaded);
      }
      app =
          Javalin.create(
              config -> {
                config.startup.showJavalinBanner = false;
                HttpLimits.apply(config, settings.maxRequestBytes());
                config.jetty.addConnector(
                    (server, http) -> new BoundConnector(server, http, channel));
                wiring.routes(config);
              });
      app.start();
      running = new Running(database, wiring, app, baseUrl);
      log.info("krr-local listening on {} (store: {})", baseUrl, settings.describeStore());
      return this;
    } catch (RuntimeException | Error e) {
      if (app != null) {
        app.stop();
      }
      if (database != null) {
        database.close();
      }
      BoundConnector.closeQuietly(channel);
      throw e;
    }
  }

  /** Stops serving and closes the store. Does nothing when not started. */
  @Override
  public synchronized void close() {
    Running r = running;
    running = null;
    if (r != null) {
      try {
        // Held and delayed requests end now rather than hold the server's threads.
        r.wiring().faults.clear();
        r.app().stop();
      } finally {
        r.database().close();
      }
    }
  }

  /** {@code http://localhost:PORT} (or the public URL given to the builder). */
  public String baseUrl() {
    return started().baseUrl();
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

  /**
   * The self-service admin client of the emulator's organisation ({@link Builder#orgNumber}), with
   * its private key: the way in to the self-service API. The same after a restart on a file or
   * shared database.
   */
  public Bootstrap bootstrap() {
    AdminCredential admin = started().wiring().adminCredential;
    return new Bootstrap(
        maskinportenIssuer(),
        settings.orgNumber().value(),
        admin.clientId(),
        admin.kid(),
        admin.privateJwk());
  }

  /**
   * In-process control of the running emulator, for tests and embedding: its clock, test clients
   * and keys, the register, tokens and test certificates.
   */
  public Controls controls() {
    return new Controls(started().wiring(), clock);
  }

  /** The emulator's clock; tests and the operator API move it. */
  public OffsetClock clock() {
    return clock;
  }

  private Wiring wiring() {
    return started().wiring();
  }

  private Running started() {
    Running r = running;
    if (r == null) {
      throw new IllegalStateException("not started");
    }
    return r;
  }

  private Database openDatabase() {
    if (settings.jdbcUrl() != null) {
      return Database.connect(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
    }
    if (settings.ephemeral()) {
      return Database.h2InMemory();
    }
    return Database.h2File(settings.dataDir());
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Configures an emulator. Unset values keep the documented defaults. */
  public static final class Builder {
    private final Draft s = new Draft();

    private Builder() {}

    /** The builder's values; {@link #build()} checks and freezes them into {@link Settings}. */
    private static final class Draft {
      int port = DEFAULT_PORT;
      String host = "127.0.0.1";
      String publicUrl;
      Path dataDir;
      boolean ephemeral;
      String jdbcUrl;
      String jdbcUser;
      String jdbcPassword;
      OrgNumber orgNumber = DEFAULT_ORG;
      int seedPersons = DEFAULT_POPULATION;
      long seed = 1L;
      int signingKeySize = 2048;
      long maxRequestBytes = 1_000_000L;
      boolean adminApi;
      String operatorToken;
      final List<String> allowedHosts = new ArrayList<>();
      final List<X509Certificate> trustAnchors = new ArrayList<>();
      String delegationSource = AccessRules.DEFAULT_DELEGATION_SOURCE;
      Clock clock = Clock.systemUTC();
      int journalSize = JournalRing.DEFAULT_CAPACITY;
      Path init;
    }

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

    /**
     * Size of the synthetic population an empty register computes beside the known persons (persons
     * registered or not: about 85 % are in KRR), 0..10 000 000. Default 5 500 000, about Norway's.
     * The persons are computed, not stored, so the size costs no start time or store.
     */
    public Builder seedPersons(int count) {
      if (count < 0 || count > SyntheticRegister.MAX_POPULATION) {
        throw new IllegalArgumentException(
            "seedPersons must be 0.." + SyntheticRegister.MAX_POPULATION + ", was " + count);
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
     * Serves the operator API under {@code /admin} (clock, register, access, certificates). Off by
     * default. Without an {@link #operatorToken} it answers loopback callers only, and {@link
     * #build()} refuses a non-loopback {@link #host}.
     */
    public Builder adminApi(boolean enabled) {
      s.adminApi = enabled;
      return this;
    }

    /**
     * The secret every operator API call must send as {@code Authorization: Bearer <token>} (at
     * least 16 characters); with it the operator API may listen beyond loopback.
     */
    public Builder operatorToken(String token) {
      s.operatorToken = RequestGuards.checkToken(Objects.requireNonNull(token, "token == null"));
      return this;
    }

    /**
     * Host names browsers may reach the operator API and the web page by, besides loopback names,
     * the {@link #publicUrl}'s host and the bound {@link #host}; other {@code Host} headers (DNS
     * rebinding) are refused there. Repeatable.
     */
    public Builder allowedHosts(String... hosts) {
      for (String host : hosts) {
        s.allowedHosts.add(Objects.requireNonNull(host, "host == null"));
      }
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
      if (bytes < 1) {
        throw new IllegalArgumentException("maxRequestBytes must be >= 1, was " + bytes);
      }
      s.maxRequestBytes = bytes;
      return this;
    }

    /**
     * How many requests the request journal keeps ({@link Controls#journal()}, {@code GET
     * /admin/journal}), 1 to 100000; the oldest are forgotten. Default 1000.
     */
    public Builder journalSize(int requests) {
      s.journalSize = JournalRing.checkCapacity(requests);
      return this;
    }

    /** The base clock (tests pass a fixed one). Default: system UTC. */
    public Builder clock(Clock clock) {
      s.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Loads the state files in {@code dir} (clients.json, keys.json, scopes.json, access.json,
     * delegations.json, persons.json; docs/testing.md#state-seed-export-import) at every start,
     * merged into the store in one transaction: an item already stored as the file has it is left
     * alone, so starting twice on one store gives the same state, without duplicates. A problem in
     * the files fails {@link KrrLocal#start()} naming its file and line, and nothing is loaded.
     */
    public Builder init(Path dir) {
      s.init = Objects.requireNonNull(dir, "dir == null");
      return this;
    }

    /**
     * Builds the emulator; call {@link KrrLocal#start()} to serve. The emulator keeps a frozen copy
     * of this builder's values: later changes to the builder do not reach it.
     *
     * @throws IllegalStateException when options conflict: more than one store ({@link
     *     #ephemeral()}, {@link #jdbc}, {@link #dataDir})
     * @throws IllegalArgumentException when the operator API would listen beyond loopback without
     *     an operator token
     */
    public KrrLocal build() {
      RequestGuards.checkExposure(s.host, s.adminApi, s.operatorToken);
      int stores =
          (s.ephemeral ? 1 : 0) + (s.jdbcUrl != null ? 1 : 0) + (s.dataDir != null ? 1 : 0);
      if (stores > 1) {
        throw new IllegalStateException(
            "choose one store: ephemeral(), jdbc(...) or dataDir(...), not "
                + (s.ephemeral ? "ephemeral() " : "")
                + (s.jdbcUrl != null ? "jdbc(...) " : "")
                + (s.dataDir != null ? "dataDir(...)" : "").trim());
      }
      Path dataDir =
          s.dataDir != null ? s.dataDir : Path.of(System.getProperty("user.home"), ".krr-local");
      return new KrrLocal(
          new Settings(
              s.port,
              s.host,
              s.publicUrl,
              dataDir,
              s.ephemeral,
              s.jdbcUrl,
              s.jdbcUser,
              s.jdbcPassword,
              s.orgNumber,
              s.seedPersons,
              s.seed,
              s.signingKeySize,
              s.maxRequestBytes,
              s.adminApi,
              s.trustAnchors,
              s.delegationSource,
              s.clock,
              s.operatorToken,
              s.allowedHosts,
              s.journalSize),
          s.init);
    }
  }
}
