package io.krrkit.bench.fuzz;

import io.krrkit.local.KrrLocal;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The fuzzing loop behind {@link io.krrkit.bench.HttpFuzz}: options, seeds, checks, report. */
public final class FuzzRun {
  /** What must never be in an answer: traces, Java packages, exception class names. */
  static final Pattern LEAK =
      Pattern.compile(
          "Exception|\\bat io\\.|\\bjava\\.|javax\\.|jakarta\\.|org\\.eclipse\\.jetty|io\\.javalin"
              + "|com\\.fasterxml|com\\.nimbusds|io\\.krrkit\\.|\\tat ");

  private static final long SLOW_NANOS = Duration.ofSeconds(10).toNanos();
  private static final int SHOWN = 25;

  private FuzzRun() {}

  /** Runs the fuzzer; 0 when nothing was found, 1 otherwise, 2 for bad usage. */
  public static int run(String[] args) throws Exception {
    int requests = intOption(args, "--requests", 20_000);
    long seed = Long.parseLong(option(args, "--seed", "1"));
    boolean admin = List.of(args).contains("--admin");
    String save = option(args, "--save", null);
    if (List.of(args).contains("--help")) {
      System.out.println(
          "usage: HttpFuzz [--requests N (20000)] [--seed S (1)] [--admin] [--save DIR]");
      return 2;
    }
    try (KrrLocal krr =
        KrrLocal.builder().port(0).ephemeral().seedPersons(100).adminApi(admin).build().start()) {
      URI base = URI.create(krr.baseUrl());
      RawHttp http = new RawHttp(base.getHost(), base.getPort(), 15_000);
      Random random = new Random(seed);
      Mutator mutator = new Mutator(random);
      Setup setup = new Setup(krr);
      List<Seeds.Seed> seeds = new Seeds(setup, http, mutator, random).all(admin);
      Report report = new Report();
      checkSeeds(seeds, http);
      long start = System.nanoTime();
      for (int i = 0; i < requests; i++) {
        Seeds.Seed s = seeds.get(random.nextInt(seeds.size()));
        List<String> applied = new ArrayList<>();
        RawRequest request = mutator.mutate(s.maker().make(), applied);
        RawHttp.Response answer = http.send(request);
        String finding = check(answer);
        report.count(s, answer, finding);
        if (finding != null) {
          report.finding(s, request, applied, answer, finding);
          if (save != null) {
            save(Path.of(save), report.findings(), request, base);
          }
        }
        if (s.what().equals("PUT /admin/clock")) {
          krr.clock().setOffset(Duration.ZERO); // a fuzzed offset would expire every token
        }
      }
      report.print(requests, seed, admin, (System.nanoTime() - start) / 1e9);
      return report.findings() == 0 ? 0 : 1;
    }
  }

  /** Each seed unmutated, once, so a seed that is itself refused shows up before the run. */
  private static void checkSeeds(List<Seeds.Seed> seeds, RawHttp http) throws Exception {
    for (Seeds.Seed s : seeds) {
      RawHttp.Response answer = http.send(s.maker().make());
      if (answer.status() >= 400 && !s.what().contains("null") && !s.what().contains("userinfo")) {
        String body = answer.text();
        System.err.printf(
            Locale.ROOT,
            "seed %s %s answered %d: %s%n",
            s.service(),
            s.what(),
            answer.status(),
            body.substring(0, Math.min(200, body.length())));
      }
    }
  }

  static String check(RawHttp.Response answer) {
    if (answer.nanos() > SLOW_NANOS || answer.status() < 0) {
      return answer.status() < 0 ? "no answer" : "slow";
    }
    if (answer.status() >= 500) {
      return "5xx";
    }
    if (LEAK.matcher(answer.text()).find()) {
      return "leak";
    }
    return null;
  }

  private static void save(Path dir, int n, RawRequest request, URI base) throws IOException {
    Files.createDirectories(dir);
    Files.write(
        dir.resolve(String.format(Locale.ROOT, "finding-%04d.http", n)),
        request.toBytes(base.getHost() + ":" + base.getPort()));
  }

  /** Counts per service and the first findings. */
  static final class Report {
    private final Map<String, long[]> perService = new TreeMap<>();
    private final List<String> shown = new ArrayList<>();
    private int findings;
    private long slowest;
    private String slowestWhat = "";

    void count(Seeds.Seed s, RawHttp.Response answer, String finding) {
      // requests, 2xx/3xx, 4xx, 5xx, leaks, no answer or slow, max ms
      long[] c = perService.computeIfAbsent(s.service(), k -> new long[7]);
      c[0]++;
      int status = answer.status();
      if (status >= 500) {
        c[3]++;
      } else if (status >= 400) {
        c[2]++;
      } else if (status > 0) {
        c[1]++;
      }
      if ("leak".equals(finding)) {
        c[4]++;
      }
      if ("slow".equals(finding) || "no answer".equals(finding)) {
        c[5]++;
      }
      long ms = answer.nanos() / 1_000_000;
      c[6] = Math.max(c[6], ms);
      if (answer.nanos() > slowest) {
        slowest = answer.nanos();
        slowestWhat = s.service() + " " + s.what();
      }
    }

    void finding(
        Seeds.Seed s, RawRequest r, List<String> applied, RawHttp.Response answer, String kind) {
      findings++;
      if (shown.size() < SHOWN) {
        String body = answer.text().replaceAll("\\s+", " ");
        shown.add(
            String.format(
                Locale.ROOT,
                "%s [%s] %s %s -> %d (%s): %s",
                kind,
                s.service(),
                s.what(),
                applied,
                answer.status(),
                r.describe(),
                body.substring(0, Math.min(300, body.length()))));
      }
    }

    int findings() {
      return findings;
    }

    void print(int requests, long seed, boolean admin, double seconds) {
      System.out.println(
          "| service | requests | 2xx/3xx | 4xx | 5xx | leaks | slow or no answer | slowest ms |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      long[] total = new long[7];
      perService.forEach(
          (service, c) -> {
            System.out.printf(
                Locale.ROOT,
                "| %s | %d | %d | %d | %d | %d | %d | %d |%n",
                service,
                c[0],
                c[1],
                c[2],
                c[3],
                c[4],
                c[5],
                c[6]);
            for (int i = 0; i < 6; i++) {
              total[i] += c[i];
            }
            total[6] = Math.max(total[6], c[6]);
          });
      System.out.printf(
          Locale.ROOT,
          "| all | %d | %d | %d | %d | %d | %d | %d |%n",
          total[0],
          total[1],
          total[2],
          total[3],
          total[4],
          total[5],
          total[6]);
      System.out.printf(
          Locale.ROOT,
          "%d requests in %.0f s (seed %d%s); slowest answer %d ms (%s); %d findings%n",
          requests,
          seconds,
          seed,
          admin ? ", --admin" : "",
          slowest / 1_000_000,
          slowestWhat,
          findings);
      shown.forEach(System.out::println);
    }
  }

  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  static int intOption(String[] args, String name, int fallback) {
    return Integer.parseInt(option(args, name, String.valueOf(fallback)));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
