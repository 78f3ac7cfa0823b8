package org.jetbridge.report;

import java.util.Arrays;

/**
 * A weighted 1-D histogram with fixed bin edges (in the observable's units), under- and overflow, and the sum of
 * squared weights per bin so that the statistical error of bin i is √Σw². Bins are half-open [lo, hi); a value
 * equal to the last edge goes to the overflow. Mutable while filling; {@link #normalised()} and
 * {@link #ratio} return new histograms.
 */
public final class Histogram {
  private final double[] edges;
  private final boolean uniform;
  private final double[] sumW;   // index 0 = underflow, 1..n = bins, n+1 = overflow
  private final double[] sumW2;
  private long entries;

  private Histogram(double[] edges, boolean uniform) {
    this.edges = edges;
    this.uniform = uniform;
    this.sumW = new double[edges.length + 1];
    this.sumW2 = new double[edges.length + 1];
  }

  /** {@code bins} equal-width bins over [lo, hi). */
  public static Histogram uniform(int bins, double lo, double hi) {
    if (bins < 1) {
      throw new IllegalArgumentException("histogram bins: expected >= 1, got " + bins);
    }
    if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
      throw new IllegalArgumentException("histogram range: expected finite lo < hi, got [" + lo + ", " + hi + ")");
    }
    double[] e = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      e[i] = lo + (hi - lo) * i / bins;
    }
    e[bins] = hi;
    return new Histogram(e, true);
  }

  /** Bins with the given strictly increasing, finite edges (at least two). */
  public static Histogram withEdges(double... edges) {
    checkEdges(edges);
    return new Histogram(edges.clone(), false);
  }

  /**
   * A histogram with given bin contents and statistical errors (e.g. a ratio or an externally computed
   * distribution); under/overflow are zero. {@code errors} may be null for zero errors.
   */
  public static Histogram ofContents(double[] edges, double[] contents, double[] errors) {
    checkEdges(edges);
    int n = edges.length - 1;
    if (contents.length != n || (errors != null && errors.length != n)) {
      throw new IllegalArgumentException("histogram contents: expected " + n + " values (one per bin), got "
          + contents.length + (errors == null ? "" : " contents and " + errors.length + " errors"));
    }
    Histogram h = new Histogram(edges.clone(), false);
    for (int i = 0; i < n; i++) {
      h.sumW[i + 1] = contents[i];
      double e = errors == null ? 0 : errors[i];
      h.sumW2[i + 1] = e * e;
    }
    return h;
  }

  private static void checkEdges(double[] edges) {
    if (edges.length < 2) {
      throw new IllegalArgumentException("histogram edges: expected at least 2, got " + edges.length);
    }
    for (int i = 0; i < edges.length; i++) {
      if (!Double.isFinite(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) {
        throw new IllegalArgumentException("histogram edges[" + i + "] = " + edges[i]
            + ": expected finite and strictly increasing");
      }
    }
  }

  /** Adds one entry of weight 1. */
  public Histogram fill(double x) {
    return fill(x, 1.0);
  }

  /** Adds one entry of weight {@code w}; NaN values or non-finite weights are rejected (never silently skipped). */
  public Histogram fill(double x, double w) {
    if (Double.isNaN(x)) {
      throw new IllegalArgumentException("histogram fill: value is NaN (weight " + w + ")");
    }
    if (!Double.isFinite(w)) {
      throw new IllegalArgumentException("histogram fill: weight " + w + " for value " + x + " is not finite");
    }
    int k = slot(x);
    sumW[k] += w;
    sumW2[k] += w * w;
    entries++;
    return this;
  }

  /** Fills every value with weight 1. */
  public Histogram fillAll(double[] xs) {
    for (int i = 0; i < xs.length; i++) {
      if (Double.isNaN(xs[i])) {
        throw new IllegalArgumentException("histogram fill: value [" + i + "] is NaN");
      }
      fill(xs[i], 1.0);
    }
    return this;
  }

  /** Fills values with the matching weights. */
  public Histogram fillAll(double[] xs, double[] ws) {
    if (xs.length != ws.length) {
      throw new IllegalArgumentException("histogram fill: " + xs.length + " values but " + ws.length + " weights");
    }
    for (int i = 0; i < xs.length; i++) {
      if (Double.isNaN(xs[i]) || !Double.isFinite(ws[i])) {
        throw new IllegalArgumentException("histogram fill: value [" + i + "] = " + xs[i] + " with weight " + ws[i]
            + ": expected a number and a finite weight");
      }
      fill(xs[i], ws[i]);
    }
    return this;
  }

  /** Storage slot of x: 0 underflow, 1..n bins, n+1 overflow. */
  private int slot(double x) {
    int n = edges.length - 1;
    if (x < edges[0]) {
      return 0;
    }
    if (x >= edges[n]) {
      return n + 1;
    }
    if (uniform) {
      int b = (int) ((x - edges[0]) / (edges[n] - edges[0]) * n);
      // floating-point division can land one bin off next to an edge; the edges array is the truth
      if (b >= n) {
        b = n - 1;
      }
      while (b > 0 && x < edges[b]) {
        b--;
      }
      while (b < n - 1 && x >= edges[b + 1]) {
        b++;
      }
      return b + 1;
    }
    int b = Arrays.binarySearch(edges, x);
    return (b >= 0 ? b : -b - 2) + 1;
  }

  /** Bin index of x in 0..bins()-1, −1 for underflow, bins() for overflow. */
  public int binOf(double x) {
    return slot(x) - 1;
  }

  public int bins() {
    return edges.length - 1;
  }

  /** A copy of the bin edges (bins() + 1 values). */
  public double[] edges() {
    return edges.clone();
  }

  public double lowEdge(int bin) {
    return edges[bin];
  }

  public double highEdge(int bin) {
    return edges[bin + 1];
  }

  public double centre(int bin) {
    return 0.5 * (edges[bin] + edges[bin + 1]);
  }

  public double width(int bin) {
    return edges[bin + 1] - edges[bin];
  }

  /** Sum of weights in bin {@code bin} (0-based). */
  public double content(int bin) {
    return sumW[checkBin(bin) + 1];
  }

  /** Statistical error √Σw² of bin {@code bin}. */
  public double error(int bin) {
    return Math.sqrt(sumW2[checkBin(bin) + 1]);
  }

  public double sumW2(int bin) {
    return sumW2[checkBin(bin) + 1];
  }

  public double underflow() {
    return sumW[0];
  }

  public double overflow() {
    return sumW[edges.length];
  }

  /** Number of fill calls (including under/overflow). */
  public long entries() {
    return entries;
  }

  /** Sum of weights in the bins (under/overflow excluded). */
  public double integral() {
    double s = 0;
    for (int i = 1; i < edges.length; i++) {
      s += sumW[i];
    }
    return s;
  }

  /** Bin contents as an array (copy). */
  public double[] contents() {
    return Arrays.copyOfRange(sumW, 1, edges.length);
  }

  /** Bin errors as an array. */
  public double[] errors() {
    double[] e = new double[bins()];
    for (int i = 0; i < e.length; i++) {
      e[i] = Math.sqrt(sumW2[i + 1]);
    }
    return e;
  }

  /**
   * A density normalised to unit area over the bins: content_i / (I · width_i) with I = {@link #integral()},
   * errors scaled by the same factor (the uncertainty of I itself is neglected). Under/overflow are scaled by 1/I.
   * Throws if I is not positive.
   */
  public Histogram normalised() {
    double integral = integral();
    if (!(integral > 0)) {
      throw new IllegalStateException("histogram normalisation: integral over the bins is " + integral + ", expected > 0");
    }
    Histogram h = new Histogram(edges, uniform);
    h.entries = entries;
    int n = bins();
    h.sumW[0] = sumW[0] / integral;
    h.sumW[n + 1] = sumW[n + 1] / integral;
    h.sumW2[0] = sumW2[0] / (integral * integral);
    h.sumW2[n + 1] = sumW2[n + 1] / (integral * integral);
    for (int i = 0; i < n; i++) {
      double f = 1.0 / (integral * width(i));
      h.sumW[i + 1] = sumW[i + 1] * f;
      h.sumW2[i + 1] = sumW2[i + 1] * f * f;
    }
    return h;
  }

  /**
   * Bin-by-bin ratio r = a/b of two histograms with identical edges, treated as independent:
   * σ_r² = (σ_a/b)² + (a·σ_b/b²)² (= r²[(σ_a/a)² + (σ_b/b)²] for a ≠ 0). Bins with b = 0 get NaN content and error.
   */
  public static Histogram ratio(Histogram a, Histogram b) {
    if (!Arrays.equals(a.edges, b.edges)) {
      throw new IllegalArgumentException("histogram ratio: numerator and denominator have different bin edges");
    }
    int n = a.bins();
    double[] r = new double[n];
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      double num = a.content(i);
      double den = b.content(i);
      if (den == 0) {
        r[i] = Double.NaN;
        e[i] = Double.NaN;
        continue;
      }
      r[i] = num / den;
      double ea = a.error(i) / den;
      double eb = num * b.error(i) / (den * den);
      e[i] = Math.sqrt(ea * ea + eb * eb);
    }
    Histogram h = new Histogram(a.edges, a.uniform);
    for (int i = 0; i < n; i++) {
      h.sumW[i + 1] = r[i];
      h.sumW2[i + 1] = e[i] * e[i];
    }
    return h;
  }

  private int checkBin(int bin) {
    if (bin < 0 || bin >= edges.length - 1) {
      throw new IndexOutOfBoundsException("histogram bin " + bin + ": expected 0.." + (edges.length - 2));
    }
    return bin;
  }
}
