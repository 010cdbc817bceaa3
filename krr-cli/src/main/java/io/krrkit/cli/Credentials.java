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
 * The Maskinporten client a command acts as: a client id with a private key file (JWK, PEM or
 * PKCS#12; sent as {@code kid}), or a client id with an enterprise certificate keystore (sent as
 * {@code x5c}, for clients without registered keys). Commands that manage clients take a bootstrap
 * file too ({@link AdminCredentials}). Any of these may come from a profile ({@link Profiles}).
 */
class Credentials {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin Target target;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--client-id",
      defaultValue = "${env:KRR_CLIENT_ID}",
      description = "Integration id (client_id) to act as.")
  String clientId;

  @Option(
      names = "--key",
      defaultValue = "${env:KRR_KEY}",
      description =
          "Private key file of the client: JWK (krr keygen), PEM (PKCS#8 or PKCS#1) or PKCS#12.")
  Path keyFile;

  @Option(
      names = "--key-id",
      paramLabel = "KID",
      defaultValue = "${env:KRR_KEY_ID}",
      description = "Key id --key is registered under (for PEM and PKCS#12; a JWK has its own).")
  String kid;

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
      loaded = new Loaded(clientId, CliKeyFiles.readPrivate(keyFile, kid, password()), null, null);
    } else if (bootstrapFile() != null) {
      awaitBootstrap();
      loaded = readBootstrap(bootstrapFile());
    } else if (clientId == null && (keyFile != null || keystore != null)) {
      throw new CliErrors.Failure(
          ExitCode.USAGE, "give the client the key belongs to: --client-id ID (env KRR_CLIENT_ID)");
    } else {
      throw new CliErrors.Failure(ExitCode.USAGE, missing());
    }
    return loaded;
  }

  private void awaitBootstrap() throws IOException {
    try {
      Readiness.awaitFile(
          bootstrapFile(), Readiness.parse(waitFor(), "--wait"), command.commandLine().getErr());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for " + bootstrapFile());
    }
  }

  /** How long to wait for the bootstrap file ({@code --wait}). */
  String waitFor() {
    return "0";
  }

  /** The bootstrap file to act as, or null: only commands that manage clients take one. */
  Path bootstrapFile() {
    return null;
  }

  /** What to say when no client is named. */
  String missing() {
    return "say which client to act as: --client-id ID --key FILE, or --client-id ID --keystore"
        + " FILE (enterprise certificate); or once, 'krr init' writes a profile with both";
  }

  private char[] password() {
    return keystorePassword == null ? null : keystorePassword.toCharArray();
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
