package io.krrkit.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder freezes a validated configuration; start() binds its own port and cleans up. */
class KrrLocalBuilderTest {
  @TempDir Path dir;

  @Test
  void refusesTwoStoresAtBuild() {
    assertThatThrownBy(() -> KrrLocal.builder().ephemeral().jdbc("jdbc:h2:mem:x", "sa", "").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("choose one store");
    assertThatThrownBy(() -> KrrLocal.builder().ephemeral().dataDir(dir).build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anEmulatorKeepsTheValuesItWasBuiltWith() throws Exception {
    KrrLocal.Builder builder = KrrLocal.builder().port(0).ephemeral().seedPersons(0);
    KrrLocal first = builder.build();
    builder.orgNumber(io.krrkit.core.OrgNumber.of("991825827"));
    try (KrrLocal krr = first.start()) {
      assertThat(krr.bootstrap().orgno()).isEqualTo(KrrLocal.DEFAULT_ORG.value());
    }
  }

  @Test
  void portZeroIsTheSocketTheServerAnswersOn() throws Exception {
    try (KrrLocal krr = KrrLocal.builder().port(0).ephemeral().seedPersons(0).build().start()) {
      int port = URI.create(krr.baseUrl()).getPort();
      assertThat(port).isPositive();
      HttpResponse<String> metadata =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              krr.maskinportenIssuer() + ".well-known/oauth-authorization-server"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(metadata.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aBusyPortFailsAtOnceNamingIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      assertThatThrownBy(
              () -> KrrLocal.builder().port(port).ephemeral().seedPersons(0).build().start())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(":" + port);
    }
  }

  @Test
  void aStartThatFailsReleasesThePort() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Path notADirectory = Files.writeString(dir.resolve("a-file"), "not a store directory");
    KrrLocal krr = KrrLocal.builder().port(port).dataDir(notADirectory).seedPersons(0).build();
    assertThatThrownBy(krr::start).isInstanceOf(RuntimeException.class);
    try (ServerSocket again = new ServerSocket(port)) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
    assertThatThrownBy(krr::baseUrl).isInstanceOf(IllegalStateException.class);
  }
}
