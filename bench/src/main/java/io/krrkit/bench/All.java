package io.krrkit.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole benchmark table in one command: runs the existing subcommands one after another, each
 * in its own JVM (so one's JIT and heap do not colour the next), and prints one Markdown table with
 * the machine, the command and the peer beside each row, then each command's own output. Nothing is
 * measured here: every figure comes from the subcommand named in its row.
 *
 * <ul>
 *   <li>token, c=8 and c=32, against mock-oauth2-server, and server CPU per token against one raw
 *       RS256 signature: {@code compare} ({@link Comparison});
 *   <li>lookup of 1000-id batches against the in-process limit: {@code lookup} ({@link
 *       LoadGenerator}) and {@code lookup-limit} ({@link LookupLimit});
 *   <li>start-up against mock-oauth2-server: {@code start} ({@link StartBench}, needs {@code
 *       krr-cli/target/krr.jar});
 *   <li>bulk {@code krr lookup --in}: {@code bench/bulk-lookup.sh} (needs the same jar);
 *   <li>1, 2, 3 nodes on one PostgreSQL: {@code nodes} ({@link MultiNode}).
 * </ul>
 *
 * <pre>
 * java -jar bench/target/bench.jar all [--bulk-lines 200000] [--only token,lookup,start,bulk,nodes]
 *     (from the repository root, after mvn -pl krr-cli,bench -am package)
 * </pre>
 */
final class All {
  private static final long STEP_TIMEOUT_MINUTES = 4;

  private final Path root;
  private final String java;
  private final Path jar;
  private final int bulkLines;
  private final List<String> only;
  private final String machine;
  private final List<String> rows = new ArrayList<>();
  private final Map<String, String> outputs = new LinkedHashMap<>();

  private All(String[] args) throws Exception {
    jar = Path.of(All.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    root = Path.of(LoadGenerator.stringOption(args, "--root", ".")).toAbsolutePath().normalize();
    java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    bulkLines = LoadGenerator.intOption(args, "--bulk-lines", 200_000);
    only =
        List.of(
            LoadGenerator.stringOption(args, "--only", "token,lookup,start,bulk,nodes").split(","));
    machine =
        Runtime.getRuntime().availableProcessors()
            + " vCPU "
            + cpuModel()
            + ", JDK "
            + System.getProperty("java.version");
  }

  static void main(String[] args) throws Exception {
    new All(args).run();
  }

  private void run() throws Exception {
    long started = System.nanoTime();
    if (only.contains("token")) {
      token(bench("compare", "--concurrency", "8,32", "--duration", "5", "--warmup", "12"));
    }
    if (only.contains("lookup")) {
      Step lookup = bench("lookup", "--concurrency", "4", "--duration", "10", "--warmup", "5");
      Step limit = bench("lookup-limit", "--duration", "5", "--threads", "2");
      lookup(lookup, limit);
    }
    Path krrJar = root.resolve("krr-cli/target/krr.jar");
    boolean needsCli = only.contains("start") || only.contains("bulk");
    if (needsCli && !Files.isRegularFile(krrJar)) {
      rows.add("| start-up, bulk lookup | not run: " + krrJar + " is missing | | | |");
    } else {
      if (only.contains("start")) {
        start(bench("start", "--runs", "3", "--krr-jar", krrJar.toString()));
      }
      if (only.contains("bulk")) {
        bulk(
            step(
                List.of(
                    "sh",
                    root.resolve("bench/bulk-lookup.sh").toString(),
                    String.valueOf(bulkLines),
                    "100000")));
      }
    }
    if (only.contains("nodes")) {
      nodes(bench("nodes", "--nodes", "1,2,3", "--duration", "5", "--warmup", "6"));
    }

    System.out.printf(
        Locale.ROOT,
        "%n## bench all: %.0f s, %s%n%n",
        (System.nanoTime() - started) / 1e9,
        machine);
    System.out.println(
        "| what | result | peer (same run) | machine (load before → after) | command |");
    System.out.println("|---|---|---|---|---|");
    rows.forEach(System.out::println);
    for (var e : outputs.entrySet()) {
      System.out.println("\n### `" + e.getKey() + "`\n\n" + e.getValue());
    }
  }

  // --- the rows of each step ---

  private void token(Step s) {
    Map<String, String[]> krr = new LinkedHashMap<>();
    Map<String, String[]> mock = new LinkedHashMap<>();
    String[] raw = null;
    for (String[] c : s.tableRows()) {
      if (c[0].startsWith("krr-local")) {
        krr.put(c[1], c);
      } else if (c[0].startsWith("mock-oauth2-server")) {
        mock.put(c[1], c);
      } else if (c[0].startsWith("JDK raw")) {
        raw = c;
      }
    }
    for (var e : krr.entrySet()) {
      String[] m = mock.get(e.getKey());
      add(
          s,
          "`/token` c=" + e.getKey() + ", full validation",
          e.getValue()[2] + " tokens/s, p99 " + e.getValue()[4] + " ms",
          m == null
              ? "-"
              : "mock-oauth2-server " + m[2] + "/s: **" + ratio(e.getValue()[2], m[2]) + "×**");
    }
    for (var e : krr.entrySet()) {
      add(
          s,
          "server CPU per token, c=" + e.getKey(),
          e.getValue()[5] + " µs",
          raw == null
              ? "-"
              : "one raw RS256 signature "
                  + raw[5]
                  + " µs: **"
                  + ratio(e.getValue()[5], raw[5])
                  + "** signatures");
    }
  }

  private void lookup(Step lookup, Step limit) {
    String limitPerSecond = null;
    Matcher m =
        Pattern.compile("register \\+ JSON[^|]*\\|[^|]*\\|\\s*([\\d,]+) persons/s")
            .matcher(limit.out);
    if (m.find()) {
      limitPerSecond = m.group(1).replace(",", "");
    }
    for (String[] c : lookup.tableRows()) {
      if (c[0].startsWith("lookup")) {
        add(
            lookup,
            "KRR " + c[0] + ", c=" + c[1],
            c[5] + " persons/s, p99 " + c[7] + " ms",
            limitPerSecond == null
                ? "-"
                : "in-process limit "
                    + limitPerSecond
                    + " persons/s (`"
                    + limit.command
                    + "`): **"
                    + percent(c[5], limitPerSecond)
                    + "**");
      }
    }
  }

  private void start(Step s) {
    Pattern line = Pattern.compile("^(\\S.*?)\\s{2,}(\\d+)\\s+(\\d*)\\s*$");
    String mock = null;
    List<String[]> found = new ArrayList<>();
    for (String l : s.out.split("\n")) {
      Matcher m = line.matcher(l);
      if (m.matches()) {
        found.add(new String[] {m.group(1).trim(), m.group(2)});
        if (m.group(1).contains("mock-oauth2-server")) {
          mock = m.group(2);
        }
      }
    }
    for (String[] f : found) {
      if (!f[0].contains("mock-oauth2-server")) {
        add(
            s,
            "start: " + f[0],
            f[1] + " ms (median)",
            mock == null || f[0].contains("in-process")
                ? "-"
                : "mock-oauth2-server " + mock + " ms: " + ratio(f[1], mock) + "×");
      }
    }
  }

  private void bulk(Step s) {
    // bulk-lookup.sh's first run is the one against the local emulator without added latency.
    Matcher rate = Pattern.compile("(\\d+) lines/s end to end").matcher(s.out);
    Matcher rss = Pattern.compile("max RSS (\\d+) KB").matcher(s.out);
    add(
        s,
        "bulk `krr lookup --in`, " + bulkLines + " lines, -Xmx256m",
        (rate.find() ? rate.group(1) + " lines/s" : "see output")
            + (rss.find() ? ", CLI max RSS " + Long.parseLong(rss.group(1)) / 1024 + " MB" : ""),
        "- (goal ≥ 100 000 lines/s)");
  }

  private void nodes(Step s) {
    Map<String, String> oneNode = new LinkedHashMap<>();
    for (String[] c : s.tableRows()) {
      String value = c[0].startsWith("lookup") ? c[4] : c[3];
      if (c[1].equals("1")) {
        oneNode.put(c[0], value);
      }
      String one = oneNode.get(c[0]);
      add(
          s,
          c[0] + ", " + c[1] + " node(s) on one PostgreSQL, c=" + c[2],
          value
              + (c[0].startsWith("lookup") ? " persons/s" : " tokens/s")
              + ", p99 "
              + c[6]
              + " ms",
          one == null || c[1].equals("1") ? "-" : "1 node " + one + ": " + ratio(value, one) + "×");
    }
  }

  // --- running the steps ---

  private record Step(String command, String out, String loadBefore, String loadAfter) {
    /** The cells of the Markdown table rows in the output, header and rule left out. */
    List<String[]> tableRows() {
      List<String[]> cells = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (line.startsWith("| ") && !line.startsWith("| what") && !line.startsWith("| endpoint")) {
          String[] c = line.substring(1, line.lastIndexOf('|')).split("\\|");
          for (int i = 0; i < c.length; i++) {
            c[i] = c[i].trim();
          }
          cells.add(c);
        }
      }
      return cells;
    }
  }

  private Step bench(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
    command.addAll(List.of(args));
    return step(command);
  }

  private Step step(List<String> command) throws IOException, InterruptedException {
    String shown =
        String.join(" ", command)
            .replace(java + " -jar " + jar, "java -jar bench.jar")
            .replace(root + "/", "");
    System.err.println("bench all: " + shown);
    String before = load();
    Path captured = Files.createTempFile("bench-all-", ".out");
    String text;
    try {
      // To a file, not a pipe: reading a pipe would block past the time-out on a hung step.
      Process p =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .redirectOutput(captured.toFile())
              .start();
      p.getOutputStream().close();
      boolean ended = p.waitFor(STEP_TIMEOUT_MINUTES, TimeUnit.MINUTES);
      if (!ended) {
        p.destroyForcibly();
        p.waitFor();
      }
      text = Files.readString(captured, StandardCharsets.UTF_8);
      if (!ended) {
        text += "\n(stopped after " + STEP_TIMEOUT_MINUTES + " minutes)";
      } else if (p.exitValue() != 0) {
        text += "\n(exit code " + p.exitValue() + ")";
      }
    } finally {
      Files.deleteIfExists(captured);
    }
    outputs.put(shown, text.strip());
    return new Step(shown, text, before, load());
  }

  private void add(Step s, String what, String result, String peer) {
    rows.add(
        "| "
            + what
            + " | "
            + result
            + " | "
            + peer
            + " | "
            + machine
            + ", load "
            + s.loadBefore()
            + " → "
            + s.loadAfter()
            + " | `"
            + s.command()
            + "` |");
  }

  private static String ratio(String value, String peer) {
    try {
      return String.format(
          Locale.ROOT, "%.2f", Double.parseDouble(value) / Double.parseDouble(peer));
    } catch (NumberFormatException e) {
      return "?";
    }
  }

  private static String percent(String value, String peer) {
    try {
      return String.format(
          Locale.ROOT, "%.0f %%", 100 * Double.parseDouble(value) / Double.parseDouble(peer));
    } catch (NumberFormatException e) {
      return "?";
    }
  }

  private static String load() {
    return String.format(
        Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux: the model is left out
    }
    return "";
  }
}
