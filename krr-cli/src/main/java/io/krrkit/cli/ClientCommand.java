package io.krrkit.cli;

import io.krrkit.core.Scope;
import io.krrkit.selfservice.ClientKeySet;
import io.krrkit.selfservice.ClientRequest;
import io.krrkit.selfservice.IntegrationType;
import io.krrkit.selfservice.RegisteredClient;
import io.krrkit.selfservice.SelfServiceClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code krr client}: registers clients and keys through the self-service API. */
@Command(
    name = "client",
    mixinStandardHelpOptions = true,
    description = "Registers integrations (clients) and their keys through the self-service API.",
    subcommands = {ClientCommand.Create.class, ClientCommand.Keys.class, OnBehalfOfCommand.class})
final class ClientCommand {

  static SelfServiceClient selfService(Credentials credentials) throws IOException {
    return SelfServiceClient.builder()
        .environment(credentials.target.selfService(credentials.load().bootstrapIssuer()))
        .maskinporten(credentials.maskinporten())
        .build();
  }

  /** {@code krr client create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Creates an integration. Type krr gets krr:global/kontaktinformasjon.read and",
        "krr:global/digitalpost.read automatically. Prints the integration id (client_id),",
        "which is the iss of your JWT grants."
      })
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Credentials credentials;

    @Option(
        names = "--type",
        defaultValue = "krr",
        description = "krr, maskinporten, api_klient or idporten (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--name", required = true, description = "Name of the integration.")
    String name;

    @Option(names = "--description", description = "Description (default: the name).")
    String description;

    @Option(names = "--scope", description = "Scope to add (repeatable; not needed for krr).")
    List<String> scopes = List.of();

    @Option(names = "--json", description = "Print the registered client as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      IntegrationType integrationType =
          java.util.Arrays.stream(IntegrationType.values())
              .filter(t -> t.wireName().equals(type))
              .findFirst()
              .orElseThrow(
                  () ->
                      new CliErrors.Failure(
                          ExitCode.USAGE,
                          "--type must be krr, maskinporten, api_klient or idporten"));
      ClientRequest.Builder request =
          ClientRequest.builder(integrationType)
              .clientName(name)
              .description(description != null ? description : name);
      if (!scopes.isEmpty()) {
        request.scopes(scopes.stream().map(Scope::of).toList());
      }
      RegisteredClient client = selfService(credentials).createClient(request.build());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Output.json(out, client);
      } else {
        out.printf(
            "client_id: %s%ntype:      %s%nscopes:    %s%n",
            client.clientId(),
            client.integrationType().wireName(),
            client.scopes().stream().map(Scope::value).collect(Collectors.joining(" ")));
      }
      return ExitCode.OK.code;
    }
  }

  /** {@code krr client keys}. */
  @Command(
      name = "keys",
      mixinStandardHelpOptions = true,
      description = "Manages the public keys (JWKs) registered on a client.",
      subcommands = {Upload.class})
  static final class Keys {}

  /** {@code krr client keys upload}. */
  @Command(
      name = "upload",
      mixinStandardHelpOptions = true,
      description = {
        "Registers a public key on a client, keeping its other keys (at most 5). Give the",
        "public JWK from 'krr keygen' (a private JWK also works: only its public part is sent)."
      })
  static final class Upload implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Credentials credentials;

    @Option(names = "--client", required = true, description = "client_id to add the key to.")
    String client;

    @Option(names = "--public-key", required = true, description = "JWK file (RSA 2048).")
    Path keyFile;

    @Option(names = "--json", description = "Print the client's key set as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      ClientKeySet keys = selfService(credentials).addKey(client, JwkFiles.readPublic(keyFile));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Output.json(out, keys);
      } else {
        keys.keys()
            .forEach(
                k ->
                    out.printf(
                        "kid %s  expires %s%n",
                        k.kid(), k.expiresAt().map(Object::toString).orElse("-")));
      }
      return ExitCode.OK.code;
    }
  }
}
