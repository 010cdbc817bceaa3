package io.krrkit.bench;

import java.util.Arrays;

/** Latencies of one worker, in nanoseconds; merged and summarised at the end. */
final class Latencies {
  private long[] values = new long[1 << 14];
  private int size;

  void record(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  int size() {
    return size;
  }

  static Latencies merge(Iterable<Latencies> parts) {
    Latencies all = new Latencies();
    for (Latencies p : parts) {
      for (int i = 0; i < p.size; i++) {
        all.record(p.values[i]);
      }
    }
    Arrays.sort(all.values, 0, all.size);
    return all;
  }

  /** The q-quantile in milliseconds of a merged (sorted) set. */
  double quantileMillis(double q) {
    if (size == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(size - 1, Math.ceil(q * size) - 1);
    return values[Math.max(0, index)] / 1_000_000.0;
  }
}
