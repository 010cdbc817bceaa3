package io.krrkit.core.krr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Golden JSON written from Digdir's documented examples, under {@code src/test/resources/golden}.
 * Each file opens with {@code //} lines naming its source; {@link #json} drops them, so the mapper
 * under test reads plain JSON.
 */
final class Golden {
  private Golden() {}

  /** The JSON of {@code golden/<name>}, without its leading comment lines. */
  static String json(String name) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden file " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(line -> !line.startsWith("//")).collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
