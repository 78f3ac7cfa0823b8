package org.jetbridge.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocTest {

  @Test
  void perfectSeparationHasUnitAreaAndReversedHasZero() {
    double[] s = {0.9, 0.8, 0.7, 0.3, 0.2, 0.1};
    boolean[] sig = {true, true, true, false, false, false};
    assertEquals(1.0, Roc.of(s, sig).auc(), 0);
    boolean[] rev = {false, false, false, true, true, true};
    assertEquals(0.0, Roc.of(s, rev).auc(), 0);
    assertEquals(Double.POSITIVE_INFINITY, Roc.of(s, sig).rejectionAt(1.0));
  }

  @Test
  void identicalDistributionsGiveOneHalfExactlyThroughTies() {
    Random rng = new Random(3);
    int n = 1000;
    double[] s = new double[2 * n];
    boolean[] sig = new boolean[2 * n];
    for (int i = 0; i < n; i++) {
      double v = Math.floor(10 * rng.nextDouble()); // heavy ties
      s[i] = v;
      s[n + i] = v;
      sig[i] = true;
    }
    Roc r = Roc.of(s, sig);
    assertEquals(0.5, r.auc(), 1e-15);
    assertEquals(11, r.size(), "(0,0) plus one point per distinct score (10 values), the last being (1,1)");
    for (int i = 0; i < r.size(); i++) {
      assertEquals(r.signalEfficiency()[i], r.backgroundEfficiency()[i], 1e-15, "tied classes move together");
    }
  }

  @Test
  void aucEqualsMannWhitneyProbabilityWithTiesCountingHalf() {
    Random rng = new Random(5);
    int n = 300;
    double[] s = new double[n];
    boolean[] sig = new boolean[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      sig[i] = rng.nextBoolean();
      s[i] = Math.floor((sig[i] ? 1.0 : 0.0) + 4 * rng.nextDouble());
      w[i] = 0.5 + rng.nextDouble();
    }
    double num = 0;
    double ws = 0;
    double wb = 0;
    for (int i = 0; i < n; i++) {
      if (sig[i]) {
        ws += w[i];
      } else {
        wb += w[i];
      }
      for (int j = 0; j < n; j++) {
        if (sig[i] && !sig[j]) {
          num += w[i] * w[j] * (s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0);
        }
      }
    }
    assertEquals(num / (ws * wb), Roc.of(s, sig, w).auc(), 1e-12);
  }

  @Test
  void gaussianAucMatchesPhiOfSeparationOverRootTwo() {
    Random rng = new Random(2024);
    int n = 100_000;
    for (double d : new double[] {0.5, 1.0, 2.0}) {
      double[] s = new double[2 * n];
      boolean[] sig = new boolean[2 * n];
      for (int i = 0; i < n; i++) {
        s[i] = d + rng.nextGaussian();
        sig[i] = true;
        s[n + i] = rng.nextGaussian();
      }
      double auc = Roc.of(s, sig).auc();
      double expected = phi(d / Math.sqrt(2));
      // Hanley–McNeil standard error of the AUC for n signal and n background events
      double q1 = expected / (2 - expected);
      double q2 = 2 * expected * expected / (1 + expected);
      double se = Math.sqrt((expected * (1 - expected) + (n - 1) * (q1 - expected * expected)
          + (n - 1) * (q2 - expected * expected)) / ((double) n * n));
      assertEquals(expected, auc, 4 * se, "d = " + d + ", σ_AUC = " + se);
    }
  }

  @Test
  void weightTwoEqualsDuplicatedEvent() {
    double[] s = {0.1, 0.4, 0.35, 0.8, 0.6, 0.6};
    boolean[] sig = {false, true, false, true, false, true};
    double[] w = {1, 2, 1, 1, 3, 1};
    double[] sd = {0.1, 0.4, 0.4, 0.35, 0.8, 0.6, 0.6, 0.6, 0.6};
    boolean[] sigd = {false, true, true, false, true, false, false, false, true};
    Roc a = Roc.of(s, sig, w);
    Roc b = Roc.of(sd, sigd);
    assertArrayEquals(b.signalEfficiency(), a.signalEfficiency(), 1e-15);
    assertArrayEquals(b.backgroundEfficiency(), a.backgroundEfficiency(), 1e-15);
    assertEquals(b.auc(), a.auc(), 1e-15);
  }

  @Test
  void workingPointsAndRejectionInterpolation() {
    // signal 0.9 0.7 0.5 0.3, background 0.8 0.4: points (εs, εb) by threshold
    double[] s = {0.9, 0.7, 0.5, 0.3, 0.8, 0.4};
    boolean[] sig = {true, true, true, true, false, false};
    Roc r = Roc.of(s, sig);
    assertArrayEquals(new double[] {0, 0.25, 0.25, 0.5, 0.75, 0.75, 1}, r.signalEfficiency(), 0);
    assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 0.5, 1, 1}, r.backgroundEfficiency(), 0);
    assertEquals(0.25 * 0.5 + 0.75 * 0.5, r.auc(), 1e-15);
    assertEquals(Double.POSITIVE_INFINITY, r.rejectionAt(0.25), "smallest εb among points with εs = 0.25");
    assertEquals(2.0, r.rejectionAt(0.5));
    // εs = 0.4 lies on the flat segment (0.25, 0.5) → (0.5, 0.5)
    assertEquals(2.0, r.rejectionAt(0.4), 1e-15);
    // εs = 0.9 lies on the flat segment (0.75, 1) → (1, 1)
    assertEquals(1.0, r.rejectionAt(0.9), 1e-15);
    // between (0, 0) and (0.25, 0): εb = 0
    assertEquals(Double.POSITIVE_INFINITY, r.rejectionAt(0.1));
    // linear interpolation inside a sloped segment
    Roc q = Roc.of(new double[] {2, 1, 1, 0}, new boolean[] {true, true, false, false});
    // points: (0,0), (0.5,0), (1,0.5), (1,1)
    assertEquals(0.25, q.backgroundEfficiencyAt(0.75), 1e-15);
    assertEquals(4.0, q.rejectionAt(0.75), 1e-12);
  }

  @Test
  void badInputIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Roc.of(new double[] {1, Double.NaN}, new boolean[] {true, false}));
    assertThrows(IllegalArgumentException.class, () -> Roc.of(new double[] {1, 2}, new boolean[] {true, true}));
    assertThrows(IllegalArgumentException.class, () -> Roc.of(new double[] {1, 2}, new boolean[] {true}));
    Roc r = Roc.of(new double[] {1, 2}, new boolean[] {true, false});
    assertThrows(IllegalArgumentException.class, () -> r.rejectionAt(1.5));
  }

  /** Standard normal CDF via erfc (Abramowitz & Stegun 7.1.26 on |x|; absolute error < 1.5e-7). */
  static double phi(double x) {
    double z = Math.abs(x) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * z);
    double erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
        * Math.exp(-z * z);
    return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
  }
}
