package io.krrkit.core.krr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Golden JSON written from Digdir's documented examples, under krr-core's {@code
 * src/test/resources/golden}: the one set the model (krr-core), the client (krr-client) and the
 * emulator (krr-local) are all tested against, shared as krr-core's test-jar. Each file opens with
 * {@code //} lines naming its source; {@link #json} drops them, so the mapper under test reads
 * plain JSON.
 *
 * <pre>{@code
 * JsonNode expected = new ObjectMapper().readTree(Golden.json("hent-person-respons.json"));
 * }</pre>
 */
public final class Golden {
  private Golden() {}

  /** The JSON of {@code golden/<name>}, without its leading comment lines. */
  public static String json(String name) {
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
