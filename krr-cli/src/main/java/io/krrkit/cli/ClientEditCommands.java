package io.krrkit.cli;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.selfservice.ClientRequest;
import io.krrkit.selfservice.RegisteredClient;
import io.krrkit.selfservice.SelfServiceClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code krr client create} and {@code krr client update}: what they send as a client. */
final class ClientEditCommands {
  private ClientEditCommands() {}

  /** {@code krr client create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Creates an integration.",
        "Type krr gets krr:global/kontaktinformasjon.read and krr:global/digitalpost.read",
        "automatically. Prints the integration id (client_id), the iss of your JWT grants.",
        "With --customer-org, a supplier creates it for a customer: the customer owns it,",
        "supplier_orgno is you (needs idporten:dcr.supplier)."
      })
  static final class Create extends ClientCommand.Base implements Callable<Integer> {
    @Option(
        names = "--type",
        defaultValue = "krr",
        description = "krr, maskinporten, api_klient or idporten (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--name", required = true, description = "Name of the integration.")
    String name;

    @Option(names = "--description", description = "Description (default: the name).")
    String description;

    @Option(names = "--client-uri", description = "A web page about the integration.")
    String clientUri;

    @Option(names = "--scope", description = "Scope to add (repeatable; not needed for krr).")
    List<String> scopes = List.of();

    @Option(
        names = "--customer-org",
        paramLabel = "ORGNO",
        description = "Create it for this customer, as its supplier (client_orgno).")
    String customerOrg;

    @Option(names = "--json", description = "Print the registered client as the API's JSON.")
    boolean json;

    @Option(
        names = {"-q", "--quiet"},
        description =
            "Print only the new client_id, for scripts: CLIENT=$(krr client create -q …).")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
      ClientRequest.Builder request =
          ClientRequest.builder(integrationType(type))
              .clientName(name)
              .description(description != null ? description : name)
              .clientUri(clientUri);
      if (!scopes.isEmpty()) {
        request.scopes(parse(scopes));
      }
      if (customerOrg != null) {
        request.clientOrgno(OrgNumber.of(customerOrg));
      }
      RegisteredClient created = selfService().createClient(request.build());
      if (quiet && !json) {
        out().println(created.clientId());
        return ExitCode.OK.code;
      }
      return printClient(json, created);
    }
  }

  /** {@code krr client update}. */
  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = {
        "Changes an integration.",
        "Reads it, changes what the options say, and sends it back (PUT). The integration",
        "type cannot change; create a new integration instead."
      })
  static final class Update extends ClientCommand.Base implements Callable<Integer> {
    @Parameters(paramLabel = "CLIENT_ID", description = "The integration id.")
    String clientId;

    @Option(names = "--name", description = "New name.")
    String name;

    @Option(names = "--description", description = "New description.")
    String description;

    @Option(names = "--client-uri", description = "New web page about the integration.")
    String clientUri;

    @Option(names = "--scope", description = "Replace the scopes with these (repeatable).")
    List<String> scopes = List.of();

    @Option(names = "--add-scope", description = "Add a scope (repeatable).")
    List<String> addScopes = List.of();

    @Option(names = "--remove-scope", description = "Remove a scope (repeatable).")
    List<String> removeScopes = List.of();

    @Option(
        names = "--access-token-lifetime",
        paramLabel = "SECONDS",
        description = "Access token lifetime; 0 for the default.")
    Integer accessTokenLifetime;

    @Option(names = "--json", description = "Print the changed client as the API's JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      SelfServiceClient api = selfService();
      RegisteredClient current = api.getClient(clientId);
      ClientRequest.Builder request = current.toRequest();
      if (name != null) {
        request.clientName(name);
      }
      if (description != null) {
        request.description(description);
      }
      if (clientUri != null) {
        request.clientUri(clientUri);
      }
      if (accessTokenLifetime != null) {
        request.accessTokenLifetime(accessTokenLifetime);
      }
      request.scopes(scopes(current));
      return printClient(json, api.updateClient(clientId, request.build()));
    }

    private List<Scope> scopes(RegisteredClient current) {
      Set<Scope> result = new LinkedHashSet<>(scopes.isEmpty() ? current.scopes() : parse(scopes));
      result.addAll(parse(addScopes));
      parse(removeScopes).forEach(result::remove);
      return new ArrayList<>(result);
    }
  }

  /** The integration type named {@code type} as the API names it ({@code krr}, …). */
  static IntegrationType integrationType(String type) {
    return Arrays.stream(IntegrationType.values())
        .filter(t -> t.wireName().equals(type))
        .findFirst()
        .orElseThrow(
            () ->
                new CliErrors.Failure(
                    ExitCode.USAGE,
                    "integration type must be krr, maskinporten, api_klient or idporten, was "
                        + type));
  }

  private static List<Scope> parse(List<String> scopes) {
    return scopes.stream().map(Scope::of).toList();
  }
}
