package io.krrkit.local.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.client.jdbc.JdbcClientKeyRepository;
import io.krrkit.local.internal.client.jdbc.JdbcClientRepository;
import io.krrkit.local.internal.client.jdbc.JdbcOnBehalfOfRepository;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.Jdbc;
import io.krrkit.local.internal.store.StoreEngine;
import io.krrkit.local.internal.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Clients, their keys and on-behalf-of registrations in the store, on each engine. */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class JdbcClientStoreTest {
  private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
  private static final OrgNumber ORG = OrgNumber.of("991825827");

  private static Database database;

  @Parameter StoreEngine engine;

  private ClientRepository clients;
  private ClientKeyRepository keys;
  private OnBehalfOfRepository onBehalfOf;

  @BeforeParameterizedClassInvocation
  static void openStore(StoreEngine engine) {
    database = engine.open();
  }

  @AfterParameterizedClassInvocation
  static void closeStore() {
    database.close();
  }

  @BeforeEach
  void repositories() {
    Jdbc jdbc = new Jdbc(database.dataSource());
    clients = new JdbcClientRepository(jdbc);
    keys = new JdbcClientKeyRepository(jdbc);
    onBehalfOf = new JdbcOnBehalfOfRepository(jdbc);
  }

  @Test
  void readsBackAClientAndItsUpdate() {
    RegisteredClient client = client(ORG, "first name");
    clients.save(client);
    RegisteredClient renamed = client(client.clientId(), ORG, "second name");
    clients.save(renamed);

    assertThat(clients.findById(client.clientId())).contains(renamed);
    assertThat(clients.findByOwner(ORG)).contains(renamed).doesNotContain(client);
  }

  @Test
  void refusesAKidAnotherClientHoldsAndKeepsTheKeysItHad() {
    RegisteredClient a = saved();
    RegisteredClient b = saved();
    ClientKey taken = key(a, "kid-" + UUID.randomUUID());
    ClientKey own = key(b, "kid-" + UUID.randomUUID());
    keys.replaceAll(a.clientId(), List.of(taken));
    keys.replaceAll(b.clientId(), List.of(own));

    assertThatThrownBy(
            () -> keys.replaceAll(b.clientId(), List.of(key(b, "kid-other"), key(b, taken.kid()))))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isDuplicateKey()).isTrue());
    assertThat(keys.findByClient(b.clientId())).containsExactly(own);
    assertThat(keys.findByKid(taken.kid())).contains(taken);
  }

  @Test
  void changesKeysFromTheSetHeldAndNotForAMissingClient() {
    RegisteredClient client = saved();
    ClientKey first = key(client, "kid-" + UUID.randomUUID());
    ClientKey second = key(client, "kid-" + UUID.randomUUID());
    keys.replaceAll(client.clientId(), List.of(first));

    Optional<List<ClientKey>> changed =
        keys.change(
            client.clientId(), held -> Stream.concat(held.stream(), Stream.of(second)).toList());
    Optional<List<ClientKey>> missing = keys.change("no-such-client", held -> List.of(second));

    assertThat(changed).contains(List.of(first, second));
    assertThat(keys.findByClient(client.clientId())).containsExactlyInAnyOrder(first, second);
    assertThat(missing).isEmpty();
  }

  @Test
  void deletingAClientDeletesItsKeysAndOnBehalfOfRegistrations() {
    RegisteredClient client = saved();
    ClientKey key = key(client, "kid-" + UUID.randomUUID());
    keys.replaceAll(client.clientId(), List.of(key));
    onBehalfOf.insert(registration(client, "customer-1"));

    assertThat(clients.delete(client.clientId())).isTrue();

    assertThat(clients.findById(client.clientId())).isEmpty();
    assertThat(keys.findByKid(key.kid())).isEmpty();
    assertThat(onBehalfOf.findByClient(client.clientId())).isEmpty();
  }

  @Test
  void refusesAnOnBehalfOfIdTwicePerClientButNotAcrossClients() {
    RegisteredClient a = saved();
    RegisteredClient b = saved();

    assertThat(onBehalfOf.insert(registration(a, "customer-1"))).isTrue();
    assertThat(onBehalfOf.insert(registration(a, "customer-1"))).isFalse();
    assertThat(onBehalfOf.insert(registration(b, "customer-1"))).isTrue();
    assertThat(onBehalfOf.find(a.clientId(), "customer-1")).isPresent();
  }

  private RegisteredClient saved() {
    RegisteredClient client = client(ORG, "test client");
    clients.save(client);
    return client;
  }

  private static RegisteredClient client(OrgNumber org, String name) {
    return client(UUID.randomUUID().toString(), org, name);
  }

  private static RegisteredClient client(String clientId, OrgNumber org, String name) {
    return new RegisteredClient(
        clientId,
        org,
        null,
        IntegrationType.MASKINPORTEN,
        name,
        "a description",
        null,
        ClientPolicy.WEB,
        ClientPolicy.PRIVATE_KEY_JWT,
        List.of(ClientPolicy.JWT_BEARER),
        Set.of(Scope.KRR_KONTAKTINFORMASJON_READ),
        List.of(),
        List.of(),
        120,
        0,
        0,
        null,
        false,
        null,
        true,
        NOW,
        NOW);
  }

  private static ClientKey key(RegisteredClient client, String kid) {
    return new ClientKey(
        client.clientId(),
        kid,
        "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\"}",
        NOW,
        NOW.plus(Duration.ofDays(365)));
  }

  private static OnBehalfOf registration(RegisteredClient client, String id) {
    return new OnBehalfOf(
        client.clientId(), id, OrgNumber.of("910753614"), "Customer", null, null, NOW, NOW);
  }
}
