package io.krrkit.spring.boot;

import static io.krrkit.spring.boot.StarterFixture.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.junit.KrrLocalExtension;
import io.krrkit.junit.TestClient;
import io.krrkit.krr.KrrClient;
import io.krrkit.krr.KrrEnvironment;
import io.krrkit.local.Bootstrap;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.maskinporten.MaskinportenEnvironment;
import io.krrkit.selfservice.RegisteredClient;
import io.krrkit.selfservice.SelfServiceClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The beans the {@code krr.*} properties make, used over HTTP against krr-local: a lookup through
 * the KrrClient bean, the self-service bean when enabled, metrics in the application's registry,
 * and the beans backing off for the application's own.
 */
class KrrAutoConfigurationTest {
  @RegisterExtension
  static final KrrLocalExtension krr = KrrLocalExtension.builder().shared().build();

  @TempDir Path dir;

  @Test
  void theKrrClientBeanLooksUpAPersonOverHttp() throws Exception {
    TestClient client = krr.registerKrrClient();

    StarterFixture.runnerFor(krr, client, dir)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(KrrClient.class);
              KrrClient lookup = context.getBean(KrrClient.class);
              assertThat(lookup.environment().baseUri().toString())
                  .isEqualTo(krr.krrLocal().kontaktregisteretUrl());
              assertThat(lookup.lookup(List.of(PERSON)).person(PERSON))
                  .hasValueSatisfying(p -> assertThat(p.kontaktinformasjon()).isNotNull());
            });
  }

  @Test
  void aPemKeyWithItsKidSignsGrants() throws Exception {
    TestClient client = krr.registerKrrClient();
    Path pem =
        Files.writeString(
            dir.resolve("client.pem"),
            StarterFixture.pem("PRIVATE KEY", client.key().toRSAPrivateKey().getEncoded()));

    StarterFixture.runnerFor(krr, client, dir)
        .withPropertyValues("krr.maskinporten.key=" + pem, "krr.maskinporten.kid=" + client.kid())
        .run(
            context ->
                assertThat(context.getBean(KrrClient.class).lookup(List.of(PERSON)).size())
                    .isEqualTo(1));
  }

  @Test
  void digdirsTestEnvironmentIsTheDefault() throws Exception {
    TestClient client = krr.registerKrrClient();

    StarterFixture.runnerFor(krr, client, dir)
        .withPropertyValues("krr.maskinporten.issuer=", "krr.lookup.base-url=")
        .run(
            context -> {
              assertThat(context.getBean(MaskinportenClient.class).environment())
                  .isEqualTo(MaskinportenEnvironment.TEST);
              assertThat(context.getBean(KrrClient.class).environment())
                  .isEqualTo(KrrEnvironment.TEST);
            });
  }

  @Test
  void productionIsChosenByName() throws Exception {
    TestClient client = krr.registerKrrClient();

    StarterFixture.runnerFor(krr, client, dir)
        .withPropertyValues(
            "krr.maskinporten.issuer=",
            "krr.maskinporten.environment=production",
            "krr.lookup.base-url=",
            "krr.lookup.environment=PRODUCTION")
        .run(
            context -> {
              assertThat(context.getBean(MaskinportenClient.class).environment())
                  .isEqualTo(MaskinportenEnvironment.PRODUCTION);
              assertThat(context.getBean(KrrClient.class).environment().isProduction()).isTrue();
            });
  }

  @Test
  void theSelfServiceBeanComesOnlyWhenEnabled() throws Exception {
    Bootstrap bootstrap = krr.krrLocal().bootstrap();
    Path key = Files.writeString(dir.resolve("bootstrap.jwk"), bootstrap.privateJwk());
    TestClient lookupClient = krr.registerKrrClient();

    StarterFixture.runnerFor(krr, lookupClient, dir)
        .run(context -> assertThat(context).doesNotHaveBean(SelfServiceClient.class));
    StarterFixture.runnerFor(krr, lookupClient, dir)
        .withPropertyValues(
            "krr.selfservice.client-id=" + bootstrap.clientId(),
            "krr.selfservice.key=" + key,
            "krr.selfservice.enabled=true")
        .run(
            context -> {
              List<RegisteredClient> clients =
                  context.getBean(SelfServiceClient.class).listClients();
              assertThat(clients).extracting(RegisteredClient::clientId).isNotEmpty();
            });
  }

  @Test
  void withoutItsOwnClientTheSelfServiceBeanSignsInAsTheMaskinportenClient() throws Exception {
    Bootstrap bootstrap = krr.krrLocal().bootstrap();
    Path key = Files.writeString(dir.resolve("bootstrap.jwk"), bootstrap.privateJwk());

    StarterFixture.runner()
        .withPropertyValues(
            "krr.maskinporten.issuer=" + krr.krrLocal().maskinportenIssuer(),
            "krr.maskinporten.client-id=" + bootstrap.clientId(),
            "krr.maskinporten.key=" + key,
            "krr.selfservice.base-url=" + krr.krrLocal().selfServiceUrl(),
            "krr.selfservice.enabled=true",
            "management.health.krr.enabled=false")
        .run(
            context ->
                assertThat(context.getBean(SelfServiceClient.class).listClients()).isNotEmpty());
  }

  @Test
  void tokenRequestsAreCountedInTheApplicationsMeterRegistry() throws Exception {
    TestClient client = krr.registerKrrClient();

    StarterFixture.runnerFor(krr, client, dir)
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(
            context -> {
              context.getBean(KrrClient.class).lookup(List.of(PERSON));
              context.getBean(KrrClient.class).lookup(List.of(PERSON));
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(registry.get("maskinporten.tokens.fetched").counter().count())
                  .isEqualTo(1.0);
              assertThat(
                      registry
                          .get("maskinporten.token.cache")
                          .tag("result", "hit")
                          .counter()
                          .count())
                  .isEqualTo(1.0);
            });
  }

  @Test
  void customizersChangeTheBuilders() throws Exception {
    TestClient client = krr.registerKrrClient();
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    StarterFixture.runnerFor(krr, client, dir)
        .withBean(
            MaskinportenClientCustomizer.class,
            () -> b -> b.requestTimeout(Duration.ofSeconds(3)).listener(new Recording(seen)))
        .withBean(KrrClientCustomizer.class, () -> b -> b.batchSize(1))
        .run(
            context -> {
              context.getBean(KrrClient.class).lookup(List.of(PERSON, "01817090148"));
              assertThat(seen).contains("fetched");
            });
  }

  @Test
  void theApplicationsOwnBeansWin() throws Exception {
    TestClient client = krr.registerKrrClient();
    MaskinportenClient own = krr.maskinportenClient(client);

    StarterFixture.runner()
        .withPropertyValues("krr.lookup.base-url=" + krr.krrLocal().kontaktregisteretUrl())
        .withBean(MaskinportenClient.class, () -> own)
        .run(
            context -> {
              assertThat(context.getBean(MaskinportenClient.class)).isSameAs(own);
              assertThat(context.getBean(KrrClient.class).lookup(List.of(PERSON)).size())
                  .isEqualTo(1);
            });
  }

  @Test
  void krrEnabledFalseMakesNoBeans() {
    StarterFixture.runner()
        .withPropertyValues("krr.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(MaskinportenClient.class)
                    .doesNotHaveBean(KrrClient.class));
  }

  /** Records what the Maskinporten client did. */
  private record Recording(List<String> seen)
      implements io.krrkit.maskinporten.MaskinportenListener {
    @Override
    public void tokenFetched(
        io.krrkit.maskinporten.TokenRequest request, io.krrkit.maskinporten.AccessToken token) {
      seen.add("fetched");
    }
  }
}
