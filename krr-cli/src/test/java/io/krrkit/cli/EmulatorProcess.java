package io.krrkit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code krr serve} in a JVM of its own, started from this test's classpath, so a test can kill it
 * as the operating system would ({@code kill -9}). Its output goes to a log file; {@link #start}
 * returns once it prints the Maskinporten issuer (its port is free-picked).
 */
final class EmulatorProcess {
  private static final Pattern ISSUER =
      Pattern.compile("Maskinporten issuer:\\s+(http://\\S+/maskinporten/)");

  private final Process process;
  private final String issuer;
  private final Path log;

  private EmulatorProcess(Process process, String issuer, Path log) {
    this.process = process;
    this.issuer = issuer;
    this.log = log;
  }

  /** Starts {@code krr serve ARGS}; waits up to 120 s for it to serve. */
  static EmulatorProcess start(Path log, List<String> serveArgs) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Krr.class.getName()));
    command.add("serve");
    command.addAll(serveArgs);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      CompletableFuture<String> issuer = new CompletableFuture<>();
      Thread pump = new Thread(() -> pump(process, log, issuer), "emulator-output");
      pump.setDaemon(true);
      pump.start();
      try {
        return new EmulatorProcess(process, issuer.get(120, TimeUnit.SECONDS), log);
      } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
        process.destroyForcibly();
        throw new IllegalStateException("krr serve did not start:\n" + tail(log), e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A free port, for a node that must keep its issuer across restarts. */
  static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code krr serve --port 0 ARGS} to its end (it must exit by itself); returns its exit
   * code.
   */
  static int runToExit(Path log, List<String> serveArgs) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Krr.class.getName()));
    command.add("serve");
    command.addAll(serveArgs);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("krr serve did not exit:\n" + tail(log));
    }
    return process.exitValue();
  }

  String issuer() {
    return issuer;
  }

  /** {@code http://localhost:PORT}. */
  String baseUrl() {
    return issuer.substring(0, issuer.length() - "/maskinporten/".length());
  }

  /** SIGKILL, as {@code kill -9}: no shutdown hook runs. Waits until the process is gone. */
  /** Waits at most {@code millis} for the process to end by itself; true when it did. */
  boolean waitForExit(long millis) throws InterruptedException {
    return process.waitFor(millis, TimeUnit.MILLISECONDS);
  }

  void kill9() throws InterruptedException {
    process.destroyForcibly(); // SIGKILL on Linux and macOS
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: the shutdown hook closes the store as Ctrl-C would. Waits until it is gone. */
  void stop() throws InterruptedException {
    process.destroy();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  String logTail() {
    return tail(log);
  }

  private static void pump(Process process, Path log, CompletableFuture<String> issuer) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Matcher m = ISSUER.matcher(line);
        if (m.find()) {
          issuer.complete(m.group(1));
        }
      }
    } catch (IOException e) {
      // The process died; its output ends here.
    }
    issuer.completeExceptionally(new IllegalStateException("exited before serving"));
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
