package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.Status;
import io.krrkit.local.RequiredTool;
import io.krrkit.local.internal.Internals;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import io.krrkit.local.internal.krr.synthetic.Shares;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code krr lookup --in FILE --out FILE} against one emulator: input hygiene, output, resume. */
class BulkLookupCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACTIVE = KnownPersons.ACTIVE.value();
  private static final String RESERVED = KnownPersons.RESERVED.value();
  private static final String STALE = KnownPersons.STALE.value();

  private static CliEmulator emulator;
  private static String[] asClient;
  @TempDir static Path shared;
  @TempDir Path dir;

  @BeforeAll
  static void startEmulatorWithAKrrClient() throws Exception {
    emulator = CliEmulator.start(shared);
    asClient = emulator.actAsNewKrrClient("Bulk", "bulk-key");
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @Test
  void writesOneRowPerLineInInputOrderAsTheRegisterHoldsIt() throws Exception {
    List<String> ids = List.of(ACTIVE, RESERVED, STALE, KnownPersons.NOT_REGISTERED.value());

    CliRun run = lookup(input(String.join("\n", ids) + "\n"), "out.jsonl");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> rows = jsonRows("out.jsonl");
    assertThat(rows).extracting(r -> r.get("line").asLong()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(rows)
        .extracting(r -> r.get("personidentifikator").asText())
        .containsExactlyElementsOf(ids);
    assertThat(rows)
        .allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo(statusOf(r).name()));
    assertThat(rows.get(0).get("varslingsstatus").asText()).isEqualTo("KAN_VARSLES");
    assertThat(rows.get(0).get("kontaktinformasjon").get("epostadresse").asText())
        .isEqualTo(entry(ACTIVE).kontaktinformasjon().epostadresse());
  }

  @Test
  void printsASummaryOfStatusReservationVarslingsstatusStaleAndDigitalPost() throws Exception {
    List<String> ids = KnownPersons.ALL.stream().map(Personidentifikator::value).toList();

    CliRun run = lookup(input(String.join("\n", ids)), "out.jsonl");

    assertThat(run.exitCode()).as(run.err()).isZero();
    long aktiv = ids.stream().filter(id -> status(id) == Status.AKTIV).count();
    assertThat(run.out())
        .contains("Read " + ids.size() + " identity numbers")
        .contains("AKTIV " + aktiv + ",")
        .containsPattern("reservasjon +JA [1-9]\\d*, NEI \\d+")
        .containsPattern("stale contact info +[1-9]")
        .containsPattern("with digital post +[1-9]");
  }

  @Test
  void skipsAndCountsBlankLines() throws Exception {
    CliRun run = lookup(input(ACTIVE + "\n\n   \n" + RESERVED + "\n\n"), "out.jsonl");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(jsonRows("out.jsonl"))
        .extracting(r -> r.get("line").asLong())
        .containsExactly(1L, 4L);
    assertThat(run.out())
        .containsPattern("read +2\n")
        .containsPattern("blank lines +3 \\(skipped, not counted as read\\)");
  }

  @Test
  void removesAByteOrderMarkAndWindowsLineEndings() throws Exception {
    CliRun run = lookup(input("\uFEFF" + ACTIVE + "\r\n" + RESERVED + "\r\n"), "out.jsonl");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(ids("out.jsonl")).containsExactly(ACTIVE, RESERVED);
    assertThat(rejects("out.jsonl.rejects")).isEmpty();
  }

  @Test
  void trimsSurroundingSpacesAndQuotes() throws Exception {
    CliRun run = lookup(input("  " + ACTIVE + "\t\n\"" + RESERVED + "\"\n"), "out.jsonl");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(ids("out.jsonl")).containsExactly(ACTIVE, RESERVED);
  }

  @Test
  void rejectsTenAndTwelveDigitValuesAndLettersWithLineAndReasonMasked() throws Exception {
    String ten = ACTIVE.substring(0, 10);
    String twelve = ACTIVE + "7";
    String letters = "0181709O148";

    CliRun run = lookup(input(String.join("\n", ten, ACTIVE, twelve, letters)), "out.jsonl");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(ids("out.jsonl")).containsExactly(ACTIVE);
    assertThat(rejects("out.jsonl.rejects"))
        .containsExactly(
            "1,0181***014,length,\"personidentifikator must be 11 digits, got 10 characters\"",
            "3,0181*****487,length,\"personidentifikator must be 11 digits, got 12 characters\"",
            "4,0181****148,digits,personidentifikator must be digits only; position 8 is not")
        .noneMatch(line -> line.contains(ten) || line.contains(twelve));
    assertThat(run.out()).containsPattern("invalid +3 ");
    assertThat(run.err()).doesNotContain(ten).doesNotContain(twelve);
  }

  @Test
  void writesRejectedValuesWholeOnlyWhenAsked() throws Exception {
    String twelve = ACTIVE + "7";

    CliRun run = lookup(input(twelve + "\n"), "out.jsonl", "--rejects-unmasked");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(rejects("out.jsonl.rejects"))
        .singleElement()
        .asString()
        .startsWith("1," + twelve + ",");
  }

  @Test
  void answersADuplicateEachTime() throws Exception {
    CliRun run = lookup(input(ACTIVE + "\n" + RESERVED + "\n" + ACTIVE + "\n"), "out.jsonl");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> rows = jsonRows("out.jsonl");
    assertThat(ids("out.jsonl")).containsExactly(ACTIVE, RESERVED, ACTIVE);
    JsonNode first = ((ObjectNode) rows.get(0)).without("line");
    JsonNode third = ((ObjectNode) rows.get(2)).without("line");
    assertThat(third.equals(first)).as("the duplicate's row equals the first").isTrue();
  }

  @Test
  void takesAFirstLineWithoutDigitsAsAHeader() throws Exception {
    CliRun run = lookup(input("fnr\n" + ACTIVE + "\n"), "out.jsonl");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("header on line 1");
    assertThat(jsonRows("out.jsonl")).extracting(r -> r.get("line").asLong()).containsExactly(2L);
  }

  @Test
  void treatsTheFirstLineAsDataWithNoHeader() throws Exception {
    CliRun run = lookup(input("fnr\n" + ACTIVE + "\n"), "out.jsonl", "--no-header");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(rejects("out.jsonl.rejects")).singleElement().asString().startsWith("1,***,length,");
  }

  @Test
  void looksUpATruncatedLastLineAndRejectsACutOffNumber() throws Exception {
    CliRun whole = lookup(input(ACTIVE + "\n" + RESERVED), "whole.jsonl");
    CliRun cut = lookup(input(ACTIVE + "\n" + RESERVED.substring(0, 6)), "cut.jsonl");

    assertThat(whole.exitCode()).as(whole.err()).isZero();
    assertThat(ids("whole.jsonl")).containsExactly(ACTIVE, RESERVED);
    assertThat(cut.exitCode()).as(cut.err()).isZero();
    assertThat(rejects("cut.jsonl.rejects"))
        .containsExactly(
            "2,******,length,\"personidentifikator must be 11 digits, got 6 characters\"");
  }

  @Test
  void readsACsvColumnByNameOrNumber() throws Exception {
    Path csv =
        input(
            "navn;fnr;kommune\n\"Kari; Nordmann\";"
                + ACTIVE
                + ";0301\nOla;"
                + RESERVED
                + ";5001\nPer\n");

    CliRun byName = lookup(csv, "name.jsonl", "--column", "FNR");
    CliRun byNumber = lookup(csv, "number.jsonl", "--column", "2");

    assertThat(byName.exitCode()).as(byName.err()).isZero();
    assertThat(byName.err()).contains("column 2 ('fnr') of a ;-separated file, header on line 1");
    assertThat(ids("name.jsonl")).containsExactly(ACTIVE, RESERVED);
    assertThat(rejects("name.jsonl.rejects"))
        .containsExactly("4;;missing;\"no value in column 2 ('fnr') of a ;-separated file\";Per;");
    assertThat(byNumber.exitCode()).as(byNumber.err()).isZero();
    assertThat(Files.readString(dir.resolve("number.jsonl")))
        .isEqualTo(Files.readString(dir.resolve("name.jsonl")));
  }

  @Test
  void namesTheColumnsWhenTheColumnIsUnknown() throws Exception {
    CliRun run =
        lookup(input("navn,fnr\nKari," + ACTIVE + "\n"), "out.jsonl", "--column", "fødselsnummer");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(run.err()).contains("no column named 'fødselsnummer'").contains("'navn', 'fnr'");
  }

  @Test
  void asksForAColumnWhenTheInputIsCsv() throws Exception {
    CliRun run = lookup(input("Kari," + ACTIVE + "\n"), "out.jsonl");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(run.err()).contains("looks like CSV (2 columns on line 1)").contains("--column");
    assertThat(run.err()).doesNotContain(ACTIVE);
  }

  @Test
  void writesCsvForACsvFileName() throws Exception {
    CliRun run = lookup(input(ACTIVE + "\n" + RESERVED + "\n"), "out.csv");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("out.csv"));
    assertThat(lines.get(0)).startsWith("line,personidentifikator,status,reservasjon,");
    assertThat(lines.get(1)).startsWith("1," + ACTIVE + ",AKTIV,NEI,,KAN_VARSLES,");
    assertThat(lines.get(2)).startsWith("2," + RESERVED + ",AKTIV,JA,");
    assertThat(lines).hasSize(3);
  }

  @Test
  void resumesAfterACrashWithNoRowMissingOrTwice() throws Exception {
    Path in = input(manyIds(2600));
    CliRun uninterrupted = lookup(in, "whole.jsonl");
    CliRun killed = lookup(in, "resumed.jsonl", "--stop-after-batches", "1");
    appendAsACrashWould("resumed.jsonl", "{\"line\":1001,\"personidentif");
    appendAsACrashWould("resumed.jsonl.rejects", "1002,0181");

    CliRun resumed = lookup(in, "resumed.jsonl", "--resume");

    assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
    assertThat(killed.exitCode()).isNotZero();
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("resuming after line 1000");
    assertThat(Files.readString(dir.resolve("resumed.jsonl")))
        .isEqualTo(Files.readString(dir.resolve("whole.jsonl")));
    assertThat(Files.readString(dir.resolve("resumed.jsonl.rejects")))
        .isEqualTo(Files.readString(dir.resolve("whole.jsonl.rejects")));
    assertThat(summaryOf(resumed)).isEqualTo(summaryOf(uninterrupted));
  }

  @Test
  void refusesToOverwriteAnOutputWithoutResume() throws Exception {
    Path in = input(ACTIVE + "\n");
    lookup(in, "out.jsonl");

    CliRun again = lookup(in, "out.jsonl");
    CliRun resumed = lookup(in, "out.jsonl", "--resume");

    assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(again.err()).contains("already exists: add --resume");
    assertThat(resumed.exitCode()).isZero();
    assertThat(resumed.out()).contains("Already complete");
    assertThat(ids("out.jsonl")).containsExactly(ACTIVE);
  }

  @Test
  void printsPlainProgressLinesWithoutATerminal() throws Exception {
    CliRun run = lookup(input(ACTIVE + "\n"), "out.jsonl", "--progress-every", "0");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).containsPattern("krr: 1 of 1 lines \\(100.0 %\\), \\d+ lines/s");
  }

  @Test
  void writesTheInputsDelimiterAndCopiesItsOtherColumnsBesideEachResult() throws Exception {
    Path in =
        input(
            "navn;fnr;saksnr\n"
                + "\"Nordmann; Kari\";"
                + ACTIVE
                + ";2024/17\n"
                + "\"Ola \"\"Junior\"\"\nHansen\";"
                + RESERVED
                + ";\"A,B\"\n"
                + "Per;"
                + STALE
                + ";3\n");

    CliRun run = lookup(in, "out.csv", "--column", "fnr");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("copying navn, saksnr beside each result");
    List<CSVRecord> rows = csv("out.csv", ';');
    assertThat(rows.get(0).values())
        .startsWith("line", "navn", "saksnr", "personidentifikator", "status", "reservasjon");
    assertThat(rows.subList(1, rows.size()))
        .extracting(r -> List.of(r.get(0), r.get(1), r.get(2), r.get(3), r.get(5)))
        .containsExactly(
            List.of("2", "Nordmann; Kari", "2024/17", ACTIVE, "NEI"),
            List.of("3", "Ola \"Junior\"\nHansen", "A,B", RESERVED, "JA"),
            List.of("5", "Per", "3", STALE, entry(STALE).reservasjon().name()));
    assertThat(Files.readString(dir.resolve("out.csv")))
        .contains("\r\n2;\"Nordmann; Kari\";2024/17;" + ACTIVE + ";AKTIV;NEI;")
        .contains("\r\n3;\"Ola \"\"Junior\"\"\nHansen\";A,B;" + RESERVED + ";");
  }

  @Test
  void startsSemicolonFilesWithAByteOrderMarkForExcelUnlessTold() throws Exception {
    Path semicolons = input("navn;fnr\nKåre;" + ACTIVE + "\n");
    Path commas = input("navn,fnr\nKåre," + ACTIVE + "\n");

    CliRun semicolon = lookup(semicolons, "semicolon.csv", "--column", "2");
    CliRun noBom = lookup(semicolons, "nobom.csv", "--column", "2", "--no-bom");
    CliRun comma = lookup(commas, "comma.csv", "--column", "2");
    CliRun bom = lookup(commas, "bom.csv", "--column", "2", "--bom");

    assertThat(List.of(semicolon, noBom, comma, bom))
        .allSatisfy(r -> assertThat(r.exitCode()).as(r.err()).isZero());
    assertThat(startsWithBom("semicolon.csv")).isTrue();
    assertThat(startsWithBom("semicolon.csv.rejects")).isTrue();
    assertThat(startsWithBom("nobom.csv")).isFalse();
    assertThat(startsWithBom("comma.csv")).isFalse();
    assertThat(startsWithBom("bom.csv")).isTrue();
    assertThat(firstRow("semicolon.csv", ';', "navn")).isEqualTo("Kåre");
    assertThat(firstRow("bom.csv", ',', "navn")).isEqualTo("Kåre");
  }

  @Test
  void readsAndWritesTheDelimiterGivenAndRefusesOthers() throws Exception {
    Path tabs = input("navn\tfnr\nKari, Nordmann\t" + ACTIVE + "\n");

    CliRun tab = lookup(tabs, "tab.csv", "--column", "fnr", "--delimiter", "tab");
    CliRun semicolon = lookup(input(ACTIVE + "\n"), "semi.csv", "--delimiter", ";");
    CliRun pipe = lookup(tabs, "pipe.csv", "--column", "fnr", "--delimiter", "|");

    assertThat(tab.exitCode()).as(tab.err()).isZero();
    assertThat(firstRow("tab.csv", '\t', "navn")).isEqualTo("Kari, Nordmann");
    assertThat(Files.readAllLines(dir.resolve("tab.csv")).get(1))
        .startsWith("2\tKari, Nordmann\t" + ACTIVE + "\t");
    assertThat(semicolon.exitCode()).as(semicolon.err()).isZero();
    assertThat(firstRow("semi.csv", ';', "personidentifikator")).isEqualTo(ACTIVE);
    assertThat(pipe.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(pipe.err()).contains("--delimiter takes ',' ';' or tab");
  }

  @Test
  void copiesTheOtherColumnsToRejectsAndJsonUnlessToldNotTo() throws Exception {
    Path in = input("saksnr,fnr\n17," + ACTIVE + "\n18,123\n");

    CliRun kept = lookup(in, "kept.jsonl", "--column", "fnr");
    CliRun plain = lookup(in, "plain.jsonl", "--column", "fnr", "--no-pass-through");

    assertThat(kept.exitCode()).as(kept.err()).isZero();
    assertThat(jsonRows("kept.jsonl"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("input").get("saksnr").asText()).isEqualTo("17");
              assertThat(r.get("personidentifikator").asText()).isEqualTo(ACTIVE);
            });
    assertThat(rejects("kept.jsonl.rejects"))
        .containsExactly(
            "3,***,length,\"personidentifikator must be 11 digits, got 3 characters\",18");
    assertThat(plain.exitCode()).as(plain.err()).isZero();
    assertThat(jsonRows("plain.jsonl"))
        .singleElement()
        .satisfies(r -> assertThat(r.has("input")).isFalse());
    assertThat(Files.readAllLines(dir.resolve("plain.jsonl.rejects")).get(0))
        .isEqualTo("line,value,rule,reason");
  }

  @Test
  void countsReadLookedUpInvalidBlankAndNotFound() throws Exception {
    String unknown = KnownPersons.NOT_REGISTERED.value();
    CliRun run =
        lookup(
            input("fnr\n" + ACTIVE + "\n\n" + unknown + "\n12\n   \n" + RESERVED + "\n"),
            "out.jsonl");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Read 4 identity numbers")
        .containsPattern("read +4\n")
        .containsPattern("looked up +3 -> ")
        .containsPattern("invalid +1 -> ")
        .containsPattern("blank lines +2 ")
        .containsPattern("not found +1 ");
  }

  @Test
  void refusesCsvWithAQuoteNeverClosedBeforeLookingAnythingUp() throws Exception {
    CliRun run =
        lookup(
            input("navn,fnr\n\"Kari," + ACTIVE + "\nOla," + RESERVED + "\n"),
            "out.jsonl",
            "--column",
            "fnr");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(run.err()).contains("as CSV").contains("must end with one").doesNotContain(ACTIVE);
    assertThat(dir.resolve("out.jsonl")).doesNotExist();
  }

  @Test
  void refusesToResumeWithOtherColumns() throws Exception {
    StringBuilder csv = new StringBuilder("saksnr;fnr\n");
    manyIds(1500)
        .lines()
        .forEach(id -> csv.append(csv.length()).append(';').append(id).append('\n'));
    Path in = input(csv.toString());
    CliRun killed = lookup(in, "out.csv", "--column", "fnr", "--stop-after-batches", "1");

    CliRun other = lookup(in, "out.csv", "--column", "fnr", "--resume", "--no-pass-through");

    assertThat(killed.exitCode()).isNotZero();
    assertThat(other.exitCode()).isEqualTo(ExitCode.USAGE.code);
    assertThat(other.err()).contains("was started with other columns");
  }

  /**
   * Ctrl-C as a terminal sends it: SIGINT to a real {@code krr lookup} process, mid-run. It saves
   * the rows done, prints the exact command that resumes, and exits 130; the command resumes there.
   */
  @Test
  void ctrlCSavesTheRowsPrintsTheResumeCommandAndExits130() throws Exception {
    RequiredTool.require(
        !sigintIgnored(),
        "SIGINT is ignored by this JVM (started in the background without job control), so a"
            + " child krr would ignore it too");
    Path in = input(manyIds(300_000));
    Path out = dir.resolve("big.jsonl");
    Path stderr = dir.resolve("krr.err");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Krr.class.getName()));
    command.addAll(lookupArgs(in, "big.jsonl", "--parallel", "1", "--checkpoint-every", "0"));
    Process krr =
        new ProcessBuilder(command)
            .redirectError(stderr.toFile())
            .redirectOutput(dir.resolve("krr.out").toFile())
            .start();
    try {
      Path checkpoint = Checkpoint.beside(out);
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> !krr.isAlive() || linesDone(checkpoint) > 0);
      assertThat(krr.isAlive()).as("still running after its first batch").isTrue();

      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(krr.pid())).start();
      assertThat(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0).isTrue();
      assertThat(krr.waitFor(60, TimeUnit.SECONDS)).as("krr exits after Ctrl-C").isTrue();

      String err = Files.readString(stderr);
      assertThat(krr.exitValue()).as(err).isEqualTo(130);
      Checkpoint saved = Checkpoint.read(checkpoint);
      assertThat(saved.complete()).isFalse();
      assertThat(saved.linesDone()).isBetween(1L, 299_999L);
      assertThat(err).contains("Rows up to line " + saved.linesDone() + " are saved");
      assertThat(Files.size(out)).isEqualTo(saved.outputBytes());
      assertThat(jsonRows("big.jsonl"))
          .last()
          .satisfies(
              r -> assertThat(r.get("line").asLong()).isLessThanOrEqualTo(saved.linesDone()));
      String resume =
          err.lines()
              .map(String::strip)
              .filter(l -> l.startsWith("krr lookup "))
              .reduce((a, b) -> b)
              .orElseThrow(() -> new AssertionError("no resume command in:\n" + err));
      assertThat(resume).endsWith(" --resume").contains("--in " + in).contains("--out " + out);

      List<String> words = new ArrayList<>(List.of(resume.substring("krr ".length()).split(" ")));
      words.addAll(List.of("--stop-after-batches", "1"));
      CliRun resumed = CliRun.of(words.toArray(String[]::new));
      assertThat(resumed.err()).contains("resuming after line " + saved.linesDone());
    } finally {
      krr.destroyForcibly();
    }
  }

  private CliRun lookup(Path in, String out, String... more) {
    return CliRun.of(lookupArgs(in, out, more).toArray(String[]::new));
  }

  private List<String> lookupArgs(Path in, String out, String... more) {
    List<String> args = new ArrayList<>(List.of("lookup", "--in", in.toString()));
    args.addAll(List.of("--out", dir.resolve(out).toString()));
    args.addAll(List.of(more));
    args.addAll(List.of(asClient));
    return args;
  }

  private List<CSVRecord> csv(String file, char delimiter) throws IOException {
    String text = Files.readString(dir.resolve(file)).replace("\uFEFF", "");
    try (CSVParser parser =
        CSVParser.parse(text, CSVFormat.RFC4180.builder().setDelimiter(delimiter).get())) {
      return parser.getRecords();
    }
  }

  /** Column {@code name} of the first data row of a CSV output. */
  private String firstRow(String file, char delimiter, String name) throws IOException {
    List<CSVRecord> rows = csv(file, delimiter);
    return rows.get(1).get(rows.get(0).toList().indexOf(name));
  }

  private boolean startsWithBom(String file) throws IOException {
    byte[] bytes = Files.readAllBytes(dir.resolve(file));
    return bytes.length >= 3
        && bytes[0] == (byte) 0xEF
        && bytes[1] == (byte) 0xBB
        && bytes[2] == (byte) 0xBF;
  }

  private static long linesDone(Path checkpoint) {
    try {
      return Files.exists(checkpoint) ? Checkpoint.read(checkpoint).linesDone() : 0;
    } catch (IOException | RuntimeException e) {
      return 0; // being replaced
    }
  }

  /** Whether this JVM ignores SIGINT (bit 2 of SigIgn in /proc/self/status), as a child would. */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    return Files.readAllLines(status).stream()
        .filter(l -> l.startsWith("SigIgn:"))
        .map(l -> Long.parseUnsignedLong(l.substring("SigIgn:".length()).strip(), 16))
        .anyMatch(mask -> (mask & 2L) != 0);
  }

  private Path input(String content) throws IOException {
    Path file = Files.createTempFile(dir, "in", ".txt");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  /** Identity numbers of the seeded population (registered or not), every 7th broken. */
  private static String manyIds(int n) {
    List<String> ids =
        new SyntheticRegister(1L, Shares.DEFAULT, Instant.now())
            .population(n)
            .map(p -> p.personidentifikator().value())
            .toList();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      text.append(i % 7 == 3 ? ids.get(i).substring(1) : ids.get(i)).append('\n');
    }
    return text.toString();
  }

  private void appendAsACrashWould(String file, String partial) throws IOException {
    Files.writeString(dir.resolve(file), partial, StandardOpenOption.APPEND);
  }

  private static String summaryOf(CliRun run) {
    return run.out().lines().filter(l -> !l.contains(" -> ")).reduce("", (a, b) -> a + b + "\n");
  }

  private List<JsonNode> jsonRows(String file) throws IOException {
    try (Stream<String> lines = Files.lines(dir.resolve(file))) {
      return lines.map(BulkLookupCommandTest::parse).toList();
    }
  }

  private List<String> ids(String file) throws IOException {
    return jsonRows(file).stream().map(r -> r.get("personidentifikator").asText()).toList();
  }

  /** The rejects file's rows after its header (a byte order mark removed). */
  private List<String> rejects(String file) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve(file));
    assertThat(lines.get(0).replace("\uFEFF", ""))
        .matches("line[,;\t]value[,;\t]rule[,;\t]reason.*");
    return lines.subList(1, lines.size());
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  private static Status statusOf(JsonNode row) {
    return status(row.get("personidentifikator").asText());
  }

  private static Status status(String id) {
    return Internals.of(emulator.krr)
        .register()
        .find(Personidentifikator.of(id))
        .map(RegisterEntry::status)
        .orElse(Status.IKKE_REGISTRERT);
  }

  private static RegisterEntry entry(String id) {
    return Internals.of(emulator.krr).register().find(Personidentifikator.of(id)).orElseThrow();
  }
}
