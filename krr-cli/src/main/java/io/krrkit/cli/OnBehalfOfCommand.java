package io.krrkit.cli;

import io.krrkit.selfservice.OnBehalfOf;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code krr client onbehalfof}: the customers a supplier's client acts for, named in grants as
 * {@code iss_onbehalfof} ({@code krr token --on-behalf-of ID}).
 */
@Command(
    name = "onbehalfof",
    mixinStandardHelpOptions = true,
    description = "Manages a client's on-behalf-of registrations (customers it acts for).",
    subcommands = {
      OnBehalfOfCommand.ListCmd.class,
      OnBehalfOfCommand.Add.class,
      OnBehalfOfCommand.Delete.class
    })
final class OnBehalfOfCommand {

  /** What every on-behalf-of command shares. */
  static class Base {
    @Spec CommandSpec spec;
    @Mixin AdminCredentials credentials;

    @Option(
        names = "--client",
        required = true,
        description = "client_id of the supplier's client.")
    String client;

    @Option(names = "--json", description = "Print the answer as JSON.")
    boolean json;

    int print(List<OnBehalfOf> registrations) {
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Output.json(out, registrations);
      } else {
        registrations.forEach(
            r -> out.printf("%s  orgno %s  %s%n", r.onbehalfof(), r.orgno(), r.name()));
      }
      return ExitCode.OK.code;
    }
  }

  /** {@code krr client onbehalfof list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists registrations.")
  static final class ListCmd extends Base implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      return print(ClientCommand.selfService(credentials).listOnBehalfOf(client));
    }
  }

  /** {@code krr client onbehalfof add}. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a registration.")
  static final class Add extends Base implements Callable<Integer> {
    @Option(names = "--id", required = true, description = "The onbehalfof id used in grants.")
    String id;

    @Option(names = "--orgno", required = true, description = "The customer's organisation.")
    String orgno;

    @Option(names = "--name", required = true, description = "The customer's name.")
    String name;

    @Option(names = "--description", description = "Description.")
    String description;

    @Option(names = "--client-uri", description = "The customer's web address.")
    String clientUri;

    @Override
    public Integer call() throws Exception {
      OnBehalfOf registration =
          OnBehalfOf.of(id, orgno, name).withDescription(description).withClientUri(clientUri);
      return print(
          List.of(ClientCommand.selfService(credentials).addOnBehalfOf(client, registration)));
    }
  }

  /** {@code krr client onbehalfof delete}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Deletes a registration.")
  static final class Delete extends Base implements Callable<Integer> {
    @Option(names = "--id", required = true, description = "The onbehalfof id to delete.")
    String id;

    @Override
    public Integer call() throws Exception {
      ClientCommand.selfService(credentials).deleteOnBehalfOf(client, id);
      return ExitCode.OK.code;
    }
  }
}
