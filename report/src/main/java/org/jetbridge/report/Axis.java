package org.jetbridge.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One plot axis: data range {@code [min, max]} (in the data's own units), linear or log10 scale, and a label
 * in {@link Text} markup. Maps data values to a fraction of the axis length and produces "nice" ticks.
 */
public record Axis(double min, double max, boolean log, String label) {

  /** A tick at data value {@code value}; major ticks carry a label in {@link Text} markup, minor ones "". */
  public record Tick(double value, String label, boolean major) {}

  public Axis {
    if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
      throw new IllegalArgumentException("axis '" + label + "': expected finite min < max, got [" + min + ", " + max + "]");
    }
    if (log && !(min > 0)) {
      throw new IllegalArgumentException("log axis '" + label + "': expected min > 0, got " + min);
    }
    if (label == null) {
      label = "";
    }
  }

  public static Axis linear(double min, double max, String label) {
    return new Axis(min, max, false, label);
  }

  public static Axis log(double min, double max, String label) {
    return new Axis(min, max, true, label);
  }

  /** Position of {@code v} along the axis: 0 at min, 1 at max (outside [0, 1] when out of range; −∞ for v ≤ 0 on a log axis). */
  public double fraction(double v) {
    if (log) {
      return v > 0 ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : Double.NEGATIVE_INFINITY;
    }
    return (v - min) / (max - min);
  }

  /**
   * Ticks inside the range, in increasing order. Linear: major steps of 1, 2 or 5 × 10^k giving about 6 labels,
   * with 4 or 5 minor subdivisions. Log: majors at every decade labelled "10^{k}" (thinned when there are more
   * than 10 decades), minors at 2…9 × 10^k; when fewer than two decades are inside, 2 × and 5 × 10^k are labelled too.
   */
  public List<Tick> ticks() {
    return ticks(6);
  }

  /**
   * Ticks aiming at about {@code target} labelled linear steps (≥ 2); plots pass one label per ~70 px of axis
   * length so short panels (ratio panels) stay readable. Log axes ignore the target below 10 decades.
   */
  public List<Tick> ticks(int target) {
    return log ? logTicks() : linearTicks(Math.max(2, target));
  }

  private List<Tick> linearTicks(int target) {
    double raw = (max - min) / target;
    int e = (int) Math.floor(Math.log10(raw));
    double norm = raw / Math.pow(10, e);
    int m;
    if (norm < 1.5) {
      m = 1;
    } else if (norm < 3.5) {
      m = 2;
    } else if (norm < 7.5) {
      m = 5;
    } else {
      m = 1;
      e++;
    }
    double step = m * Math.pow(10, e);
    int minorPerMajor = m == 2 ? 4 : 5;
    double minorStep = step / minorPerMajor;
    long first = (long) Math.ceil(min / minorStep - 1e-9);
    long last = (long) Math.floor(max / minorStep + 1e-9);
    List<Tick> ticks = new ArrayList<>();
    for (long k = first; k <= last; k++) {
      double v = k * minorStep;
      if (Math.floorMod(k, minorPerMajor) == 0) {
        long multiple = k / minorPerMajor * m; // tick value = multiple × 10^e, exact in decimal
        ticks.add(new Tick(v, decimalLabel(multiple, e), true));
      } else {
        ticks.add(new Tick(v, "", false));
      }
    }
    return ticks;
  }

  /** Label of {@code multiple × 10^exp}, exact (no binary rounding noise). */
  static String decimalLabel(long multiple, int exp) {
    if (multiple == 0) {
      return "0";
    }
    BigDecimal b = BigDecimal.valueOf(multiple).scaleByPowerOfTen(exp).stripTrailingZeros();
    int magnitude = b.precision() - b.scale() - 1;
    if (magnitude >= -3 && magnitude <= 5) {
      return b.toPlainString().replace('-', '−');
    }
    BigDecimal mantissa = b.movePointLeft(magnitude);
    String ms = mantissa.toPlainString().replace('-', '−');
    return (ms.equals("1") ? "" : ms.equals("−1") ? "−" : ms + "×") + "10^{" + Integer.toString(magnitude).replace('-', '−') + "}";
  }

  private List<Tick> logTicks() {
    int d0 = (int) Math.floor(Math.log10(min) + 1e-9);
    int d1 = (int) Math.ceil(Math.log10(max) - 1e-9);
    int decadesInside = 0;
    for (int d = d0; d <= d1; d++) {
      double v = Math.pow(10, d);
      if (inside(v)) {
        decadesInside++;
      }
    }
    int labelEvery = Math.max(1, (int) Math.ceil(decadesInside / 10.0));
    boolean labelTwoFive = decadesInside < 2;
    List<Tick> ticks = new ArrayList<>();
    for (int d = d0; d <= d1; d++) {
      for (int j = 1; j <= 9; j++) {
        double v = j * Math.pow(10, d);
        if (!inside(v)) {
          continue;
        }
        if (j == 1) {
          boolean labelled = Math.floorMod(d, labelEvery) == 0;
          ticks.add(new Tick(v, labelled ? decadeLabel(d) : "", labelled));
        } else if (labelTwoFive && (j == 2 || j == 5)) {
          ticks.add(new Tick(v, decimalLabel(j, d), true));
        } else {
          ticks.add(new Tick(v, "", false));
        }
      }
    }
    return ticks;
  }

  private static String decadeLabel(int d) {
    if (d == 0) {
      return "1";
    }
    if (d == 1) {
      return "10";
    }
    return "10^{" + Integer.toString(d).replace('-', '−') + "}";
  }

  private boolean inside(double v) {
    double tol = 1e-9 * (log ? v : (max - min));
    return v >= min - tol && v <= max + tol;
  }
}
