package io.krrkit.cli;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

/** Reads RSA JWK files as written by {@code krr keygen}. Errors never quote the file's content. */
final class JwkFiles {
  private JwkFiles() {}

  /** The private key in {@code file}, which must have a kid. */
  static RSAKey readPrivate(Path file) throws IOException {
    RSAKey rsa = readRsa(file);
    if (!rsa.isPrivate()) {
      throw new CliErrors.Failure(ExitCode.USAGE, file + " holds no private key");
    }
    return rsa;
  }

  /** The public part of the key in {@code file} (a public or private JWK with a kid). */
  static RSAKey readPublic(Path file) throws IOException {
    return readRsa(file).toPublicJWK();
  }

  private static RSAKey readRsa(Path file) throws IOException {
    JWK jwk;
    try {
      jwk = JWK.parse(Files.readString(file));
    } catch (ParseException e) {
      throw new CliErrors.Failure(ExitCode.USAGE, file + " is not a JWK");
    }
    if (!(jwk instanceof RSAKey rsa)) {
      throw new CliErrors.Failure(ExitCode.USAGE, file + " is not an RSA JWK");
    }
    if (rsa.getKeyID() == null) {
      throw new CliErrors.Failure(ExitCode.USAGE, file + " has no kid");
    }
    return rsa;
  }
}
