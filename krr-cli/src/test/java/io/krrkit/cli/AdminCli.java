package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.local.KrrLocal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An emulator and the CLI signed in as its bootstrap admin client: what the self-service command
 * tests ({@code krr client …}, {@code krr scopes …}) share. One per test class.
 */
final class AdminCli implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final KrrLocal krr;
  private final String bootstrap;

  private AdminCli(KrrLocal krr, String bootstrap) {
    this.krr = krr;
    this.bootstrap = bootstrap;
  }

  /** Starts an emulator and writes its bootstrap file into {@code dir}. */
  static AdminCli start(Path dir) throws IOException {
    KrrLocal krr = KrrLocal.builder().port(0).ephemeral().seedPersons(0).build().start();
    Path bootstrap = dir.resolve("bootstrap.json");
    Files.writeString(bootstrap, krr.bootstrap().toJson());
    return new AdminCli(krr, bootstrap.toString());
  }

  /** The emulator's organisation, the bootstrap admin's. */
  String org() {
    return krr.bootstrap().orgno();
  }

  /** Runs a command as the bootstrap admin client. */
  CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--bootstrap", bootstrap));
    return CliRun.of(all.toArray(String[]::new));
  }

  /** Runs it and returns what it printed, failing the test on a non-zero exit. */
  String ok(String... args) {
    CliRun run = run(args);
    assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
    return run.out();
  }

  /** Runs a command with {@code --json} added and parses what it printed. */
  JsonNode json(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--json");
    try {
      return JSON.readTree(ok(all.toArray(String[]::new)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    krr.close();
  }
}
