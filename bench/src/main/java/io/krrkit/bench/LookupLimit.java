package io.krrkit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.KrrJson;
import io.krrkit.core.krr.Person;
import io.krrkit.core.krr.PersonerResponse;
import io.krrkit.local.KrrLocal;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.krr.ApiVersion;
import io.krrkit.local.internal.krr.Lookup;
import io.krrkit.local.internal.krr.Register;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The in-process limit of the lookup endpoint: the same 1000-person answers (both scopes) produced
 * without HTTP, token or request parsing, as persons/s. Two rows: the register's answer written as
 * JSON (one query for what the store holds over the population, the rest computed, 18-month rule,
 * JSON), and the JSON writing alone. The register is {@link LookupPopulation}'s.
 *
 * <pre>
 * java -jar bench/target/bench.jar lookup-limit --persons 5500000 --overridden 10 --duration 10 --threads 2
 * </pre>
 */
final class LookupLimit {
  private static final int BATCH = Lookup.MAX_PERSONS;

  private LookupLimit() {}

  static void main(String[] args) throws Exception {
    int persons = LoadGenerator.intOption(args, "--persons", LookupPopulation.DEFAULT_SIZE);
    int overridden = LoadGenerator.intOption(args, "--overridden", 10);
    int seconds = LoadGenerator.intOption(args, "--duration", 10);
    int threads = LoadGenerator.intOption(args, "--threads", 2);
    try (KrrLocal krr =
        KrrLocal.builder().port(0).ephemeral().seedPersons(persons).build().start()) {
      Register register = Internals.of(krr).register();
      LookupPopulation.override(krr, overridden);
      List<Lookup> lookups = lookups(krr);
      ObjectMapper json = KrrJson.newObjectMapper();
      List<Person> fixed = register.lookup(lookups.get(0));
      Task registerAndJson =
          () -> write(json, register.lookup(lookups.get(random(lookups.size()))));
      Task jsonOnly = () -> write(json, fixed);
      measure("register + JSON", registerAndJson, 3, threads);
      report(
          "register + JSON",
          measure("register + JSON", registerAndJson, seconds, threads),
          threads);
      measure("JSON only", jsonOnly, 3, threads);
      report("JSON only", measure("JSON only", jsonOnly, seconds, threads), threads);
    }
  }

  private interface Task {
    void run() throws Exception;
  }

  private static void write(ObjectMapper json, List<Person> persons) throws Exception {
    json.writeValue(OutputStream.nullOutputStream(), new PersonerResponse(persons));
  }

  private static int random(int bound) {
    return ThreadLocalRandom.current().nextInt(bound);
  }

  private static List<Lookup> lookups(KrrLocal krr) {
    List<Personidentifikator> ids =
        LookupPopulation.registeredIds(krr, 200 * BATCH).stream()
            .map(Personidentifikator::of)
            .toList();
    List<Lookup> lookups = new ArrayList<>();
    for (int from = 0; from + BATCH <= ids.size(); from += BATCH) {
      lookups.add(
          new Lookup(
              ids.subList(from, from + BATCH), Register.LOOKUP_SCOPES, ApiVersion.V2, false));
    }
    return lookups;
  }

  private static double measure(String name, Task task, int seconds, int threads) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Long>> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < threads; i++) {
      workers.add(
          pool.submit(
              () -> {
                long answers = 0;
                while (System.nanoTime() < deadline) {
                  task.run();
                  answers++;
                }
                return answers;
              }));
    }
    long answers = 0;
    for (Future<Long> w : workers) {
      answers += w.get();
    }
    pool.shutdown();
    double elapsed = (System.nanoTime() - start) / 1e9;
    return answers * BATCH / elapsed;
  }

  private static void report(String name, double personsPerSecond, int threads) {
    System.out.printf(
        "| in-process %-16s | %d threads | %,10.0f persons/s |%n", name, threads, personsPerSecond);
  }
}
