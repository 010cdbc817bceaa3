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
 * its first metadata answer, with and without the launcher's class-data-sharing archive, against
 * navikt's mock-oauth2-server started the same way (its standalone main, from this jar); and
 * krr-local started in-process, the first time in a JVM and again after that (what each krr-junit
 * test class pays). Runs alternate between the targets so that a change in the machine's load hits
 * them alike.
 *
 * <pre>
 * java -jar bench/target/bench.jar start --runs 5 [--krr-jar krr-cli/target/krr.jar]
 * </pre>
 */
final class StartBench {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

  private StartBench() {}

  public static void main(String[] args) throws Exception {
    int runs = 5;
    Path krrJar = Path.of("krr-cli/target/krr.jar");
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--krr-jar" -> krrJar = Path.of(args[++i]);
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

    Map<String, List<Long>> standalone = new LinkedHashMap<>();
    standalone.put("krr serve --ephemeral", new ArrayList<>());
    if (Files.isRegularFile(cds)) {
      standalone.put("krr serve --ephemeral, CDS archive", new ArrayList<>());
    }
    standalone.put("mock-oauth2-server (standalone)", new ArrayList<>());
    for (int run = 0; run < runs; run++) {
      for (String target : standalone.keySet()) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java));
        String metadata;
        Map<String, String> env = Map.of();
        if (target.startsWith("krr")) {
          if (target.endsWith("CDS archive")) {
            command.addAll(
                List.of("-XX:SharedArchiveFile=" + cds, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
          }
          command.addAll(
              List.of("-jar", krrJar.toString(), "serve", "--ephemeral", "--port", "" + port));
          metadata =
              "http://127.0.0.1:" + port + "/maskinporten/.well-known/oauth-authorization-server";
        } else {
          command.addAll(
              List.of(
                  "-cp",
                  benchJar.toString(),
                  "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt"));
          env = Map.of("SERVER_PORT", "" + port);
          metadata = "http://127.0.0.1:" + port + "/default/.well-known/openid-configuration";
        }
        standalone.get(target).add(timeToFirstAnswer(command, env, metadata));
      }
    }

    List<Long> inProcess = new ArrayList<>();
    for (int run = 0; run < runs + 1; run++) {
      long t0 = System.nanoTime();
      try (KrrLocal krr = KrrLocal.builder().port(0).ephemeral().build().start()) {
        inProcess.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      }
    }

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
    System.out.println("samples: " + standalone + " in-process " + inProcess);
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
