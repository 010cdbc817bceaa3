package io.krrkit.cli;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.core.IntegrationType;
import io.krrkit.core.Scope;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import io.krrkit.selfservice.ClientRequest;
import io.krrkit.selfservice.RegisteredClient;
import io.krrkit.selfservice.SelfServiceClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code krr init}: one step from nothing to a working profile: a key pair, a KRR client registered
 * with it, and the profile that names both, so later commands need no options.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Makes a key, registers a KRR client with it and writes a profile, in one step.",
      "Acts as the admin client the options name (on krr-local: --bootstrap FILE from",
      "'krr serve --bootstrap-out FILE'). Afterwards 'krr lookup ID' and 'krr token' need",
      "no options. The profile (--profile, default 'local') goes to the configuration file",
      "($KRR_CONFIG, else ~/.config/krr/config.properties); the private key beside it in",
      "keys/PROFILE.jwk, mode 600."
    })
final class InitCommand extends SelfServiceCommand implements Callable<Integer> {
  static final String DEFAULT_PROFILE = "local";

  @Option(
      names = "--name",
      defaultValue = "krr-kit",
      description = "Name of the KRR client to register (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(
      names = "--scope",
      paramLabel = "SCOPE",
      description =
          "Scope to add to the KRR client's two (repeatable), e.g. krr:global/hentendring.read"
              + " for 'krr sync' (the organisation needs access to it).")
  List<String> scopes = List.of();

  @Option(names = "--force", description = "Replace the profile and its key file if they exist.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    String profile = profileName();
    Path config = Profiles.file();
    Path keyFile = config.toAbsolutePath().resolveSibling("keys").resolve(profile + ".jwk");
    if (!force && Profiles.exists(config, profile)) {
      throw new CliErrors.Failure(
          ExitCode.USAGE,
          "profile '"
              + profile
              + "' exists in "
              + config
              + ": use it (krr --profile "
              + profile
              + " …), pick another name with --profile, or replace it with --force");
    }
    SelfServiceClient api = selfService();
    RSAKey key = KeygenCommand.generate(KeygenCommand.defaultKid());
    ClientRequest.Builder request = ClientRequest.krr(name).description(name + " (krr init)");
    if (!scopes.isEmpty()) {
      Set<Scope> all = new LinkedHashSet<>(IntegrationType.KRR.automaticScopes());
      scopes.forEach(s -> all.add(Scope.of(s)));
      request.scopes(all);
    }
    RegisteredClient client = api.createClient(request.build());
    api.addKey(client.clientId(), key.toPublicJWK());
    SecretFiles.write(keyFile, key.toJSONString() + "\n", force);
    Profiles.write(config, profile, entries(client, keyFile));
    PrintWriter out = out();
    out.printf(
        "Registered KRR client %s (%s) with key %s.%n", client.clientId(), name, key.getKeyID());
    out.printf("  private key: %s (mode 600, keep it secret)%n", keyFile);
    out.printf("  profile:     %s in %s%n", profile, config);
    String flag = profile.equals(Profiles.defaultProfile(config)) ? "" : " --profile " + profile;
    out.printf(
        "Try: krr%s lookup %s%n",
        flag, credentials.target.env == Target.Env.local ? KnownPersons.ACTIVE.value() : "ID");
    return ExitCode.OK.code;
  }

  private Map<String, String> entries(RegisteredClient client, Path keyFile) throws Exception {
    Map<String, String> entries = new LinkedHashMap<>();
    Target target = credentials.target;
    entries.put("env", target.env.name());
    if (target.env == Target.Env.local) {
      entries.put("url", target.localBase(credentials.load().bootstrapIssuer()));
    }
    entries.put("client-id", client.clientId());
    entries.put("key", keyFile.getParent().getFileName() + "/" + keyFile.getFileName());
    return entries;
  }

  private String profileName() {
    String chosen = ((Krr) spec.root().userObject()).profile;
    if (chosen == null) {
      chosen = System.getenv("KRR_PROFILE");
    }
    String profile = chosen == null || chosen.isBlank() ? DEFAULT_PROFILE : chosen;
    if (!profile.matches("[A-Za-z0-9_-]{1,40}")) {
      throw new CliErrors.Failure(
          ExitCode.USAGE, "a profile name is 1-40 letters, digits, '-' or '_', was: " + profile);
    }
    return profile;
  }
}
