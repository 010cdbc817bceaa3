package io.krrkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code krr register}: krr-local's register through the operator API ({@code /admin/persons}, with
 * {@code krr serve --admin}): seed a synthetic population, put, patch, show, delete or export
 * persons in KRR's JSON field names.
 */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = {
      "Operates krr-local's KRR register (needs 'krr serve --admin').",
      "Persons are JSON in KRR's field names, e.g.",
      "  {\"reservasjon\":\"JA\",\"reservasjonstidspunkt\":\"2024-01-02T10:00:00+01\"}",
      "Contact information is stale (18-month rule) by its timestamps; move the clock with",
      "the operator API (PUT /admin/clock) to age it."
    },
    subcommands = {
      RegisterCommand.Seed.class,
      RegisterCommand.Put.class,
      RegisterCommand.Patch.class,
      RegisterCommand.Get.class,
      RegisterCommand.Delete.class,
      RegisterCommand.Export.class
    })
final class RegisterCommand {
  private static final String PERSONS = "/admin/persons";
  private static final ObjectMapper JSON = new ObjectMapper();

  private RegisterCommand() {}

  /** {@code krr register seed}. */
  @Command(
      name = "seed",
      mixinStandardHelpOptions = true,
      description = "Replaces the register with a synthetic population (same seed, same register).")
  static final class Seed extends AdminCommand.Operator implements Callable<Integer> {
    @Option(
        names = "--count",
        required = true,
        description = "Population size (about 85%% end up registered).")
    int count;

    @Option(
        names = "--seed",
        defaultValue = "1",
        description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("count", count);
      body.put("seed", seed);
      return print(api().send("POST", PERSONS + "/seed", body));
    }
  }

  /** {@code krr register put}. */
  @Command(
      name = "put",
      mixinStandardHelpOptions = true,
      description = "Registers a person, or replaces everything the register holds about them.")
  static final class Put extends AdminCommand.Operator implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "Identity number (11 digits).")
    String id;

    @Option(names = "--body", required = true, description = "The person as JSON, or @FILE.")
    String body;

    @Override
    public Integer call() throws Exception {
      return print(api().send("PUT", PERSONS + "/" + id, person(body)));
    }
  }

  /** {@code krr register patch}. */
  @Command(
      name = "patch",
      mixinStandardHelpOptions = true,
      description = "Merges a JSON merge patch (null removes a field) into a registered person.")
  static final class Patch extends AdminCommand.Operator implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "Identity number (11 digits).")
    String id;

    @Option(names = "--body", required = true, description = "The patch as JSON, or @FILE.")
    String body;

    @Override
    public Integer call() throws Exception {
      return print(api().send("PATCH", PERSONS + "/" + id, person(body)));
    }
  }

  /** {@code krr register get}. */
  @Command(name = "get", mixinStandardHelpOptions = true, description = "Shows one person.")
  static final class Get extends AdminCommand.Operator implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "Identity number (11 digits).")
    String id;

    @Override
    public Integer call() throws Exception {
      return print(api().get(PERSONS + "/" + id));
    }
  }

  /** {@code krr register delete}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Deletes a person as KRR does (SLETTET); --purge forgets them instead.")
  static final class Delete extends AdminCommand.Operator implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "Identity number (11 digits).")
    String id;

    @Option(names = "--purge", description = "Forget the person (IKKE_REGISTRERT again).")
    boolean purge;

    @Override
    public Integer call() throws Exception {
      return print(api().send("DELETE", PERSONS + "/" + id + (purge ? "?purge=true" : ""), null));
    }
  }

  /** {@code krr register export}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Writes every person as JSON Lines, to --out or standard output.")
  static final class Export extends AdminCommand.Operator implements Callable<Integer> {
    @Option(names = "--out", description = "File to write (default: standard output).")
    Path out;

    @Override
    public Integer call() throws Exception {
      byte[] lines = api().sendForBytes("GET", PERSONS, null);
      if (out != null) {
        Files.write(out, lines);
        spec.commandLine().getErr().println("exported to " + out);
      } else {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(new String(lines, StandardCharsets.UTF_8));
        stdout.flush();
      }
      return ExitCode.OK.code;
    }
  }

  /** The JSON object of {@code --body}: inline, or {@code @FILE}. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> person(String body) throws IOException {
    String text = body.startsWith("@") ? Files.readString(Path.of(body.substring(1))) : body;
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new CliErrors.Failure(ExitCode.USAGE, "--body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new CliErrors.Failure(ExitCode.USAGE, "--body must be a JSON object");
    }
    return JSON.convertValue(node, Map.class);
  }
}
