package io.krrkit.local.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.local.OffsetClock;
import io.krrkit.local.internal.client.jdbc.JdbcClientKeyRepository;
import io.krrkit.local.internal.client.jdbc.JdbcClientRepository;
import io.krrkit.local.internal.store.Database;
import io.krrkit.local.internal.store.Jdbc;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The self-service rules of {@link ClientRegistry} on a real H2 store and a fixed clock. */
class ClientRegistryTest {
  private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
  private static final OrgNumber ORG = OrgNumber.of("991825827");
  private static final OrgNumber OTHER_ORG = OrgNumber.of("889640782");

  private Database database;
  private ClientKeyRepository keys;
  private ClientRegistry registry;

  @BeforeEach
  void openStore() {
    database = Database.h2InMemory();
    Jdbc jdbc = new Jdbc(database.dataSource());
    keys = new JdbcClientKeyRepository(jdbc);
    Clock clock = new OffsetClock(Clock.fixed(NOW, ZoneOffset.UTC));
    registry = new ClientRegistry(new JdbcClientRepository(jdbc), keys, clock);
  }

  @AfterEach
  void closeStore() {
    database.close();
  }

  @Test
  void setsKrrScopesAndMachineDefaultsForAKrrClient() {
    RegisteredClient client = registry.create(ORG, draft("krr", d -> {}));

    assertThat(client.scopes())
        .containsExactlyInAnyOrder(Scope.KRR_KONTAKTINFORMASJON_READ, Scope.KRR_DIGITALPOST_READ);
    assertThat(client.grantTypes()).containsExactly("urn:ietf:params:oauth:grant-type:jwt-bearer");
    assertThat(client.tokenEndpointAuthMethod()).isEqualTo("private_key_jwt");
    assertThat(client.applicationType()).isEqualTo("web");
    assertThat(client.orgNumber()).isEqualTo(ORG);
    assertThat(client.created()).isEqualTo(NOW);
    assertThat(UUID.fromString(client.clientId())).isNotNull();
  }

  @Test
  void refusesOtherScopesOnAKrrClient() {
    assertRefused(
        () -> registry.create(ORG, draft("krr", d -> d.scopes.add("difitest:api3"))), "scopes");
  }

  @Test
  void refusesKrrScopesOnAMaskinportenClient() {
    assertRefused(
        () ->
            registry.create(
                ORG,
                draft("maskinporten", d -> d.scopes.add("krr:global/kontaktinformasjon.read"))),
        "scopes");
  }

  @Test
  void collectsEveryFieldErrorOfARequest() {
    assertRefused(
        () ->
            registry.create(
                ORG,
                draft(
                    "maskinporten",
                    d -> {
                      d.scopes.add("Not A Scope");
                      d.applicationType = "browser";
                      d.accessTokenLifetime = -1;
                      d.clientOrgno = OTHER_ORG.value();
                    })),
        "scopes[0]",
        "scopes",
        "application_type",
        "access_token_lifetime",
        "client_orgno");
  }

  @Test
  void requiresRedirectUrisAndAKnownMethodForALoginClient() {
    assertRefused(
        () ->
            registry.create(
                ORG,
                draft(
                    "idporten",
                    d -> {
                      d.scopes.add("openid");
                      d.tokenEndpointAuthMethod = "client_secret_jwt";
                    })),
        "redirect_uris",
        "token_endpoint_auth_method");
  }

  @Test
  void aSecretMethodGetsASecretThatChecks() {
    ClientRegistry.WithSecret created =
        registry.createWithSecret(
            ORG,
            draft(
                "idporten",
                d -> {
                  d.scopes.add("openid");
                  d.redirectUris.add("https://app.example.no/cb");
                  d.tokenEndpointAuthMethod = "client_secret_post";
                }));
    String id = created.client().clientId();

    assertThat(created.clientSecret()).isNotBlank();
    assertThat(registry.secrets().check(id, created.clientSecret()))
        .isEqualTo(ClientSecrets.Check.VALID);
    assertThat(registry.secrets().check(id, "other")).isEqualTo(ClientSecrets.Check.WRONG);
  }

  @Test
  void acceptsANativeApiKlientLikeDigdirsExample() {
    RegisteredClient client =
        registry.create(
            ORG,
            draft(
                "api_klient",
                d -> {
                  d.applicationType = "native";
                  d.scopes.add("skatteetaten:skattemelding");
                  d.redirectUris.add("https://127.0.0.1:*/callback");
                  d.grantTypes = List.of("refresh_token", "authorization_code");
                  d.tokenEndpointAuthMethod = "none";
                }));

    assertThat(client.tokenEndpointAuthMethod()).isEqualTo("none");
    assertThat(client.grantTypes()).containsExactly("refresh_token", "authorization_code");
  }

  @Test
  void hidesAnotherOrganisationsClient() {
    String theirs = registry.create(OTHER_ORG, draft("krr", d -> {})).clientId();

    for (ThrowingCallable call :
        List.<ThrowingCallable>of(
            () -> registry.get(ORG, theirs),
            () -> registry.update(ORG, theirs, draft("krr", d -> {})),
            () -> registry.delete(ORG, theirs),
            () -> registry.keys(ORG, theirs),
            () -> registry.replaceKeys(ORG, theirs, List.of(publicJwk(newKey(2048)))),
            () -> registry.deleteKeys(ORG, theirs))) {
      assertThatThrownBy(call)
          .isInstanceOfSatisfying(
              ClientRegistryException.class,
              e -> assertThat(e.reason()).isEqualTo(ClientRegistryException.Reason.NOT_FOUND));
    }
    assertThat(registry.list(ORG)).isEmpty();
    assertThat(registry.get(OTHER_ORG, theirs).clientId()).isEqualTo(theirs);
  }

  @Test
  void keepsTheIntegrationTypeAndClientIdOnUpdate() {
    String id = registry.create(ORG, draft("krr", d -> {})).clientId();

    assertRefused(
        () -> registry.update(ORG, id, draft("maskinporten", d -> d.clientId = "another-id")),
        "integration_type",
        "client_id");
    assertThat(registry.get(ORG, id).integrationType()).isEqualTo(IntegrationType.KRR);
  }

  @Test
  void givesAKeyOneYearOfLifeUnlessExpSaysLess() {
    String id = registry.create(ORG, draft("krr", d -> {})).clientId();
    Map<String, Object> shorter = publicJwk(newKey(2048));
    shorter.put("exp", NOW.getEpochSecond() + 3600);

    KeySet set = registry.replaceKeys(ORG, id, List.of(publicJwk(newKey(2048)), shorter));

    assertThat(set.keys())
        .extracting(ClientKey::expires)
        .containsExactly(Instant.parse("2025-03-01T12:00:00Z"), NOW.plusSeconds(3600));
    assertThat(set.created()).isEqualTo(NOW);
  }

  @Test
  void refusesAnExpThatIsPastOrNotWholeSeconds() {
    String id = registry.create(ORG, draft("krr", d -> {})).clientId();
    Map<String, Object> past = publicJwk(newKey(2048));
    past.put("exp", NOW.getEpochSecond() - 1);
    Map<String, Object> text = publicJwk(newKey(2048));
    text.put("exp", "tomorrow");

    assertRefused(
        () -> registry.replaceKeys(ORG, id, List.of(past, text)), "keys[0].exp", "keys[1].exp");
  }

  @Test
  void refusesAKidTwiceInOneSetOrWithOddCharacters() {
    String id = registry.create(ORG, draft("krr", d -> {})).clientId();
    Map<String, Object> first = publicJwk(newKey(2048));
    Map<String, Object> twin = publicJwk(newKey(2048));
    twin.put("kid", first.get("kid"));
    Map<String, Object> odd = publicJwk(newKey(2048));
    odd.put("kid", "my key/1");

    assertRefused(
        () -> registry.replaceKeys(ORG, id, List.of(first, twin, odd)),
        "keys[1].kid",
        "keys[2].kid");
    assertThat(keys.findByClient(id)).isEmpty();
  }

  @Test
  void refusesAnX5cThatIsNotACertificateChain() {
    String id = registry.create(ORG, draft("krr", d -> {})).clientId();
    Map<String, Object> jwk = publicJwk(newKey(2048));
    jwk.put("x5c", List.of("bm90IGEgY2VydGlmaWNhdGU="));

    assertRefused(() -> registry.replaceKeys(ORG, id, List.of(jwk)), "keys[0].x5c");
  }

  @Test
  void storesOnlyThePublicMembers() {
    String id = registry.create(ORG, draft("krr", d -> {})).clientId();
    Map<String, Object> jwk = publicJwk(newKey(2048));
    jwk.put("x5t", "ignored-thumbprint");

    registry.replaceKeys(ORG, id, List.of(jwk));

    assertThat(keys.findByClient(id).get(0).publicJwk())
        .contains("\"n\"", "\"e\"", "\"kid\"")
        .doesNotContain("\"d\"", "x5t");
  }

  @Test
  void refusesEntriesThatAreNotKeys() {
    String id = registry.create(ORG, draft("krr", d -> {})).clientId();
    List<Map<String, Object>> set = new ArrayList<>();
    set.add(null);

    assertRefused(() -> registry.replaceKeys(ORG, id, set), "keys[0]");
  }

  @Test
  void deletesAClientsKeysWithTheClient() {
    String id = registry.create(ORG, draft("krr", d -> {})).clientId();
    registry.replaceKeys(ORG, id, List.of(publicJwk(newKey(2048))));

    registry.delete(ORG, id);

    assertThat(keys.findByClient(id)).isEmpty();
    assertThat(registry.list(ORG)).isEmpty();
  }

  private static void assertRefused(ThrowingCallable call, String... fields) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ClientRegistryException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ClientRegistryException.Reason.INVALID);
              assertThat(e.errors())
                  .extracting(FieldError::field)
                  .containsExactlyInAnyOrder(fields);
            });
  }

  /** A draft of {@code type} changed by {@code change}. */
  private static ClientDraft draft(String type, Consumer<Draft> change) {
    Draft d = new Draft();
    change.accept(d);
    return new ClientDraft(
        d.clientId,
        d.clientOrgno,
        type,
        "test",
        null,
        null,
        d.applicationType,
        d.tokenEndpointAuthMethod,
        d.grantTypes,
        d.scopes,
        d.redirectUris,
        null,
        d.accessTokenLifetime,
        null,
        null,
        null,
        null,
        null);
  }

  /** The fields the tests change. */
  private static final class Draft {
    String clientId;
    String clientOrgno;
    String applicationType;
    String tokenEndpointAuthMethod;
    List<String> grantTypes;
    final List<String> scopes = new ArrayList<>();
    final List<String> redirectUris = new ArrayList<>();
    Integer accessTokenLifetime;
  }

  private static Map<String, Object> publicJwk(RSAKey key) {
    return new HashMap<>(key.toPublicJWK().toJSONObject());
  }

  private static RSAKey newKey(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      var pair = generator.generateKeyPair();
      return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
          .privateKey((RSAPrivateKey) pair.getPrivate())
          .keyID("kid-" + UUID.randomUUID())
          .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
          .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
          .build();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
