package io.krrkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.maskinporten.EnterpriseCertificate;
import io.krrkit.maskinporten.MaskinportenClient;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The Maskinporten client a command acts as: a bootstrap file from {@code krr serve
 * --bootstrap-out}, a client id with a private JWK file (sent as {@code kid}), or a client id with
 * an enterprise certificate keystore (sent as {@code x5c}, for clients without registered keys).
 */
final class Credentials {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin Target target;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--bootstrap",
      defaultValue = "${env:KRR_BOOTSTRAP}",
      description = "Bootstrap file of krr-local ({issuer, client_id, kid, private_jwk}).")
  Path bootstrap;

  @Option(
      names = "--client-id",
      defaultValue = "${env:KRR_CLIENT_ID}",
      description = "Integration id (client_id) to act as.")
  String clientId;

  @Option(
      names = "--key",
      defaultValue = "${env:KRR_KEY}",
      description = "Private RSA JWK file of the client (its kid must be registered).")
  Path keyFile;

  @Option(
      names = "--keystore",
      defaultValue = "${env:KRR_KEYSTORE}",
      description = "PKCS#12 or JKS keystore with the enterprise certificate (krr cert issue).")
  Path keystore;

  @Option(
      names = "--alias",
      defaultValue = "${env:KRR_KEYSTORE_ALIAS}",
      description = "Entry of the keystore (default: its only private key entry).")
  String alias;

  @Option(
      names = "--keystore-password",
      defaultValue = "${env:KRR_CERT_PASSWORD}",
      description = "Password of the keystore and key (prefer the env KRR_CERT_PASSWORD).")
  String keystorePassword;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      defaultValue = "${env:KRR_WAIT:-60s}",
      description = {
        "How long to wait for the --bootstrap file to appear, as when krr serve was just",
        "started in the background (default: ${DEFAULT-VALUE}; 0: not at all)."
      })
  String wait;

  private Loaded loaded;

  /**
   * The client id, its key or enterprise certificate (one is null), and the issuer the bootstrap
   * file names (or null).
   */
  record Loaded(
      String clientId, RSAKey key, EnterpriseCertificate certificate, String bootstrapIssuer) {}

  Loaded load() throws IOException {
    if (loaded != null) {
      return loaded;
    }
    if (clientId != null && keystore != null) {
      loaded = new Loaded(clientId, null, readKeystore(), null);
    } else if (clientId != null && keyFile != null) {
      loaded = new Loaded(clientId, JwkFiles.readPrivate(keyFile), null, null);
    } else if (bootstrap != null) {
      awaitBootstrap();
      loaded = readBootstrap(bootstrap);
    } else {
      throw new CliErrors.Failure(
          ExitCode.USAGE,
          "say which client to act as: --client-id ID --key FILE, --client-id ID --keystore FILE"
              + " (enterprise certificate), or --bootstrap FILE (from 'krr serve --bootstrap-out"
              + " FILE')");
    }
    return loaded;
  }

  private void awaitBootstrap() throws IOException {
    try {
      Readiness.awaitFile(
          bootstrap, Readiness.parse(wait, "--wait"), command.commandLine().getErr());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for " + bootstrap);
    }
  }

  MaskinportenClient maskinporten() throws IOException {
    Loaded l = load();
    MaskinportenClient.Builder client =
        MaskinportenClient.builder()
            .environment(target.maskinporten(l.bootstrapIssuer()))
            .clientId(l.clientId());
    if (l.certificate() != null) {
      client.certificate(l.certificate());
    } else {
      client.signingKey(l.key());
    }
    return client.build();
  }

  private EnterpriseCertificate readKeystore() {
    if (keystorePassword == null) {
      throw new CliErrors.Failure(
          ExitCode.USAGE,
          "give the keystore password: --keystore-password, or the env KRR_CERT_PASSWORD");
    }
    return EnterpriseCertificate.fromKeyStore(keystore, alias, keystorePassword.toCharArray());
  }

  /** The client a bootstrap file names, with its key and issuer. */
  static Loaded readBootstrap(Path file) throws IOException {
    JsonNode json = JSON.readTree(file.toFile());
    if (!json.hasNonNull("client_id") || !json.hasNonNull("private_jwk")) {
      throw new CliErrors.Failure(
          ExitCode.USAGE, file + " is not a bootstrap file (needs client_id and private_jwk)");
    }
    try {
      RSAKey key = RSAKey.parse(json.get("private_jwk").toString());
      return new Loaded(
          json.get("client_id").asText(), key, null, json.path("issuer").asText(null));
    } catch (ParseException e) {
      throw new CliErrors.Failure(ExitCode.USAGE, file + ": private_jwk is not an RSA JWK");
    }
  }
}
