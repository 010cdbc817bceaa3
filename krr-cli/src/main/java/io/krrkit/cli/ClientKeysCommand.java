package io.krrkit.cli;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.selfservice.ClientKey;
import io.krrkit.selfservice.ClientKeySet;
import io.krrkit.selfservice.SelfServiceClient;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code krr client keys}: the public keys (JWKs) registered on a client. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Manages the public keys (JWKs) registered on a client: at most 5, RSA 2048.",
    subcommands = {
      ClientKeysCommand.ListCmd.class,
      ClientKeysCommand.Upload.class,
      ClientKeysCommand.Rotate.class,
      ClientKeysCommand.Delete.class
    })
final class ClientKeysCommand {
  private ClientKeysCommand() {}

  /** What every keys command shares: the client, and how to print a key set. */
  abstract static class Base extends ClientCommand.Base {
    @Option(names = "--client", required = true, description = "client_id of the integration.")
    String client;

    @Option(names = "--json", description = "Print the client's key set as the API's JSON.")
    boolean json;

    int print(ClientKeySet keys) {
      return print(json, keys, out -> table(out, keys));
    }

    private static void table(PrintWriter out, ClientKeySet keys) {
      Table table = Table.of("KID", "ALG", "EXPIRES");
      for (ClientKey k : keys.keys()) {
        table.row(k.kid(), k.alg(), k.expiresAt().orElse(null));
      }
      table.print(out);
      if (keys.created() != null) {
        out.printf("(set created %s, last updated %s)%n", keys.created(), keys.lastUpdated());
      }
    }
  }

  /** {@code krr client keys list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists a client's keys: kid, algorithm and expiry.")
  static final class ListCmd extends Base implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      return print(selfService().getKeys(client));
    }
  }

  /** {@code krr client keys upload}. */
  @Command(
      name = "upload",
      mixinStandardHelpOptions = true,
      description = {
        "Registers a public key on a client, keeping its other keys (at most 5).",
        "Give the public JWK from 'krr keygen', or a PEM public key or certificate with",
        "--kid (a private key also works: only its public part is sent)."
      })
  static final class Upload extends Base implements Callable<Integer> {
    @Option(
        names = "--public-key",
        required = true,
        description = "Key file: JWK, or PEM (PUBLIC KEY, CERTIFICATE or a private key).")
    Path keyFile;

    @Option(names = "--kid", description = "Key id to register a PEM key under.")
    String kid;

    @Override
    public Integer call() throws Exception {
      return print(selfService().addKey(client, CliKeyFiles.readPublic(keyFile, kid)));
    }
  }

  /** {@code krr client keys rotate}. */
  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = {
        "Generates a new key pair and registers it beside the client's other keys.",
        "The RSA 2048 pair goes to PREFIX.jwk (private, mode 600) and PREFIX.pub.jwk; a",
        "client has at most 5 keys. Sign with the new key, then remove the old ones:",
        "'krr client keys delete --kid OLD', or --retire-old at once."
      })
  static final class Rotate extends Base implements Callable<Integer> {
    @Option(names = "--kid", description = "Key id (default: krr-<date>-<random>).")
    String kid;

    @Option(names = "--out", paramLabel = "PREFIX", description = "File prefix (default: the kid).")
    Path prefix;

    @Option(names = "--retire-old", description = "Make the new key the client's only key.")
    boolean retireOld;

    @Option(names = "--force", description = "Replace existing key files.")
    boolean force;

    @Override
    public Integer call() throws Exception {
      SelfServiceClient api = selfService();
      RSAKey key = KeygenCommand.generate(kid != null ? kid : KeygenCommand.defaultKid());
      String base = prefix != null ? prefix.toString() : key.getKeyID();
      Path privateFile = Path.of(base + ".jwk");
      Path publicFile = Path.of(base + ".pub.jwk");
      if (Files.exists(publicFile) && !force) {
        throw new FileAlreadyExistsException(publicFile + " exists (use --force to replace it)");
      }
      SecretFiles.write(privateFile, key.toJSONString() + "\n", force);
      ClientKeySet keys;
      try {
        keys = register(api, key);
      } catch (RuntimeException e) {
        Files.deleteIfExists(privateFile); // never registered: leave nothing behind
        throw e;
      }
      Files.writeString(
          publicFile, key.toPublicJWK().toJSONString() + "\n", StandardCharsets.UTF_8);
      if (json) {
        return print(keys);
      }
      out().printf("kid:         %s%nprivate key: %s (mode 600)%n", key.getKeyID(), privateFile);
      out().printf("public key:  %s%nkeys now:    %s%n", publicFile, String.join(" ", keys.kids()));
      return ExitCode.OK.code;
    }

    private ClientKeySet register(SelfServiceClient api, RSAKey key) {
      return retireOld ? api.uploadKey(client, key) : api.addKey(client, key);
    }
  }

  /** {@code krr client keys delete}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Removes one key (--kid), keeping the others, or every key (--all).")
  static final class Delete extends Base implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    /** Exactly one of {@code --kid} and {@code --all}. */
    static final class Which {
      @Option(names = "--kid", description = "The key to remove.")
      String kid;

      @Option(names = "--all", description = "Remove every key of the client.")
      boolean all;
    }

    @Override
    public Integer call() throws Exception {
      SelfServiceClient api = selfService();
      if (which.all) {
        api.deleteKeys(client);
      } else if (!api.deleteKey(client, which.kid)) {
        throw new CliErrors.Failure(
            ExitCode.SERVICE_ERROR,
            "client "
                + client
                + " has no key "
                + which.kid
                + "; 'krr client keys list' shows them");
      }
      return print(api.getKeys(client));
    }
  }
}
