package io.krrkit.local.internal.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/troubleshooting.md covers exactly the MP-xxx codes the token endpoint gives ({@link
 * TokenError}), each with its cause, fix and a way to cause it in krr-local, and every one of those
 * codes has a help page at {@code {issuer}errors/MP-xxx}, the {@code error_uri} of the refusal.
 */
class TroubleshootingDocTest {
  private static final Path DOC = Path.of("..", "docs", "troubleshooting.md");
  private static final Pattern SECTION =
      Pattern.compile("^### (MP-\\d{3})\\n(.*?)(?=^##|\\z)", Pattern.MULTILINE | Pattern.DOTALL);

  private static LocalFixture fx;

  @BeforeAll
  static void start() {
    fx = LocalFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void everyCodeTheEmulatorGivesHasASectionWithCauseFixAndReproduction() throws IOException {
    Matcher sections = SECTION.matcher(Files.readString(DOC));
    Set<String> documented = new LinkedHashSet<>();
    while (sections.find()) {
      documented.add(sections.group(1));
      assertThat(sections.group(2))
          .as("the section of %s in %s", sections.group(1), DOC)
          .contains("**Cause.**", "**Fix.**", "**In krr-local.**");
    }

    assertThat(documented)
        .as("MP codes with a section in %s", DOC)
        .containsExactlyInAnyOrderElementsOf(codes());
  }

  @Test
  void everyCodeHasAHelpPageNamingIt() {
    for (String code : codes()) {
      Answer page = fx.get(fx.issuer() + "errors/" + code);

      assertThat(page.status()).as("GET {issuer}errors/%s", code).isEqualTo(200);
      assertThat(page.body()).as("help page of %s", code).contains(code, "Cause", "Fix");
    }
  }

  private static Set<String> codes() {
    return Arrays.stream(TokenError.values())
        .map(TokenError::code)
        .filter(Objects::nonNull)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
