package io.krrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.Status;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
        .contains("Looked up " + ids.size() + " lines")
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
    assertThat(run.out()).containsPattern("blank lines +3 \\(skipped\\)");
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
    assertThat(run.out()).containsPattern("rejected +3 ");
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
        .containsExactly("4,,missing,no value in column 2 ('fnr') of a ;-separated file");
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

  private CliRun lookup(Path in, String out, String... more) {
    List<String> args = new ArrayList<>(List.of("lookup", "--in", in.toString()));
    args.addAll(List.of("--out", dir.resolve(out).toString()));
    args.addAll(List.of(more));
    args.addAll(List.of(asClient));
    return CliRun.of(args.toArray(String[]::new));
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

  private List<String> rejects(String file) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve(file));
    assertThat(lines.get(0)).isEqualTo("line,value,rule,reason");
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
