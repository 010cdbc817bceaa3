package io.krrkit.bench;

import io.krrkit.local.KrrLocal;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time, side by side in one run: {@code krr serve --ephemeral} as a process from launch to
 * its first metadata answer, with and without the class-data-sharing archive, through the {@code
 * ./krr} launcher (which runs a JDK 25 with its ahead-of-time cache when there is one), and an
 * older jar's ({@code --baseline-jar}, for a before/after in one run), against navikt's
 * mock-oauth2-server started the same way (its standalone main, from this jar); and krr-local
 * started in-process, the first time in a JVM and again after that (what each krr-junit test class
 * pays). Runs alternate between the targets so that a change in the machine's load hits them alike.
 *
 * <pre>
 * java -jar bench/target/bench.jar start --runs 5 [--krr-jar krr-cli/target/krr.jar]
 *     [--launcher ./krr] [--baseline-jar OTHER/krr-cli/target/krr.jar]
 * </pre>
 */
final class StartBench {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

  private StartBench() {}

  public static void main(String[] args) throws Exception {
    int runs = 5;
    Path krrJar = Path.of("krr-cli/target/krr.jar");
    Path launcher = Path.of("krr");
    Path baselineJar = null;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--krr-jar" -> krrJar = Path.of(args[++i]);
        case "--launcher" -> launcher = Path.of(args[++i]);
        case "--baseline-jar" -> baselineJar = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (!Files.isRegularFile(krrJar)) {
      throw new IllegalArgumentException(krrJar + " is missing: build it with ./krr --version");
    }
    Path cds = krrJar.resolveSibling("krr.jsa");
    Path benchJar =
        Path.of(StartBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Map<String, List<String>> targets = new LinkedHashMap<>();
    if (baselineJar != null) {
      targets.put("baseline jar, CDS archive", krr(java, baselineJar, true));
    }
    targets.put("krr serve --ephemeral", krr(java, krrJar, false));
    if (Files.isRegularFile(cds)) {
      targets.put("krr serve --ephemeral, CDS archive", krr(java, krrJar, true));
    }
    if (Files.isExecutable(launcher)) {
      // What users get: the launcher picks the JVM (a JDK 25 when there is one) and its cache.
      targets.put(
          "./krr serve --ephemeral (launcher)", List.of(launcher.toAbsolutePath().toString()));
    }
    targets.put(
        "mock-oauth2-server (standalone)",
        List.of(
            java,
            "-cp",
            benchJar.toString(),
            "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt"));
    Map<String, List<Long>> standalone = new LinkedHashMap<>();
    targets.keySet().forEach(t -> standalone.put(t, new ArrayList<>()));
    for (int run = 0; run < runs; run++) {
      for (String target : standalone.keySet()) {
        int port = freePort();
        List<String> command = new ArrayList<>(targets.get(target));
        String metadata;
        Map<String, String> env = Map.of();
        if (!target.startsWith("mock")) {
          command.addAll(List.of("serve", "--ephemeral", "--port", "" + port));
          metadata =
              "http://127.0.0.1:" + port + "/maskinporten/.well-known/oauth-authorization-server";
        } else {
          env = Map.of("SERVER_PORT", "" + port);
          metadata = "http://127.0.0.1:" + port + "/default/.well-known/openid-configuration";
        }
        standalone.get(target).add(timeToFirstAnswer(command, env, metadata));
      }
    }

    List<Long> inProcess = startInProcess(runs + 1, 0);
    // Between two krr-junit test classes the tests run: the JVM has time for work in the
    // background.
    List<Long> spaced = startInProcess(runs, 1000);

    System.out.printf(
        "%-42s %8s %8s   (%d runs, ms to the first metadata answer)%n",
        "target", "median", "min", runs);
    for (var e : standalone.entrySet()) {
      System.out.printf("%-42s %8d %8d%n", e.getKey(), median(e.getValue()), min(e.getValue()));
    }
    System.out.printf(
        "%-42s %8d %8s%n", "krr-local in-process, first in the JVM", inProcess.get(0), "");
    List<Long> later = inProcess.subList(1, inProcess.size());
    System.out.printf(
        "%-42s %8d %8d%n", "krr-local in-process, later starts", median(later), min(later));
    System.out.printf(
        "%-42s %8d %8d%n", "krr-local in-process, later, 1 s apart", median(spaced), min(spaced));
    System.out.println("samples: " + standalone + " in-process " + inProcess + " " + spaced);
  }

  private static List<Long> startInProcess(int runs, long pauseMillis) throws InterruptedException {
    List<Long> millis = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      Thread.sleep(pauseMillis);
      long t0 = System.nanoTime();
      try (KrrLocal krr = KrrLocal.builder().port(0).ephemeral().build().start()) {
        millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      }
    }
    return millis;
  }

  /** The command that runs {@code jar}'s CLI on this JVM, with the jar's CDS archive if asked. */
  private static List<String> krr(String java, Path jar, boolean cds) {
    List<String> command = new ArrayList<>(List.of(java));
    if (cds) {
      command.addAll(
          List.of(
              "-XX:SharedArchiveFile=" + jar.resolveSibling("krr.jsa"),
              "-Xlog:cds=off",
              "-Xlog:cds+dynamic=off"));
    }
    command.addAll(List.of("-jar", jar.toString()));
    return command;
  }

  private static long timeToFirstAnswer(List<String> command, Map<String, String> env, String url)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    long t0 = System.nanoTime();
    Process process = builder.start();
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
      long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(command + " exited with " + process.exitValue());
        }
        try {
          if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(5);
      }
      throw new IllegalStateException(command + " did not answer " + url + " within 60 s");
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static long median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  private static long min(List<Long> values) {
    return Arrays.stream(values.stream().mapToLong(Long::longValue).toArray()).min().orElseThrow();
  }
}
