package org.jetbridge.report;

import java.util.Arrays;

/**
 * A receiver-operating-characteristic curve of a score that is larger for signal: the working points
 * (ε_s, ε_b) obtained by selecting score ≥ t for every distinct score t, from (0, 0) to (1, 1). Events with equal
 * scores enter together (one point per distinct score), so ties count one half in {@link #auc()}. Efficiencies
 * are weighted fractions in [0, 1].
 */
public final class Roc {
  private final double[] effS;
  private final double[] effB;
  private final double[] threshold;

  private Roc(double[] effS, double[] effB, double[] threshold) {
    this.effS = effS;
    this.effB = effB;
    this.threshold = threshold;
  }

  /** ROC of unweighted events; {@code isSignal[i]} labels event i. */
  public static Roc of(double[] scores, boolean[] isSignal) {
    return of(scores, isSignal, null);
  }

  /**
   * ROC of weighted events ({@code weights} may be null for unit weights). Throws on NaN scores, non-finite
   * weights, mismatched lengths, or a class whose total weight is not positive.
   */
  public static Roc of(double[] scores, boolean[] isSignal, double[] weights) {
    int n = scores.length;
    if (isSignal.length != n || (weights != null && weights.length != n)) {
      throw new IllegalArgumentException("ROC: " + n + " scores, " + isSignal.length + " labels"
          + (weights == null ? "" : ", " + weights.length + " weights") + ": expected equal lengths");
    }
    double totS = 0;
    double totB = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("ROC: score [" + i + "] is NaN");
      }
      double w = weights == null ? 1 : weights[i];
      if (!Double.isFinite(w)) {
        throw new IllegalArgumentException("ROC: weight [" + i + "] = " + w + ", expected finite");
      }
      if (isSignal[i]) {
        totS += w;
      } else {
        totB += w;
      }
    }
    if (!(totS > 0) || !(totB > 0)) {
      throw new IllegalArgumentException("ROC: total signal weight " + totS + " and background weight " + totB
          + ": expected both > 0");
    }
    int[] order = descending(scores);
    double[] es = new double[n + 2];
    double[] eb = new double[n + 2];
    double[] th = new double[n + 2];
    th[0] = Double.POSITIVE_INFINITY;
    int k = 1;
    double s = 0;
    double b = 0;
    int i = 0;
    while (i < n) {
      double t = scores[order[i]];
      while (i < n && scores[order[i]] == t) {
        int e = order[i];
        double w = weights == null ? 1 : weights[e];
        if (isSignal[e]) {
          s += w;
        } else {
          b += w;
        }
        i++;
      }
      es[k] = s / totS;
      eb[k] = b / totB;
      th[k] = t;
      k++;
    }
    // the last cumulative sums equal the totals up to rounding; pin the end point to exactly (1, 1)
    es[k - 1] = 1;
    eb[k - 1] = 1;
    return new Roc(Arrays.copyOf(es, k), Arrays.copyOf(eb, k), Arrays.copyOf(th, k));
  }

  /** Indices sorted by decreasing score (stable merge sort on primitives, no boxing). */
  private static int[] descending(double[] scores) {
    int n = scores.length;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    int[] tmp = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, n);
        int p = lo;
        int q = mid;
        int o = lo;
        while (p < mid && q < hi) {
          tmp[o++] = scores[a[q]] > scores[a[p]] ? a[q++] : a[p++];
        }
        while (p < mid) {
          tmp[o++] = a[p++];
        }
        while (q < hi) {
          tmp[o++] = a[q++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
      }
    }
    return a;
  }

  /** Number of working points including (0, 0) and (1, 1). */
  public int size() {
    return effS.length;
  }

  /** Signal efficiencies of the working points, non-decreasing (copy). */
  public double[] signalEfficiency() {
    return effS.clone();
  }

  /** Background efficiencies of the working points, non-decreasing (copy). */
  public double[] backgroundEfficiency() {
    return effB.clone();
  }

  /** Score thresholds t of the working points (select score ≥ t); +∞ for the first point (copy). */
  public double[] thresholds() {
    return threshold.clone();
  }

  /**
   * Area under ε_s(ε_b) by the trapezoid rule over the working points; equals the probability that a signal
   * event scores above a background event, with ties counting one half (Mann–Whitney).
   */
  public double auc() {
    double a = 0;
    for (int i = 1; i < effS.length; i++) {
      a += (effB[i] - effB[i - 1]) * 0.5 * (effS[i] + effS[i - 1]);
    }
    return a;
  }

  /**
   * Background efficiency at signal efficiency {@code eff} in [0, 1], interpolated linearly in (ε_s, ε_b) between
   * neighbouring working points (what randomly mixing the two neighbouring cuts achieves); where several points
   * share ε_s = eff the smallest ε_b is returned.
   */
  public double backgroundEfficiencyAt(double eff) {
    if (!(eff >= 0 && eff <= 1)) {
      throw new IllegalArgumentException("ROC: signal efficiency " + eff + ", expected in [0, 1]");
    }
    // first index with effS >= eff; effS is non-decreasing
    int lo = 0;
    int hi = effS.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (effS[mid] >= eff) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    int j = lo;
    if (effS[j] == eff || j == 0) {
      return effB[j];
    }
    double f = (eff - effS[j - 1]) / (effS[j] - effS[j - 1]);
    return effB[j - 1] + f * (effB[j] - effB[j - 1]);
  }

  /** Background rejection 1/ε_b at signal efficiency {@code eff} (+∞ where ε_b = 0). */
  public double rejectionAt(double eff) {
    return 1.0 / backgroundEfficiencyAt(eff);
  }
}
