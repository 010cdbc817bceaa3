package io.krrkit.local.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.Scope;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.TestClient;
import io.krrkit.local.internal.store.FreshStore;
import io.krrkit.local.internal.store.StoreEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code KrrLocal.Builder.init(dir)} ({@code krr serve --init DIR}): hand-written state files are
 * loaded at start, and starting again on the same store (or merging them again) gives the same
 * state: no duplicates, no error. On each storage engine.
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class StateInitTest {
  private static final String PERSON = "02827590161";

  @Parameter StoreEngine engine;

  @Test
  void initTwiceGivesTheSameState(@TempDir Path dir) throws IOException {
    RSAKey key = StateCalls.newKey();
    Path seed = seedFiles(dir.resolve("seed"), key);
    FreshStore store = engine.freshStore();
    Map<String, String> first;
    try (LocalFixture fx = start(store, seed)) {
      TestClient client =
          new TestClient(
              "seeded-krr-client",
              key.getKeyID(),
              key,
              KrrLocal.DEFAULT_ORG,
              Set.of(Scope.KRR_KONTAKTINFORMASJON_READ));
      assertThat(fx.accessToken(client)).isNotBlank();
      assertThat(
              fx.krrLocal()
                  .controls()
                  .person(Personidentifikator.of(PERSON))
                  .orElseThrow()
                  .spraak())
          .isEqualTo("se");
      first = export(fx, dir.resolve("first"));
      // merging the same files again changes nothing, later too (keys without exp keep theirs)
      fx.krrLocal().clock().advance(Duration.ofMinutes(5));
      fx.krrLocal().controls().mergeState(seed);
      assertSameFiles(export(fx, dir.resolve("again")), first);
    }

    try (LocalFixture fx = start(store, seed)) {
      assertSameFiles(export(fx, dir.resolve("second")), first);
    }
    assertThat(first.get("clients.json")).containsOnlyOnce("seeded-krr-client");
    assertThat(first.get("access.json")).containsOnlyOnce("910753614");
  }

  @Test
  void badInitFilesStopTheStartAndLoadNothing(@TempDir Path dir) throws IOException {
    Path seed = seedFiles(dir.resolve("seed"), StateCalls.newKey());
    Files.writeString(seed.resolve("scopes.json"), "[\n  {\"name\": \"nocolon\"}\n]");
    FreshStore store = engine.freshStore();

    assertThatThrownBy(() -> start(store, seed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scopes.json line 2");
    try (LocalFixture fx =
        LocalFixture.start(store.node(KrrLocal.builder().port(0)).seedPersons(5))) {
      assertThat(fx.krrLocal().controls().hasClient("seeded-krr-client")).isFalse();
    }
  }

  private static void assertSameFiles(Map<String, String> actual, Map<String, String> expected) {
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((name, text) -> assertThat(actual.get(name)).as(name).isEqualTo(text));
  }

  private static LocalFixture start(FreshStore store, Path seed) {
    return LocalFixture.start(store.node(KrrLocal.builder().port(0)).seedPersons(5).init(seed));
  }

  /** The state files of the running emulator, without the clock's varslingsstatus. */
  private static Map<String, String> export(LocalFixture fx, Path dir) {
    fx.krrLocal().controls().exportState(dir);
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : list.sorted().toList()) {
        files.put(
            file.getFileName().toString(),
            Files.readString(file).replaceAll("\"varslingsstatus\" : \"[A-Z_]+\",?", ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** State files as a user writes them: few fields, no timestamps. */
  private static Path seedFiles(Path dir, RSAKey key) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("scopes.json"),
        """
        [
          {"name": "krrkitinit:api", "description": "seeded", "accessible_for_all": false}
        ]
        """);
    Files.writeString(
        dir.resolve("access.json"),
        """
        [
          {"scope": "krrkitinit:api", "consumer_orgno": "910753614"}
        ]
        """);
    Files.writeString(
        dir.resolve("clients.json"),
        """
        [
          {
            "client_id": "seeded-krr-client",
            "client_orgno": "310000027",
            "integration_type": "krr",
            "client_name": "seeded"
          },
          {
            "client_id": "seeded-supplier",
            "client_orgno": "%s",
            "integration_type": "maskinporten",
            "scopes": ["krrkitinit:api"],
            "onbehalfof": [{"onbehalfof": "kunde1", "orgno": "310000027", "name": "Kunde 1"}]
          }
        ]
        """
            .formatted(OrgNumber.of("910753614").value()));
    Files.writeString(
        dir.resolve("keys.json"),
        "[{\"client_id\": \"seeded-krr-client\", \"keys\": ["
            + key.toPublicJWK().toJSONString()
            + "]}]");
    Files.writeString(
        dir.resolve("delegations.json"),
        """
        [{"consumer_orgno": "310000027", "supplier_orgno": "910753614", "scope": "krrkitinit:api"}]
        """);
    Files.writeString(
        dir.resolve("persons.json"),
        """
        [{"personidentifikator": "%s", "spraak": "se"}]
        """
            .formatted(PERSON));
    return dir;
  }
}
