package io.krrkit.junit;

import io.krrkit.local.Controls;
import io.krrkit.local.RecordedRequest;
import io.krrkit.testsupport.FaultEndpoint;
import io.krrkit.testsupport.Faults;
import io.krrkit.testsupport.JournalEntry;
import io.krrkit.testsupport.JournalSource;
import java.time.Duration;
import java.util.List;

/**
 * The shared {@link Faults} and {@link io.krrkit.testsupport.RequestVerifier} on the emulator in
 * the test's JVM: its {@link Controls#faults()} and {@link Controls#journal()}.
 */
final class InProcess {
  private InProcess() {}

  static Faults faults(Controls controls) {
    return new Faults(new FaultsBackend(controls.faults()));
  }

  static JournalSource journal(Controls controls) {
    return new JournalSource() {
      @Override
      public List<JournalEntry> entries() {
        return controls.journal().entries().stream().map(InProcess::entry).toList();
      }

      @Override
      public void clear() {
        controls.journal().clear();
      }
    };
  }

  private static JournalEntry entry(RecordedRequest r) {
    return new JournalEntry(
        r.sequence(),
        r.time(),
        r.service(),
        r.method(),
        r.path(),
        r.status(),
        r.duration(),
        r.clientId(),
        r.scope(),
        r.traceId(),
        r.details());
  }

  /** A rule collected by the shared builder, handed to krr-local's own. */
  private record FaultsBackend(io.krrkit.local.Faults faults) implements Faults.Backend {
    @Override
    public String add(Faults.Spec rule) {
      io.krrkit.local.Faults.RuleBuilder builder = faults.on(local(rule.endpoint()));
      if (rule.status() != null) {
        builder.status(rule.status());
      }
      if ("reset".equals(rule.connection())) {
        builder.resetConnection();
      } else if ("no_answer".equals(rule.connection())) {
        if (rule.hold() != null) {
          builder.noAnswer(rule.hold());
        } else {
          builder.noAnswer();
        }
      }
      if (rule.sequence() != null) {
        builder.sequence(rule.sequence().stream().mapToInt(Integer::intValue).toArray());
      }
      if (rule.retryAfter() != null) {
        builder.retryAfter(Duration.ofSeconds(rule.retryAfter()));
      }
      if (rule.latency() != null) {
        if (rule.jitter() != null) {
          builder.latency(rule.latency(), rule.jitter());
        } else {
          builder.latency(rule.latency());
        }
      }
      if (rule.times() != null) {
        builder.times(rule.times());
      }
      if (rule.probability() != null) {
        builder.probability(rule.probability(), rule.seed() == null ? 0L : rule.seed());
      }
      if (rule.from() != null) {
        builder.between(rule.from(), rule.until());
      }
      return builder.add();
    }

    @Override
    public List<Faults.Rule> rules() {
      return faults.rules().stream()
          .map(
              r ->
                  new Faults.Rule(
                      r.id(), shared(r.endpoint()), r.applied(), r.remaining(), r.exhausted()))
          .toList();
    }

    @Override
    public int applied(String id) {
      return faults.applied(id);
    }

    @Override
    public boolean remove(String id) {
      return faults.remove(id);
    }

    @Override
    public void clear() {
      faults.clear();
    }

    static io.krrkit.local.FaultEndpoint local(FaultEndpoint endpoint) {
      return io.krrkit.local.FaultEndpoint.fromWireName(endpoint.wireName()).orElseThrow();
    }

    static FaultEndpoint shared(io.krrkit.local.FaultEndpoint endpoint) {
      return FaultEndpoint.fromWireName(endpoint.wireName());
    }
  }
}
