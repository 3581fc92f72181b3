package org.mailledger.ops.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians and percentiles, and the number formats of the results tables. */
final class Stats {

  private Stats() {}

  static double median(List<Double> values) {
    return percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 50);
  }

  /** Nearest-rank percentile of the values (not modified); NaN when there are none. */
  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  static String ms(double v) {
    return String.format(Locale.ROOT, "%.1f ms", v);
  }

  /** CPU time per unit of work, which is well under a millisecond. */
  static String cpuMs(double v) {
    return String.format(Locale.ROOT, "%.3f ms", v);
  }

  static String pct(double ratio) {
    return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
  }

  static String list(List<Double> values, java.util.function.DoubleFunction<String> format) {
    return String.join(" · ", values.stream().map(v -> format.apply(v)).toList());
  }
}
