package io.krrkit.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import io.krrkit.local.LocalFixture.Answer;
import java.util.regex.Pattern;

/**
 * What a fuzz target over HTTP asserts of every answer: the service refused or served the request,
 * never failed it (no 5xx), and said nothing of its insides (no trace, no Java package or class).
 */
public final class FuzzedHttp {
  private static final Pattern INTERNALS =
      Pattern.compile(
          "Exception|\\bat io\\.|\\bjava\\.|org\\.eclipse\\.jetty|io\\.javalin|com\\.fasterxml"
              + "|com\\.nimbusds|io\\.krrkit\\.");

  private FuzzedHttp() {}

  /**
   * Lets the target talk to the emulator in this JVM: Jazzer's SSRF detector otherwise reports
   * every connection. Call first in each fuzz target that sends requests.
   */
  public static void allowLocalConnections() {
    BugDetectors.allowNetworkConnections(
        (host, port) -> host.equals("localhost") || host.equals("127.0.0.1"));
  }

  /** Fails unless {@code answer} is below 500 and free of internals. */
  public static void assertHandled(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isLessThan(500);
    assertThat(INTERNALS.matcher(answer.body()).find()).as(answer.body()).isFalse();
  }
}
