package io.krrkit.cli;

import io.krrkit.selfservice.RegisteredClient;
import io.krrkit.selfservice.SelfServiceClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code krr client}: integrations (clients) through the self-service API. */
@Command(
    name = "client",
    mixinStandardHelpOptions = true,
    description = {
      "Manages integrations (clients) through the self-service API.",
      "Your organisation's integrations: list, create, show, update, delete; their keys",
      "(krr client keys) and on-behalf-of registrations (krr client onbehalfof)."
    },
    subcommands = {
      ClientCommand.ListCmd.class,
      ClientEditCommands.Create.class,
      ClientCommand.Show.class,
      ClientEditCommands.Update.class,
      ClientCommand.Delete.class,
      ClientKeysCommand.class,
      OnBehalfOfCommand.class
    })
final class ClientCommand {
  private ClientCommand() {}

  static SelfServiceClient selfService(Credentials credentials) throws IOException {
    return SelfServiceCommand.selfService(credentials, false);
  }

  /** What every command about clients shares: acting for your organisation or as a supplier. */
  abstract static class Base extends SelfServiceCommand {
    @Option(
        names = "--supplier",
        description = {
          "Act as a supplier (token scope idporten:dcr.supplier), for integrations you created",
          "for customers with 'krr client create --customer-org'."
        })
    boolean supplier;

    @Override
    SelfServiceClient selfService() throws IOException {
      return selfService(credentials, supplier);
    }

    /** Prints {@code client} as the API's JSON when {@code json}, else as aligned fields. */
    int printClient(boolean json, RegisteredClient client) {
      return print(json, client, out -> show(out, client));
    }
  }

  /** Prints one client as aligned fields. */
  private static void show(PrintWriter out, RegisteredClient c) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("client_id", c.clientId());
    fields.put("client_name", c.clientName());
    fields.put("description", c.description());
    fields.put(
        "integration_type", c.integrationType() == null ? null : c.integrationType().wireName());
    fields.put("client_orgno", c.clientOrgno());
    fields.put("supplier_orgno", c.supplierOrgno());
    fields.put("scopes", c.scopes());
    fields.put("grant_types", c.grantTypes());
    fields.put("token_endpoint_auth_method", c.tokenEndpointAuthMethod());
    fields.put("client_uri", c.clientUri());
    fields.put("onbehalfof", c.onbehalfof().stream().map(o -> o.onbehalfof()).toList());
    fields.put("active", c.active());
    fields.put("created", c.created());
    fields.put("last_updated", c.lastUpdated());
    Table.fields(out, fields);
  }

  /** {@code krr client list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists your organisation's integrations.")
  static final class ListCmd extends Base implements Callable<Integer> {
    @Option(names = "--json", description = "Print the API's JSON array.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      List<RegisteredClient> clients = selfService().listClients();
      return print(json, clients, out -> table(clients).print(out));
    }

    private static Table table(List<RegisteredClient> clients) {
      Table table = Table.of("CLIENT_ID", "TYPE", "NAME", "OWNER", "CREATED", "SCOPES");
      for (RegisteredClient c : clients) {
        table.row(
            c.clientId(),
            c.integrationType() == null ? null : c.integrationType().wireName(),
            c.clientName(),
            c.clientOrgno(),
            c.created() == null ? null : c.created().toLocalDate(),
            c.scopes());
      }
      return table;
    }
  }

  /** {@code krr client show}. */
  @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one integration.")
  static final class Show extends Base implements Callable<Integer> {
    @Parameters(paramLabel = "CLIENT_ID", description = "The integration id.")
    String clientId;

    @Option(names = "--json", description = "Print the API's JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      return printClient(json, selfService().getClient(clientId));
    }
  }

  /** {@code krr client delete}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description =
          "Deletes an integration and its keys at once, without asking (as kubectl does).")
  static final class Delete extends Base implements Callable<Integer> {
    @Parameters(paramLabel = "CLIENT_ID", description = "The integration id.")
    String clientId;

    @Override
    public Integer call() throws Exception {
      selfService().deleteClient(clientId);
      out().println("deleted " + clientId);
      return ExitCode.OK.code;
    }
  }
}
