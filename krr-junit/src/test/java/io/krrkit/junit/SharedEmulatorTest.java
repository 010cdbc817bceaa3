package io.krrkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.krrkit.local.KrrLocal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs small test classes in a JUnit run of their own, to see what the extension starts, shares and
 * closes over a whole run.
 */
class SharedEmulatorTest {
  /** What each class of the inner run saw, by class name. */
  static final Map<String, KrrLocal> SEEN = new ConcurrentHashMap<>();

  /** Their base URLs, read while they ran. */
  static final Map<KrrLocal, String> SEEN_URLS = new ConcurrentHashMap<>();

  @BeforeEach
  void forget() {
    SEEN.clear();
    SEEN_URLS.clear();
  }

  @Test
  void classesWithTheSameSettingsShareOneEmulatorThatClosesWhenTheRunEnds() {
    TestExecutionSummary summary = run(FirstShared.class, SecondShared.class, OtherSettings.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
    KrrLocal first = SEEN.get("FirstShared");
    assertThat(SEEN.get("SecondShared")).isSameAs(first);
    assertThat(SEEN.get("OtherSettings")).isNotSameAs(first);
    assertThat(listening(first)).isFalse();
    assertThat(listening(SEEN.get("OtherSettings"))).isFalse();
  }

  @Test
  void aClassOfItsOwnClosesItsEmulatorAfterTheClassAndNestedClassesUseTheOuterOne() {
    TestExecutionSummary summary = run(PerClass.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(SEEN.get("Inner")).isSameAs(SEEN.get("PerClass"));
    assertThat(listening(SEEN.get("PerClass"))).isFalse();
  }

  @Test
  void aSharedEmulatorIsNotUsableOutsideATest() {
    assertThatThrownBy(() -> KrrLocalExtension.builder().shared().build().krrLocal())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not running");
  }

  private static TestExecutionSummary run(Class<?>... classes) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(List.of(classes).stream().map(c -> selectClass(c)).toList())
                .build(),
            listener);
    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getFailures())
        .as("failures of the inner run")
        .extracting(f -> f.getException().toString())
        .isEmpty();
    return summary;
  }

  /** True when something accepts connections on the emulator's port. */
  private static boolean listening(KrrLocal krr) {
    URI base = URI.create(SEEN_URLS.get(krr));
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void see(String name, KrrLocal krr) {
    SEEN.put(name, krr);
    SEEN_URLS.put(krr, krr.baseUrl());
  }

  // The classes of the inner runs: static nested classes, which Surefire does not run itself.

  static class FirstShared {
    @RegisterExtension
    static final KrrLocalExtension krr =
        KrrLocalExtension.builder().seedPersons(0).shared().build();

    @Test
    void sees() {
      see("FirstShared", krr.krrLocal());
    }
  }

  static class SecondShared {
    @RegisterExtension
    static final KrrLocalExtension krr =
        KrrLocalExtension.builder().seedPersons(0).shared().build();

    @Test
    void sees() {
      see("SecondShared", krr.krrLocal());
    }
  }

  static class OtherSettings {
    @RegisterExtension
    static final KrrLocalExtension krr =
        KrrLocalExtension.builder().seedPersons(1).shared().build();

    @Test
    void sees() {
      see("OtherSettings", krr.krrLocal());
    }
  }

  static class PerClass {
    @RegisterExtension
    static final KrrLocalExtension krr = KrrLocalExtension.builder().seedPersons(0).build();

    @Test
    void sees() {
      see("PerClass", krr.krrLocal());
    }

    @Nested
    class Inner {
      @Test
      void sees() {
        see("Inner", krr.krrLocal());
      }
    }
  }
}
