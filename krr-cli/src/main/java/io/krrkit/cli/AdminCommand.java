package io.krrkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.krrkit.local.internal.state.StateFiles;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code krr admin}: krr-local's operator API (started with {@code krr serve --admin}): scopes,
 * organisations' access to them (MP-250), delegations to suppliers (MP-251) and the rotation of the
 * emulator's token signing key.
 */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "Operates krr-local (needs 'krr serve --admin'): scopes, access, delegations.",
    subcommands = {
      AdminCommand.Scopes.class,
      AdminCommand.Access.class,
      AdminCommand.Delegations.class,
      AltinnAdminCommands.SystemUsers.class,
      AltinnAdminCommands.Consents.class,
      AdminCommand.SigningKeys.class,
      JournalCommand.class,
      FaultCommand.class,
      AdminCommand.Export.class,
      AdminCommand.Import.class,
      AdminCommand.Reset.class
    })
final class AdminCommand {

  /** What every operator command shares: where the emulator is, and how to print. */
  static class Operator {
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Option(names = "--json", description = "Print the answer as JSON.")
    boolean json;

    OperatorApi api() {
      if (target.env != Target.Env.local) {
        throw new CliErrors.Failure(
            ExitCode.USAGE, "the operator API exists only on krr-local; drop --env " + target.env);
      }
      return new OperatorApi(target.localBase(null));
    }

    /** Prints {@code answer} as JSON, or each object as {@code key=value} pairs on one line. */
    int print(JsonNode answer) {
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Output.json(out, answer);
      } else if (answer.isArray()) {
        answer.forEach(item -> out.println(line(item)));
      } else if (!answer.isEmpty()) {
        out.println(line(answer));
      }
      return ExitCode.OK.code;
    }

    private static String line(JsonNode item) {
      List<String> pairs = new ArrayList<>();
      for (Map.Entry<String, JsonNode> f : item.properties()) {
        JsonNode value = f.getValue();
        if (!value.isNull() && !f.getKey().equals("last_updated")) {
          pairs.add(f.getKey() + "=" + (value.isTextual() ? value.asText() : value.toString()));
        }
      }
      return String.join("  ", pairs);
    }
  }

  /** {@code krr admin scope}. */
  @Command(
      name = "scope",
      mixinStandardHelpOptions = true,
      description = "Registers scopes; a scope not accessible for all needs access grants.",
      subcommands = {ScopeAdd.class, ScopeList.class})
  static final class Scopes {}

  /** {@code krr admin scope add}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Registers or replaces a scope (default: not accessible for all).")
  static final class ScopeAdd extends Operator implements Callable<Integer> {
    @Option(names = "--scope", required = true, description = "prefix:subscope")
    String scope;

    @Option(names = "--owner", description = "Owner organisation (default: the emulator's).")
    String owner;

    @Option(names = "--accessible-for-all", description = "Open the scope to every organisation.")
    boolean accessibleForAll;

    @Option(names = "--delegation-source", description = "Issuer named in delegated tokens.")
    String delegationSource;

    @Option(names = "--at-max-age", description = "Longest token lifetime in seconds.")
    Integer atMaxAge;

    @Override
    public Integer call() throws Exception {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", scope);
      body.put("owner_orgno", owner);
      body.put("accessible_for_all", accessibleForAll);
      body.put("delegation_source", delegationSource);
      body.put("at_max_age", atMaxAge);
      return print(api().send("POST", "/admin/scopes", body));
    }
  }

  /** {@code krr admin scope list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the scopes.")
  static final class ScopeList extends Operator implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      return print(api().get("/admin/scopes"));
    }
  }

  /** {@code krr admin access}. */
  @Command(
      name = "access",
      mixinStandardHelpOptions = true,
      description = "Grants or revokes an organisation's access to a scope (MP-250).",
      subcommands = {Grant.class, Revoke.class, AccessList.class})
  static final class Access {}

  /** The {@code --scope} and {@code --org} of access commands. */
  abstract static class AccessEntry extends Operator {
    @Option(names = "--scope", required = true, description = "A registered scope.")
    String scope;

    @Option(names = "--org", required = true, description = "Organisation number.")
    String org;
  }

  /** {@code krr admin access grant}. */
  @Command(name = "grant", mixinStandardHelpOptions = true, description = "Grants access.")
  static final class Grant extends AccessEntry implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      return print(api().send("PUT", "/admin/access", Map.of("scope", scope, "orgno", org)));
    }
  }

  /** {@code krr admin access revoke}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes access.")
  static final class Revoke extends AccessEntry implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      return print(api().delete("/admin/access", Map.of("scope", scope, "orgno", org)));
    }
  }

  /** {@code krr admin access list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists access grants.")
  static final class AccessList extends Operator implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      return print(api().get("/admin/access"));
    }
  }

  /** {@code krr admin delegation}. */
  @Command(
      name = "delegation",
      mixinStandardHelpOptions = true,
      description = "Records that a consumer delegated a scope to a supplier (MP-251).",
      subcommands = {DelegationAdd.class, DelegationRemove.class, DelegationList.class})
  static final class Delegations {}

  /** The organisations and scope of delegation commands. */
  abstract static class DelegationEntry extends Operator {
    @Option(names = "--consumer", required = true, description = "Delegating organisation.")
    String consumer;

    @Option(names = "--supplier", required = true, description = "Organisation acting for it.")
    String supplier;

    @Option(names = "--scope", required = true, description = "The delegated scope.")
    String scope;

    Map<String, String> fields() {
      return Map.of("consumer_orgno", consumer, "supplier_orgno", supplier, "scope", scope);
    }
  }

  /** {@code krr admin delegation add}. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Records a delegation.")
  static final class DelegationAdd extends DelegationEntry implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      return print(api().send("POST", "/admin/delegations", fields()));
    }
  }

  /** {@code krr admin delegation remove}. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a delegation.")
  static final class DelegationRemove extends DelegationEntry implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      return print(api().delete("/admin/delegations", fields()));
    }
  }

  /** {@code krr admin delegation list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists delegations.")
  static final class DelegationList extends Operator implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      return print(api().get("/admin/delegations"));
    }
  }

  /** {@code krr admin reset}. */
  @Command(
      name = "reset",
      mixinStandardHelpOptions = true,
      description =
          "Empties the emulator as between tests: clients (but the bootstrap client), scopes"
              + " beyond the built-in ones, access, delegations and persons put in are gone; the"
              + " clock's offset is zero.")
  static final class Reset extends Operator implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      api().send("POST", "/admin/reset", null);
      spec.commandLine().getOut().println("reset");
      return ExitCode.OK.code;
    }
  }

  /** {@code krr admin export}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Writes the emulator's whole state as state files.",
        "Clients, keys, scopes, access, delegations, Altinn's system users and consents, persons",
        "put in: a zip archive (--out) or a directory of JSON files (--dir), which 'krr admin",
        "import' and 'krr serve --init' read. GET /admin/state."
      })
  static final class Export extends Operator implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "FILE", description = "Write a zip archive here.")
    Path out;

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description = "Write the JSON files into DIR, replacing what it held.")
    Path dir;

    @Option(
        names = "--include-signing-keys",
        description = "Add signing-keys.json: the emulator's PRIVATE token signing keys.")
    boolean signingKeys;

    @Override
    public Integer call() throws Exception {
      if ((out == null) == (dir == null)) {
        throw new CliErrors.Failure(ExitCode.USAGE, "give one of --out FILE or --dir DIR");
      }
      byte[] zip =
          api()
              .sendForBytes(
                  "GET", "/admin/state" + (signingKeys ? "?include_signing_keys=true" : ""), null);
      if (out != null) {
        SecretFiles.write(out, zip, true); // persons and, if asked, private keys: mode 600
      } else {
        StateExport.replaceDirectory(
            dir, fresh -> StateFiles.unzip(new ByteArrayInputStream(zip)).write(fresh));
      }
      spec.commandLine().getOut().println("exported to " + (out != null ? out : dir));
      return ExitCode.OK.code;
    }
  }

  /** {@code krr admin import}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Loads state files in one transaction, replacing the state or merged into it.",
        "A zip archive or a directory of JSON files, as 'krr admin export' writes them. Anything",
        "wrong refuses the whole import, naming the file and line. POST /admin/state."
      })
  static final class Import extends Operator implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "A zip archive or a directory of state files.")
    Path path;

    @Option(
        names = "--merge",
        description = "Put each item in or replace the one with its key; keep everything else.")
    boolean merge;

    @Override
    public Integer call() throws Exception {
      byte[] zip;
      if (Files.isDirectory(path)) {
        zip = StateExport.zip(path);
      } else if (Files.isRegularFile(path)) {
        zip = Files.readAllBytes(path);
      } else {
        throw new CliErrors.Failure(ExitCode.IO_ERROR, path + ": no such file or directory");
      }
      JsonNode answer =
          api().post("/admin/state?mode=" + (merge ? "merge" : "replace"), zip, "application/zip");
      if (json) {
        return print(answer);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println((merge ? "merged" : "imported") + " from " + path);
      answer
          .path("imported")
          .properties()
          .forEach(e -> out.println("  " + e.getKey() + ": " + e.getValue()));
      return ExitCode.OK.code;
    }
  }

  /** {@code krr admin signing-key}. */
  @Command(
      name = "signing-key",
      mixinStandardHelpOptions = true,
      description = "Shows or rotates the emulator's token signing keys.",
      subcommands = {SigningKeyRotate.class, SigningKeyList.class})
  static final class SigningKeys {}

  /** {@code krr admin signing-key rotate}. */
  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description =
          "Publishes a new signing key now; it signs after the publication delay, and the old"
              + " key stays published until its tokens have expired.")
  static final class SigningKeyRotate extends Operator implements Callable<Integer> {
    @Option(
        names = "--publication-delay",
        description = "ISO-8601 duration until the new key signs (default: PT60S).")
    String publicationDelay;

    @Override
    public Integer call() throws Exception {
      Map<String, String> body =
          publicationDelay == null ? null : Map.of("publication_delay", publicationDelay);
      JsonNode answer = api().send("POST", "/admin/signing-keys/rotate", body);
      return print(json ? answer : answer.path("keys"));
    }
  }

  /** {@code krr admin signing-key list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the published signing keys: next, signing, retiring.")
  static final class SigningKeyList extends Operator implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      JsonNode answer = api().get("/admin/signing-keys");
      return print(json ? answer : answer.path("keys"));
    }
  }
}
