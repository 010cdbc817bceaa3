package io.krrkit.cli;

import com.nimbusds.jose.jwk.RSAKey;
import io.krrkit.maskinporten.KeyFiles;
import io.krrkit.maskinporten.MaskinportenConfigException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the CLI's key files ({@code --key}, {@code --public-key}) through maskinporten-client's
 * {@link KeyFiles}, adding to its errors the options that fix them and the CLI's exit codes: a
 * missing file is an I/O error, a file that is no usable key a usage error.
 */
final class CliKeyFiles {
  private CliKeyFiles() {}

  /** The private key in {@code file}, which must have a kid: its own, or {@code kid}. */
  static RSAKey readPrivate(Path file, String kid, char[] password) {
    requireFile(file);
    try {
      return KeyFiles.readPrivateKey(file, kid, password);
    } catch (MaskinportenConfigException e) {
      throw usage(e);
    }
  }

  /** {@link #readPrivate} for a JWK file, whose kid it carries. */
  static RSAKey readPrivate(Path file) {
    return readPrivate(file, null, null);
  }

  /** The public part of the key in {@code file} (public or private; JWK, PEM or certificate). */
  static RSAKey readPublic(Path file, String kid) {
    requireFile(file);
    try {
      return KeyFiles.readPublicKey(file, kid);
    } catch (MaskinportenConfigException e) {
      throw usage(e);
    }
  }

  /** {@link #readPublic} for a JWK file, whose kid it carries. */
  static RSAKey readPublic(Path file) {
    return readPublic(file, null);
  }

  private static void requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CliErrors.Failure(
          ExitCode.IO_ERROR,
          "no key file "
              + file
              + (Files.isDirectory(file) ? " (it is a directory)" : "")
              + ": make one with 'krr keygen --out PREFIX' or 'krr init'");
    }
  }

  private static CliErrors.Failure usage(MaskinportenConfigException e) {
    String message = e.getMessage();
    if (message.contains("names no key id")) {
      message += ": --key-id KID (env KRR_KEY_ID; krr client keys upload: --kid)";
    } else if (message.contains("password")) {
      message += ": --keystore-password, or the env KRR_CERT_PASSWORD";
    }
    return new CliErrors.Failure(ExitCode.USAGE, message);
  }
}
