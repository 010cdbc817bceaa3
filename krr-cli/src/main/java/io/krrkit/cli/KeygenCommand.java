package io.krrkit.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code krr keygen}: an RSA 2048 key pair as JWK files, the form self-service accepts. */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Generates an RSA 2048 key pair (RS256) as JWK files.",
      "PREFIX.jwk is private (mode 600); PREFIX.pub.jwk is public, to upload with",
      "'krr client keys upload'."
    })
final class KeygenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      defaultValue = "krr-key",
      description = "File name prefix (default: ${DEFAULT-VALUE}).")
  Path prefix;

  @Option(
      names = "--kid",
      description = "Key id (default: krr-<date>-<random>); unique across clients.")
  String kid;

  @Option(names = "--force", description = "Replace existing files.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    RSAKey key = generate(kid != null ? kid : defaultKid());
    Path privateFile = Path.of(prefix + ".jwk");
    Path publicFile = Path.of(prefix + ".pub.jwk");
    SecretFiles.write(privateFile, key.toJSONString() + "\n", force);
    if (Files.exists(publicFile) && !force) {
      throw new java.nio.file.FileAlreadyExistsException(publicFile + " exists (use --force)");
    }
    Files.writeString(publicFile, key.toPublicJWK().toJSONString() + "\n", StandardCharsets.UTF_8);
    spec.commandLine()
        .getOut()
        .printf(
            "kid:         %s%nprivate key: %s (mode 600, keep it secret)%npublic key:  %s%n",
            key.getKeyID(), privateFile, publicFile);
    return ExitCode.OK.code;
  }

  /** A fresh RSA 2048 signing key for RS256 with {@code kid}. */
  static RSAKey generate(String kid) throws JOSEException {
    return new RSAKeyGenerator(2048)
        .keyID(kid)
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.RS256)
        .generate();
  }

  static String defaultKid() {
    return "krr-" + LocalDate.now() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
