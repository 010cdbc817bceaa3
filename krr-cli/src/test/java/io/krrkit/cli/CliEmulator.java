package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.local.KrrLocal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * krr-local in-process with its bootstrap file written, for the CLI tests that use it as a user
 * would: the one set-up of those tests, with KRR clients registered through the CLI itself.
 */
final class CliEmulator implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final KrrLocal krr;
  final Path bootstrap;
  private final Path dir;

  private CliEmulator(KrrLocal krr, Path bootstrap, Path dir) {
    this.krr = krr;
    this.bootstrap = bootstrap;
    this.dir = dir;
  }

  /** Starts an ephemeral emulator of 50 persons on a free port; files go to {@code dir}. */
  static CliEmulator start(Path dir) throws Exception {
    KrrLocal krr = KrrLocal.builder().port(0).ephemeral().seedPersons(50).build().start();
    Path bootstrap = dir.resolve("bootstrap.json");
    Files.writeString(bootstrap, krr.bootstrap().toJson());
    return new CliEmulator(krr, bootstrap, dir);
  }

  String baseUrl() {
    return krr.baseUrl();
  }

  /**
   * Registers a KRR client named {@code name} through the CLI ({@code client create}, {@code client
   * keys upload}) with {@code key}'s public part; its client id.
   */
  String registerKrrClient(String name, RSAKey key) throws Exception {
    CliRun create =
        CliRun.of(
            "client", "create", "--bootstrap", bootstrap.toString(), "--name", name, "--json");
    assertThat(create.exitCode()).as(create.err()).isZero();
    String clientId = JSON.readTree(create.out()).get("client_id").asText();
    Path pub = dir.resolve(key.getKeyID() + ".pub.jwk");
    Files.writeString(pub, key.toPublicJWK().toJSONString());
    CliRun upload =
        CliRun.of(
            "client",
            "keys",
            "upload",
            "--bootstrap",
            bootstrap.toString(),
            "--client",
            clientId,
            "--public-key",
            pub.toString());
    assertThat(upload.exitCode()).as(upload.err()).isZero();
    return clientId;
  }

  /**
   * A fresh KRR client with key {@code kid}, its private JWK written beside the bootstrap file: the
   * options to act as it ({@code --url}, {@code --client-id}, {@code --key}).
   */
  String[] actAsNewKrrClient(String name, String kid) throws Exception {
    RSAKey key = KeygenCommand.generate(kid);
    Path keyFile = dir.resolve(kid + ".jwk");
    Files.writeString(keyFile, key.toJSONString());
    return new String[] {
      "--url", baseUrl(), "--client-id", registerKrrClient(name, key), "--key", keyFile.toString()
    };
  }

  @Override
  public void close() {
    krr.close();
  }
}
