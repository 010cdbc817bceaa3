package io.krrkit.cli;

import io.krrkit.cli.AdminCommand.Operator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code krr admin system-user} and {@code krr admin consent}: the Altinn registers krr-local
 * checks Maskinporten's {@code authorization_details} against ({@code /admin/altinn/...}).
 */
final class AltinnAdminCommands {
  private static final String SYSTEM_USERS = "/admin/altinn/system-users";
  private static final String CONSENTS = "/admin/altinn/consents";

  private AltinnAdminCommands() {}

  /** {@code id} as one path segment, whatever it holds. */
  static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code krr admin system-user}. */
  @Command(
      name = "system-user",
      mixinStandardHelpOptions = true,
      description =
          "Altinn system users: a customer gave rights to a supplier's system"
              + " (authorization_details urn:altinn:systemuser).",
      subcommands = {SystemUserAdd.class, SystemUserList.class, SystemUserRemove.class})
  static final class SystemUsers {}

  /** {@code krr admin system-user add}. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Records a system user.")
  static final class SystemUserAdd extends Operator implements Callable<Integer> {
    @Option(
        names = "--system-id",
        required = true,
        description = "The system in Altinn's system register, <orgno>_<name>.")
    String systemId;

    @Option(names = "--org", required = true, description = "The customer organisation.")
    String org;

    @Option(
        names = "--client-id",
        required = true,
        description = "The Maskinporten client of the system.")
    String clientId;

    @Option(names = "--external-ref", description = "Default: the customer's organisation number.")
    String externalRef;

    @Override
    public Integer call() throws Exception {
      Map<String, String> body = new LinkedHashMap<>();
      body.put("system_id", systemId);
      body.put("orgno", org);
      body.put("client_id", clientId);
      if (externalRef != null) {
        body.put("external_ref", externalRef);
      }
      return print(api().send("POST", SYSTEM_USERS, body));
    }
  }

  /** {@code krr admin system-user list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists system users.")
  static final class SystemUserList extends Operator implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      return print(api().get(SYSTEM_USERS));
    }
  }

  /** {@code krr admin system-user remove}. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a system user.")
  static final class SystemUserRemove extends Operator implements Callable<Integer> {
    @Option(names = "--id", required = true, description = "The system user's id.")
    String id;

    @Override
    public Integer call() throws Exception {
      return print(api().send("DELETE", SYSTEM_USERS + "/" + segment(id), null));
    }
  }

  /** {@code krr admin consent}. */
  @Command(
      name = "consent",
      mixinStandardHelpOptions = true,
      description =
          "Altinn consents: a person or organisation consented to an organisation"
              + " (authorization_details urn:altinn:consent).",
      subcommands = {ConsentAdd.class, ConsentList.class, ConsentRemove.class})
  static final class Consents {}

  /** {@code krr admin consent add}. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Records a consent.")
  static final class ConsentAdd extends Operator implements Callable<Integer> {
    @Option(
        names = "--from",
        required = true,
        description =
            "Who consented: urn:altinn:person:identifier-no:<pid> or"
                + " urn:altinn:organization:identifier-no:<orgno>.")
    String from;

    @Option(names = "--to", required = true, description = "The organisation consented to.")
    String to;

    @Option(
        names = "--valid-to",
        required = true,
        description = "Until when, ISO 8601 (2030-01-01T00:00:00Z).")
    String validTo;

    @Option(names = "--consented", description = "When it was given; default now.")
    String consented;

    @Override
    public Integer call() throws Exception {
      Map<String, String> body = new LinkedHashMap<>();
      body.put("from", from);
      body.put("to_orgno", to);
      body.put("valid_to", validTo);
      if (consented != null) {
        body.put("consented", consented);
      }
      return print(api().send("POST", CONSENTS, body));
    }
  }

  /** {@code krr admin consent list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists consents.")
  static final class ConsentList extends Operator implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      return print(api().get(CONSENTS));
    }
  }

  /** {@code krr admin consent remove}. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a consent.")
  static final class ConsentRemove extends Operator implements Callable<Integer> {
    @Option(names = "--id", required = true, description = "The consent's id.")
    String id;

    @Override
    public Integer call() throws Exception {
      return print(api().send("DELETE", CONSENTS + "/" + segment(id), null));
    }
  }
}
