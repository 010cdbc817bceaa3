package io.krrkit.local.internal;

import io.javalin.config.JavalinConfig;
import io.krrkit.core.OrgNumber;
import io.krrkit.local.FaultEndpoint;
import io.krrkit.local.OffsetClock;
import io.krrkit.local.internal.access.DelegationRegistry;
import io.krrkit.local.internal.access.ScopeAccess;
import io.krrkit.local.internal.access.ScopeRegistry;
import io.krrkit.local.internal.access.jdbc.JdbcDelegationRepository;
import io.krrkit.local.internal.access.jdbc.JdbcScopeAccessRepository;
import io.krrkit.local.internal.access.jdbc.JdbcScopeRepository;
import io.krrkit.local.internal.admin.http.AccessAdminRoutes;
import io.krrkit.local.internal.admin.http.AdminErrors;
import io.krrkit.local.internal.admin.http.AltinnAdminRoutes;
import io.krrkit.local.internal.admin.http.CertificateAdminRoutes;
import io.krrkit.local.internal.admin.http.ClockAdminRoutes;
import io.krrkit.local.internal.admin.http.FaultAdminRoutes;
import io.krrkit.local.internal.admin.http.JournalAdminRoutes;
import io.krrkit.local.internal.admin.http.PersonAdminRoutes;
import io.krrkit.local.internal.admin.http.SigningKeyAdminRoutes;
import io.krrkit.local.internal.admin.http.StateAdminRoutes;
import io.krrkit.local.internal.altinn.AltinnRegister;
import io.krrkit.local.internal.altinn.jdbc.JdbcConsentRepository;
import io.krrkit.local.internal.altinn.jdbc.JdbcSystemUserRepository;
import io.krrkit.local.internal.cache.ChangeCounter;
import io.krrkit.local.internal.certificate.EnterpriseCertificates;
import io.krrkit.local.internal.certificate.jdbc.JdbcCertificateAuthorityRepository;
import io.krrkit.local.internal.client.AdminClientBootstrap;
import io.krrkit.local.internal.client.AdminCredential;
import io.krrkit.local.internal.client.ClientKeyRepository;
import io.krrkit.local.internal.client.ClientRegistry;
import io.krrkit.local.internal.client.ClientRepository;
import io.krrkit.local.internal.client.ClientSecrets;
import io.krrkit.local.internal.client.KeyRing;
import io.krrkit.local.internal.client.OnBehalfOfRegistry;
import io.krrkit.local.internal.client.OnBehalfOfRepository;
import io.krrkit.local.internal.client.jdbc.JdbcAdminCredentialRepository;
import io.krrkit.local.internal.client.jdbc.JdbcClientKeyRepository;
import io.krrkit.local.internal.client.jdbc.JdbcClientRepository;
import io.krrkit.local.internal.client.jdbc.JdbcClientSecretRepository;
import io.krrkit.local.internal.client.jdbc.JdbcOnBehalfOfRepository;
import io.krrkit.local.internal.fault.FaultRules;
import io.krrkit.local.internal.fault.http.FaultInjector;
import io.krrkit.local.internal.http.ErrorPath;
import io.krrkit.local.internal.http.HealthRoutes;
import io.krrkit.local.internal.http.RequestGuards;
import io.krrkit.local.internal.idporten.ClientAuthenticator;
import io.krrkit.local.internal.idporten.IdportenService;
import io.krrkit.local.internal.idporten.TokenMinter;
import io.krrkit.local.internal.idporten.UserTokenVerifier;
import io.krrkit.local.internal.idporten.http.IdportenRoutes;
import io.krrkit.local.internal.idporten.jdbc.JdbcAuthorizationCodeRepository;
import io.krrkit.local.internal.idporten.jdbc.JdbcIssuedTokenRepository;
import io.krrkit.local.internal.idporten.jdbc.JdbcPushedRequestRepository;
import io.krrkit.local.internal.idporten.jdbc.JdbcRefreshTokenRepository;
import io.krrkit.local.internal.idporten.jdbc.JdbcSsoSessionRepository;
import io.krrkit.local.internal.journal.JournalRing;
import io.krrkit.local.internal.journal.http.JournalRecorder;
import io.krrkit.local.internal.krr.OwnRecord;
import io.krrkit.local.internal.krr.PersonDirectory;
import io.krrkit.local.internal.krr.Register;
import io.krrkit.local.internal.krr.http.KrrRoutes;
import io.krrkit.local.internal.krr.http.PersonRoutes;
import io.krrkit.local.internal.krr.jdbc.JdbcPersonDirectory;
import io.krrkit.local.internal.krr.jdbc.JdbcPersonRepository;
import io.krrkit.local.internal.krr.synthetic.RegisterSeeder;
import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.krr.synthetic.SyntheticPopulation;
import io.krrkit.local.internal.maskinporten.AccessRules;
import io.krrkit.local.internal.maskinporten.AccessTokenMinter;
import io.krrkit.local.internal.maskinporten.AccessTokenVerifier;
import io.krrkit.local.internal.maskinporten.AuthorizationDetailsResolver;
import io.krrkit.local.internal.maskinporten.CertificateGrantVerifier;
import io.krrkit.local.internal.maskinporten.GrantAuthenticator;
import io.krrkit.local.internal.maskinporten.GrantAuthorizer;
import io.krrkit.local.internal.maskinporten.JwtAccessTokenVerifier;
import io.krrkit.local.internal.maskinporten.ReplayGuard;
import io.krrkit.local.internal.maskinporten.TokenService;
import io.krrkit.local.internal.maskinporten.http.MaskinportenRoutes;
import io.krrkit.local.internal.maskinporten.jdbc.JdbcUsedGrantRepository;
import io.krrkit.local.internal.selfservice.http.SelfServiceRoutes;
import io.krrkit.local.internal.signing.SigningKeys;
import io.krrkit.local.internal.signing.jdbc.JdbcSigningKeyRepository;
import io.krrkit.local.internal.state.EmulatorState;
import io.krrkit.local.internal.state.Transaction;
import io.krrkit.local.internal.state.json.StateArchive;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.web.Organisations;
import io.krrkit.local.internal.web.SessionSecrets;
import io.krrkit.local.internal.web.http.WebRoutes;
import io.krrkit.local.internal.web.jdbc.JdbcOrganisationNames;
import io.krrkit.local.internal.web.jdbc.JdbcSessionSecrets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The one place krr-local is put together (used by {@link io.krrkit.local.KrrLocal}): every store
 * and service is built here, once, from the database, the clock and the settings, and handed to the
 * features that need it through their constructors. No feature builds its own parts or reads
 * another feature's tables; {@link #routes} registers every feature's routes in one table.
 */
public final class Wiring {
  // ID-porten's tokens live longer than Maskinporten's; its key stays published an hour.
  private static final Duration ID_PORTEN_KEY_RETENTION = Duration.ofHours(1);

  private final Settings settings;
  private final OffsetClock clock;
  private final String baseUrl;
  private final BooleanSupplier storeReady;

  // --- clients, keys, on-behalf-of ---
  public final ClientRepository clients;
  public final ClientKeyRepository clientKeys;
  public final ClientRegistry clientRegistry;
  public final KeyRing keyRing;
  public final OnBehalfOfRegistry onBehalfOfRegistry;
  public final AdminCredential adminCredential;
  // --- scope access and delegations ---
  public final ScopeRegistry scopeRegistry;
  public final DelegationRegistry delegationRegistry;
  // --- Altinn's system users and consents (authorization_details) ---
  public final AltinnRegister altinn;
  // --- enterprise certificates (test CA) ---
  public final EnterpriseCertificates certificates;
  // --- maskinporten ---
  public final String maskinportenIssuer;
  public final SigningKeys signingKeys;
  public final TokenService tokenService;
  public final AccessTokenVerifier tokenVerifier;
  // --- the store, for the project's tests and benchmarks (its query count) ---
  public final Jdbc jdbc;
  // --- KRR register ---
  public final Register register;
  public final RegisterSeeder seeder;
  public final PersonDirectory persons;
  // --- ID-porten ---
  public final String idportenIssuer;
  public final SigningKeys idportenKey;
  public final IdportenService idporten;
  public final UserTokenVerifier userTokenVerifier;
  // --- KRR's signed answers to the person endpoint ---
  public final SigningKeys kontaktregisteretKey;
  // --- the self-service web page ---
  public final Organisations organisations;
  public final SessionSecrets sessionSecrets;
  // --- the state as a whole: reset, import, export ---
  public final EmulatorState state;
  // --- the request journal (in memory) ---
  public final JournalRing journal;
  // --- fault injection (in memory) ---
  public final FaultRules faults;
  public final StateArchive stateArchive;

  /** Builds every store and service on {@code database}. */
  public Wiring(Database database, OffsetClock clock, String baseUrl, Settings settings) {
    this.settings = settings;
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.storeReady = database::isReady;
    Jdbc jdbc = database.jdbc();
    this.jdbc = jdbc;
    // --- the rows every token request reads (clients, keys, scopes, access), cached up to 1 s ---
    // Their repositories count each write, and so does every transaction across features when it
    // commits, so a cached row written through this node is read again by the next request. The
    // age is real time: the emulator's clock may stand still or jump.
    ChangeCounter tokenRows = new ChangeCounter();
    Clock cacheClock = Clock.systemUTC();
    Transaction atomically =
        new Transaction() {
          @Override
          public <T> T atomically(Supplier<T> work) {
            try {
              return jdbc.atomically(work);
            } finally {
              tokenRows.changed();
            }
          }
        };
    // --- clients, scope access, delegations, on-behalf-of ---
    this.clients = new JdbcClientRepository(jdbc, tokenRows);
    this.clientKeys = new JdbcClientKeyRepository(jdbc, tokenRows);
    this.scopeRegistry =
        new ScopeRegistry(
            new JdbcScopeRepository(jdbc, tokenRows),
            new JdbcScopeAccessRepository(jdbc, tokenRows),
            settings.orgNumber(),
            clock,
            tokenRows,
            cacheClock);
    scopeRegistry.seedBuiltIns();
    this.delegationRegistry = new DelegationRegistry(new JdbcDelegationRepository(jdbc), clock);
    this.altinn =
        new AltinnRegister(
            new JdbcSystemUserRepository(jdbc), new JdbcConsentRepository(jdbc), clock);
    OnBehalfOfRepository onBehalfOf = new JdbcOnBehalfOfRepository(jdbc);
    this.clientRegistry =
        new ClientRegistry(
            clients,
            clientKeys,
            clock,
            scopeRegistry,
            new ClientSecrets(new JdbcClientSecretRepository(jdbc), clock));
    this.keyRing = new KeyRing(clientRegistry, clientKeys, clock);
    this.onBehalfOfRegistry = new OnBehalfOfRegistry(clientRegistry, onBehalfOf, clock);
    this.adminCredential =
        new AdminClientBootstrap(
                clients, clientKeys, new JdbcAdminCredentialRepository(jdbc, clock), clock)
            .ensure(settings.orgNumber());
    // --- enterprise certificates (test CA) ---
    this.certificates =
        new EnterpriseCertificates(
            new JdbcCertificateAuthorityRepository(jdbc), clock, settings.trustAnchors());
    // --- maskinporten (issuer {base}/maskinporten/) ---
    this.maskinportenIssuer = baseUrl + MaskinportenRoutes.PREFIX + "/";
    this.signingKeys =
        SigningKeys.loadOrCreate(
            new JdbcSigningKeyRepository(jdbc, "maskinporten"),
            settings.signingKeySize(),
            AccessTokenMinter.KEY_RETENTION,
            clock);
    this.tokenService =
        new TokenService(
            maskinportenIssuer,
            clock,
            new GrantAuthenticator(
                clients,
                clientKeys,
                new CertificateGrantVerifier(certificates.validator()),
                tokenRows,
                cacheClock),
            new ReplayGuard(new JdbcUsedGrantRepository(jdbc), clock),
            new GrantAuthorizer(
                new AccessRules(
                    scopeRegistry, delegationRegistry, onBehalfOf, settings.delegationSource())),
            new AuthorizationDetailsResolver(altinn),
            new AccessTokenMinter(maskinportenIssuer, signingKeys));
    this.tokenVerifier = new JwtAccessTokenVerifier(maskinportenIssuer, signingKeys, clock);
    // --- KRR register and its synthetic persons ---
    this.register =
        new Register(
            new JdbcPersonRepository(jdbc), clock, SyntheticPopulation.with(Shares.DEFAULT));
    this.seeder = new RegisterSeeder(register, clock);
    seeder.seedIfEmpty(settings.seedPersons(), settings.seed());
    this.persons = new JdbcPersonDirectory(jdbc, register);
    this.kontaktregisteretKey =
        SigningKeys.onFirstUse(
            new JdbcSigningKeyRepository(jdbc, "kontaktregisteret"),
            settings.signingKeySize(),
            AccessTokenMinter.KEY_RETENTION,
            clock);
    // --- ID-porten (issuer {base}/idporten) ---
    this.idportenIssuer = baseUrl + IdportenRoutes.PREFIX;
    this.idportenKey =
        SigningKeys.onFirstUse(
            new JdbcSigningKeyRepository(jdbc, "idporten"),
            SigningKeys.DEFAULT_KEY_SIZE,
            ID_PORTEN_KEY_RETENTION,
            clock);
    this.idporten =
        new IdportenService(
            idportenIssuer,
            clock,
            new ClientAuthenticator(clients, clientKeys, clientRegistry.secrets(), idportenIssuer),
            new IdportenService.Stores(
                new JdbcAuthorizationCodeRepository(jdbc),
                new JdbcRefreshTokenRepository(jdbc),
                new JdbcIssuedTokenRepository(jdbc),
                new JdbcPushedRequestRepository(jdbc),
                new JdbcSsoSessionRepository(jdbc)),
            new TokenMinter(idportenIssuer, idportenKey));
    this.userTokenVerifier = new UserTokenVerifier(idportenIssuer, idportenKey, clock);
    // --- the self-service web page's own tables ---
    this.organisations =
        new Organisations(
            this::knownOrganisations,
            new JdbcOrganisationNames(jdbc, clock),
            settings.orgNumber(),
            Map.of(ScopeRegistry.DIGDIR, "Digitaliseringsdirektoratet"));
    this.sessionSecrets = new JdbcSessionSecrets(jdbc, new SecureRandom(), clock);
    // --- the state as a whole, changed through the registries above in one transaction ---
    this.state =
        new EmulatorState(
            atomically,
            clientRegistry,
            adminCredential.clientId(),
            scopeRegistry,
            delegationRegistry,
            altinn,
            () -> seeder.restore(settings.seedPersons(), settings.seed()),
            clock);
    // --- the request journal, emptied by a reset ---
    this.journal = new JournalRing(settings.journalSize());
    state.alsoReset(journal::clear);
    // --- the fault rules, dropped by a reset ---
    this.faults = new FaultRules(clock);
    state.alsoReset(faults::clear);
    // --- the state as files (export, import, init), through the registries above ---
    this.stateArchive =
        new StateArchive(
            atomically,
            state,
            clientRegistry,
            onBehalfOfRegistry,
            scopeRegistry,
            delegationRegistry,
            altinn,
            register,
            adminCredential.clientId(),
            Map.of(
                "maskinporten", new JdbcSigningKeyRepository(jdbc, "maskinporten"),
                "idporten", new JdbcSigningKeyRepository(jdbc, "idporten"),
                "kontaktregisteret", new JdbcSigningKeyRepository(jdbc, "kontaktregisteret")),
            clock);
  }

  /** The client store. */
  public ClientRepository clients() {
    return clients;
  }

  /** The client key store. */
  public ClientKeyRepository clientKeys() {
    return clientKeys;
  }

  /** The KRR register. */
  public Register register() {
    return register;
  }

  /** The test CA. */
  public EnterpriseCertificates certificates() {
    return certificates;
  }

  /** Verifies this emulator's Maskinporten tokens. */
  public AccessTokenVerifier tokenVerifier() {
    return tokenVerifier;
  }

  /** Registers every service's routes and the one error path in front of them. */
  public void routes(JavalinConfig config) {
    // First, so the guards' refusals are recorded and timed too.
    new JournalRecorder(journal, clock).register(config.routes);
    new RequestGuards(
            settings.operatorToken(),
            settings.publicUrl(),
            settings.host(),
            settings.allowedHosts())
        .register(config.routes);
    // --- /health and /ready, for scripts and health checks ---
    new HealthRoutes(storeReady).register(config.routes);
    // --- operator API ({base}/admin), off unless enabled ---
    if (settings.adminApi()) {
      new ClockAdminRoutes(clock).register(config.routes);
      new PersonAdminRoutes(register, seeder).register(config.routes);
      new CertificateAdminRoutes(certificates).register(config.routes);
      new AccessAdminRoutes(scopeRegistry, delegationRegistry).register(config.routes);
      new AltinnAdminRoutes(altinn).register(config.routes);
      new SigningKeyAdminRoutes(signingKeys).register(config.routes);
      new StateAdminRoutes(state, stateArchive).register(config.routes);
      new JournalAdminRoutes(journal).register(config.routes);
      new FaultAdminRoutes(faults).register(config.routes);
    }
    // --- maskinporten (issuer {base}/maskinporten/) ---
    MaskinportenRoutes maskinporten =
        new MaskinportenRoutes(maskinportenIssuer, signingKeys, tokenService);
    maskinporten.register(config.routes);
    // --- self-service API ({base}/selvbetjening/api/v1) ---
    SelfServiceRoutes selfService =
        new SelfServiceRoutes(
            clientRegistry,
            onBehalfOfRegistry,
            scopeRegistry,
            settings.delegationSource(),
            tokenVerifier,
            clock);
    selfService.register(config.routes);
    // --- KRR lookup ({base}/kontaktregisteret) ---
    KrrRoutes krr = new KrrRoutes(register, tokenVerifier, clock);
    krr.register(config.routes);
    // --- ID-porten ({base}/idporten) and the user's own record ({base}/kontaktregisteret) ---
    IdportenRoutes idportenRoutes =
        new IdportenRoutes(
            idportenIssuer, idporten, idportenKey, userTokenVerifier, clients, persons);
    idportenRoutes.register(config.routes);
    new PersonRoutes(
            new OwnRecord(register, clock), userTokenVerifier, tokenVerifier, kontaktregisteretKey)
        .register(config.routes);
    // --- self-service web page "Min side" ({base}/) ---
    WebRoutes web =
        new WebRoutes(
            clientRegistry,
            keyRing,
            onBehalfOfRegistry,
            scopeRegistry,
            persons,
            journal,
            organisations,
            sessionSecrets,
            clock,
            baseUrl);
    web.register(config);
    // --- fault injection: errors in the shape of the endpoint's service ---
    new FaultInjector(
            faults,
            Map.of(
                FaultEndpoint.TOKEN, maskinporten.errors(),
                FaultEndpoint.JWKS, maskinporten.errors(),
                FaultEndpoint.METADATA, maskinporten.errors(),
                FaultEndpoint.KRR_LOOKUP, krr.errors(),
                FaultEndpoint.KRR_CHANGES, krr.errors(),
                FaultEndpoint.SELFSERVICE, selfService.errors(),
                FaultEndpoint.IDPORTEN, idportenRoutes.errors()))
        .register(config.routes);
    // --- one error path: every error in the shape of the service that owns the path ---
    new ErrorPath(
            List.of(
                maskinporten.errors(),
                selfService.errors(),
                krr.errors(),
                idportenRoutes.errors(),
                new AdminErrors(settings.adminApi()),
                web.errors()))
        .register(config);
  }

  /** Client owners, scope owners and scope consumers: the organisations the log-in page offers. */
  private List<OrgNumber> knownOrganisations() {
    return Stream.concat(
            clientRegistry.owners().stream(),
            Stream.concat(
                scopeRegistry.scopes().stream().map(scope -> scope.owner()),
                scopeRegistry.accessList().stream().map(ScopeAccess::consumer)))
        .distinct()
        .toList();
  }
}
