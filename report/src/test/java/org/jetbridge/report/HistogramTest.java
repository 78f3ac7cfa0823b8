package org.jetbridge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HistogramTest {

  @Test
  void binningIsHalfOpenWithUnderAndOverflow() {
    Histogram h = Histogram.uniform(10, 0, 1);
    for (int i = 0; i <= 10; i++) {
      double edge = h.lowEdge(Math.min(i, 9)) + (i == 10 ? 0.1 : 0);
      // every edge value (computed as lo + (hi-lo)*i/n) lands in the bin it opens
      assertEquals(i == 10 ? 10 : i, h.binOf(i == 10 ? 1.0 : edge), "edge " + i);
    }
    h.fill(-0.001).fill(1.0).fill(0.3).fill(0.7, 2.5);
    assertEquals(1, h.underflow());
    assertEquals(1, h.overflow());
    assertEquals(1, h.content(3));
    assertEquals(2.5, h.content(7));
    assertEquals(3.5, h.integral());
    assertEquals(4, h.entries());
  }

  @Test
  void variableEdgesAgreeWithUniformBinningAwayFromEdges() {
    Histogram u = Histogram.uniform(7, -3, 4);
    Histogram v = Histogram.withEdges(-3, -2, -1, 0, 1, 2, 3, 4);
    Random rng = new Random(1);
    for (int i = 0; i < 10000; i++) {
      double x = -4 + 9 * rng.nextDouble();
      assertEquals(v.binOf(x), u.binOf(x), "x = " + x);
    }
  }

  @Test
  void errorIsSqrtOfSumOfSquaredWeights() {
    Histogram h = Histogram.uniform(2, 0, 2);
    h.fill(0.5, 2).fill(0.5, 3).fill(0.5, -1);
    assertEquals(4, h.content(0), 1e-15);
    assertEquals(Math.sqrt(4 + 9 + 1), h.error(0), 1e-15);
    assertEquals(0, h.error(1));
  }

  @Test
  void normalisedHasUnitAreaAndScaledErrors() {
    Histogram h = Histogram.withEdges(0, 1, 3, 6);
    h.fill(0.5, 2).fill(2, 4).fill(5, 2).fill(7, 100); // overflow excluded from the normalisation
    Histogram n = h.normalised();
    double area = 0;
    for (int i = 0; i < n.bins(); i++) {
      area += n.content(i) * n.width(i);
    }
    assertEquals(1, area, 1e-15);
    assertEquals(2.0 / 8 / 1, n.content(0), 1e-15);
    assertEquals(4.0 / 8 / 2, n.content(1), 1e-15);
    assertEquals(h.error(1) / 8 / 2, n.error(1), 1e-15);
    assertEquals(100.0 / 8, n.overflow(), 1e-12);
  }

  @Test
  void ratioAndPropagatedErrorInClosedForm() {
    double[] edges = {0, 1, 2, 3};
    Histogram a = Histogram.ofContents(edges, new double[] {6, 0, 5}, new double[] {2, 1, 1});
    Histogram b = Histogram.ofContents(edges, new double[] {3, 4, 0}, new double[] {1, 2, 1});
    Histogram r = Histogram.ratio(a, b);
    assertEquals(2, r.content(0), 1e-15);
    // σ_r = r √((σa/a)² + (σb/b)²) = 2 √(1/9 + 1/9)
    assertEquals(2 * Math.sqrt(2.0 / 9), r.error(0), 1e-15);
    // a = 0: the relative form is undefined, the absolute one gives σa/b
    assertEquals(0, r.content(1));
    assertEquals(0.25, r.error(1), 1e-15);
    assertTrue(Double.isNaN(r.content(2)), "division by an empty bin is NaN, not a number that looks valid");
  }

  @Test
  void ratioErrorMatchesToyMonteCarloSpread() {
    // Poisson-like fluctuations of two independent histograms: the spread of r over toys matches σ_r
    Random rng = new Random(7);
    double mu1 = 400;
    double mu2 = 900;
    int toys = 4000;
    double sum = 0;
    double sum2 = 0;
    double predicted = 0;
    for (int t = 0; t < toys; t++) {
      double n1 = Math.max(1, Math.round(mu1 + Math.sqrt(mu1) * rng.nextGaussian()));
      double n2 = Math.max(1, Math.round(mu2 + Math.sqrt(mu2) * rng.nextGaussian()));
      Histogram a = Histogram.ofContents(new double[] {0, 1}, new double[] {n1}, new double[] {Math.sqrt(n1)});
      Histogram b = Histogram.ofContents(new double[] {0, 1}, new double[] {n2}, new double[] {Math.sqrt(n2)});
      Histogram r = Histogram.ratio(a, b);
      sum += r.content(0);
      sum2 += r.content(0) * r.content(0);
      predicted += r.error(0) / toys;
    }
    double mean = sum / toys;
    double spread = Math.sqrt(sum2 / toys - mean * mean);
    assertEquals(predicted, spread, 0.05 * predicted);
  }

  @Test
  void badInputIsRejectedWithItsPosition() {
    Histogram h = Histogram.uniform(3, 0, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.fillAll(new double[] {0.1, Double.NaN}));
    assertTrue(e.getMessage().contains("[1]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Histogram.withEdges(0, 1, 1, 2));
    assertTrue(e.getMessage().contains("edges[2]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Histogram.ratio(h, Histogram.uniform(3, 0, 2)));
  }
}
