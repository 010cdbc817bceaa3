package io.krrkit.bench;

import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.krr.synthetic.SyntheticPerson;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes an input file for {@code krr lookup --in}: {@code --lines} identity numbers drawn at
 * random (seeded) from the population an emulator started with {@code --seed-persons P --seed S}
 * holds, registered or not, so about 84 % are AKTIV; one line in 1000 is cut short, as real files
 * have a few bad lines.
 *
 * <pre>
 * java -cp bench/target/bench.jar io.krrkit.bench.BulkInputFile --out ids.txt \
 *     --lines 1000000 --population 100000 --seed 1
 * </pre>
 */
public final class BulkInputFile {
  private BulkInputFile() {}

  /** Writes the file. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(option(args, "--out", "ids.txt"));
    int lines = Integer.parseInt(option(args, "--lines", "1000000"));
    int population = Integer.parseInt(option(args, "--population", "100000"));
    long seed = Long.parseLong(option(args, "--seed", "1"));
    List<String> ids =
        new SyntheticRegister(seed, Shares.DEFAULT, Instant.EPOCH)
            .population(population)
            .map(SyntheticPerson::personidentifikator)
            .map(id -> id.value())
            .toList();
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int i = 0; i < lines; i++) {
        String id = ids.get(random.nextInt(ids.size()));
        w.write(random.nextInt(1000) == 0 ? id.substring(0, 10) : id);
        w.newLine();
      }
    }
    System.out.println(lines + " lines from a population of " + population + " -> " + out);
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
