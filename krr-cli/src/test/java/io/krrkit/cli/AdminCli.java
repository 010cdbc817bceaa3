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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An emulator and the CLI signed in as its bootstrap admin client: what the self-service command
 * tests ({@code krr client …}, {@code krr scopes …}) share. One per test class:
 *
 * <pre>{@code
 * @RegisterExtension static final AdminCli cli = new AdminCli();
 * }</pre>
 */
final class AdminCli implements BeforeAllCallback, AfterAllCallback {
  /** An organisation other than the admin's, for customers and access grants. */
  static final String CUSTOMER = "910753614";

  private static final ObjectMapper JSON = new ObjectMapper();

  private KrrLocal krr;
  private Path dir;
  private String bootstrap;

  /** Starts an emulator and writes its bootstrap file into a folder of this fixture's own. */
  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    krr = KrrLocal.builder().port(0).ephemeral().seedPersons(0).build().start();
    dir = Files.createTempDirectory("krr-cli-admin-");
    Path file = dir.resolve("bootstrap.json");
    Files.writeString(file, krr.bootstrap().toJson());
    bootstrap = file.toString();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (krr != null) {
      krr.close();
    }
    if (dir != null) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A path named {@code name} in the fixture's folder, for files the commands write or read. */
  String file(String name) {
    return dir.resolve(name).toString();
  }

  /** The running emulator. */
  KrrLocal krr() {
    return krr;
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
}
