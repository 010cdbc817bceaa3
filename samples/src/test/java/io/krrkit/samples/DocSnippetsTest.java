package io.krrkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs show the sample projects as they are: every fenced block after a {@code <!-- snippet:
 * samples/…/File.java -->} line in README.md or docs/*.md equals that file (or, with {@code #name},
 * the lines between its {@code snippet:name} and {@code /snippet:name} markers, unindented), and
 * the build compiles and runs the samples (samples/pom.xml). {@code @project.version@} in a sample
 * is this build's version in the docs.
 */
class DocSnippetsTest {
  private static final Path ROOT = Path.of(System.getProperty("krr.root", ".."));
  private static final String VERSION = System.getProperty("krr.version", "0.1.0-SNAPSHOT");
  private static final Pattern SNIPPET =
      Pattern.compile(
          "<!-- snippet: (\\S+?)(?:#(\\S+))? -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

  record Snippet(Path doc, String source, String region, String shown) {}

  @Test
  void everySnippetInTheDocsIsItsSampleAsItStands() throws IOException {
    for (Snippet s : snippets()) {
      assertThat(s.shown())
          .as("%s shows %s%s", s.doc(), s.source(), s.region() == null ? "" : "#" + s.region())
          .isEqualTo(expected(s));
    }
  }

  @Test
  void theJUnitPageAndTheGuideShowTheSamples() throws IOException {
    List<Snippet> all = snippets();

    assertThat(all)
        .filteredOn(s -> s.doc().endsWith(Path.of("docs", "testing.md")))
        .extracting(Snippet::source)
        .contains(
            "samples/projects/junit/src/test/java/example/KrrLookupTest.java",
            "samples/projects/junit/pom.xml");
    assertThat(all)
        .filteredOn(s -> s.doc().endsWith(Path.of("docs", "guide.md")))
        .extracting(Snippet::source)
        .contains("samples/projects/junit/src/test/java/example/KrrLookupTest.java");
  }

  @Test
  void everyJavaOrXmlBlockInTheDocsIsACheckedSnippet() throws IOException {
    // Code a reader copies is code the build compiles: a java or xml block must be a snippet of
    // a file the build compiles and runs (sample projects, interop tests).
    Pattern fence = Pattern.compile("(?m)^(.*)\\n```(java|xml)$");
    List<String> unchecked = new ArrayList<>();
    for (Path doc : docs()) {
      Matcher m = fence.matcher(Files.readString(doc));
      while (m.find()) {
        if (!m.group(1).startsWith("<!-- snippet: ")) {
          unchecked.add(
              ROOT.relativize(doc) + ": a ```" + m.group(2) + " block after: " + m.group(1));
        }
      }
    }
    assertThat(unchecked).as("code blocks without a <!-- snippet: … --> marker").isEmpty();
  }

  @Test
  void theReadmeWritesEveryCommandOneWay() throws IOException {
    // The README runs the CLI from the checkout: `./krr …` everywhere, never a bare `krr …` that
    // a reader pasting it would find missing from the PATH.
    Matcher bare = Pattern.compile("(?m)(?:^|`|\\$\\(|[;&|] )krr (?:[a-z]+)").matcher(readme());
    List<String> found = new ArrayList<>();
    while (bare.find()) {
      found.add(bare.group());
    }
    assertThat(found).as("commands written `krr …` instead of `./krr …` in README.md").isEmpty();
  }

  private static String readme() throws IOException {
    return Files.readString(ROOT.resolve("README.md"));
  }

  private static String expected(Snippet s) throws IOException {
    Path file = ROOT.resolve(s.source());
    assertThat(file).as("%s names a file of the repository", s.doc()).isRegularFile();
    String text = Files.readString(file).replace("@project.version@", VERSION);
    return s.region() == null ? text : region(text, s.region(), file);
  }

  /** The lines between the markers {@code snippet:name} and {@code /snippet:name}, unindented. */
  private static String region(String text, String name, Path file) {
    List<String> lines = new ArrayList<>();
    boolean in = false;
    boolean found = false;
    for (String line : text.split("\n", -1)) {
      if (line.contains("/snippet:" + name)) {
        in = false;
      } else if (line.contains("snippet:" + name)) {
        in = true;
        found = true;
      } else if (in) {
        lines.add(line);
      }
    }
    assertThat(found).as("%s marks a region snippet:%s", file, name).isTrue();
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder out = new StringBuilder();
    lines.forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
    return out.toString();
  }

  private static List<Snippet> snippets() throws IOException {
    List<Snippet> all = new ArrayList<>();
    for (Path doc : docs()) {
      Matcher m = SNIPPET.matcher(Files.readString(doc));
      while (m.find()) {
        all.add(new Snippet(doc, m.group(1), m.group(2), m.group(3)));
      }
    }
    return all;
  }

  /** README.md and docs/*.md. */
  private static List<Path> docs() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }
}
