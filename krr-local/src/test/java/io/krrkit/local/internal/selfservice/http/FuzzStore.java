package io.krrkit.local.internal.selfservice.http;

import io.krrkit.core.OrgNumber;
import io.krrkit.local.OffsetClock;
import io.krrkit.local.internal.access.ScopeRegistry;
import io.krrkit.local.internal.access.jdbc.JdbcScopeAccessRepository;
import io.krrkit.local.internal.access.jdbc.JdbcScopeRepository;
import io.krrkit.local.internal.cache.ChangeCounter;
import io.krrkit.local.internal.client.ClientDraft;
import io.krrkit.local.internal.client.ClientRegistry;
import io.krrkit.local.internal.client.OnBehalfOfRegistry;
import io.krrkit.local.internal.client.jdbc.JdbcClientKeyRepository;
import io.krrkit.local.internal.client.jdbc.JdbcClientRepository;
import io.krrkit.local.internal.client.jdbc.JdbcOnBehalfOfRepository;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The registries behind the self-service API on one in-memory H2 store, for the fuzz targets: the
 * JSON a caller sends goes through the same parsing and rules as over HTTP, without the socket.
 */
final class FuzzStore {
  static final OrgNumber ORG = OrgNumber.of("991825827");
  static final SelfServiceJson JSON = new SelfServiceJson();
  static final ClientRegistry CLIENTS;
  static final OnBehalfOfRegistry ON_BEHALF_OF;
  static final ScopeRegistry SCOPES;
  static final String CLIENT_ID;

  static {
    Jdbc jdbc = new Jdbc(Database.h2InMemory().dataSource());
    Clock clock =
        new OffsetClock(Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC));
    ChangeCounter changes = new ChangeCounter();
    SCOPES =
        new ScopeRegistry(
            new JdbcScopeRepository(jdbc, changes),
            new JdbcScopeAccessRepository(jdbc, changes),
            ORG,
            clock,
            changes,
            Clock.systemUTC());
    SCOPES.seedBuiltIns();
    CLIENTS =
        new ClientRegistry(
            new JdbcClientRepository(jdbc), new JdbcClientKeyRepository(jdbc), clock, SCOPES);
    ON_BEHALF_OF = new OnBehalfOfRegistry(CLIENTS, new JdbcOnBehalfOfRepository(jdbc), clock);
    CLIENT_ID =
        CLIENTS
            .create(
                ORG,
                new ClientDraft(
                    null,
                    null,
                    "maskinporten",
                    "fuzz",
                    "fuzz",
                    null,
                    null,
                    null,
                    null,
                    List.of("idporten:dcr.read"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
            .clientId();
  }

  private FuzzStore() {}
}
