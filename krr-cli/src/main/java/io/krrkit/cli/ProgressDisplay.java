package io.krrkit.cli;

import io.krrkit.krr.BulkProgress;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Shows a bulk lookup's progress: a live bar with rate and ETA on a terminal, plain periodic lines
 * on stderr otherwise (logs, CI, pipes). Counts include lines done before a resume.
 */
interface ProgressDisplay extends BulkProgress, AutoCloseable {

  @Override
  void close();

  /** A bar on a terminal ({@code System.console() != null}), else plain lines. */
  static ProgressDisplay choose(
      PrintWriter err, Clock clock, Duration every, long doneBefore, long total) {
    if (System.console() != null) {
      return new Bar(doneBefore, total);
    }
    return new Lines(err, clock, every, doneBefore, total);
  }

  /** The live bar (me.tongfei:progressbar), drawn on stderr. */
  final class Bar implements ProgressDisplay {
    private final ProgressBar bar;
    private final long doneBefore;

    Bar(long doneBefore, long total) {
      this.doneBefore = doneBefore;
      this.bar =
          new ProgressBarBuilder()
              .setTaskName("krr lookup")
              .setInitialMax(total)
              .setUnit(" ids", 1)
              .showSpeed()
              .startsFrom(doneBefore, Duration.ZERO)
              .setConsumer(new ConsoleProgressBarConsumer(System.err))
              .build();
    }

    @Override
    public void update(Snapshot progress) {
      bar.stepTo(doneBefore + progress.done());
    }

    @Override
    public void close() {
      bar.close();
    }
  }

  /** A line on stderr at most every {@code every}: done, share, rate and time left. */
  final class Lines implements ProgressDisplay {
    private final PrintWriter err;
    private final Clock clock;
    private final Duration every;
    private final long doneBefore;
    private final long total;
    private Instant last;

    Lines(PrintWriter err, Clock clock, Duration every, long doneBefore, long total) {
      this.err = err;
      this.clock = clock;
      this.every = every;
      this.doneBefore = doneBefore;
      this.total = total;
      this.last = clock.instant();
    }

    @Override
    public void update(Snapshot progress) {
      Instant now = clock.instant();
      if (Duration.between(last, now).compareTo(every) < 0) {
        return;
      }
      last = now;
      long done = doneBefore + progress.done();
      err.println(
          String.format(
              Locale.ROOT,
              "krr: %d of %d lines (%.1f %%), %.0f lines/s, about %s left",
              done,
              total,
              total == 0 ? 100.0 : done * 100.0 / total,
              progress.ratePerSecond(),
              progress.remaining().map(Lines::clockTime).orElse("?")));
    }

    @Override
    public void close() {
      err.flush();
    }

    private static String clockTime(Duration d) {
      return String.format(
          Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
  }
}
