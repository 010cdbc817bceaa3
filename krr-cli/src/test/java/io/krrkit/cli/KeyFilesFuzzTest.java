package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A key file of {@code --key} ({@link CliKeyFiles}): an RSA key with a kid (JWK, PEM with a kid
 * given, PKCS#12), or {@link CliErrors.Failure} saying what the file is not.
 */
class KeyFilesFuzzTest {
  private static final Path FILE = temp();

  @FuzzTest(maxDuration = "5s")
  void keyFile(byte[] input) throws IOException {
    Files.write(FILE, input);
    try {
      RSAKey key = CliKeyFiles.readPublic(FILE);
      assertThat(key.getKeyID()).isNotNull();
      assertThat(key.isPrivate()).isFalse();
      assertThat(CliKeyFiles.readPrivate(FILE).isPrivate()).isTrue();
    } catch (CliErrors.Failure refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  static Path temp() {
    try {
      Path file = Files.createTempFile("cli-fuzz", ".json");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
