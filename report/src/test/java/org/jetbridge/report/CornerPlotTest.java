package org.jetbridge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CornerPlotTest {

  /** Unit 2-D Gaussian binned exactly (density at cell centres × cell area) on [-4, 4]². */
  private static Histogram2D gaussian(int n) {
    Histogram2D h = new Histogram2D(n, -4, 4, n, -4, 4);
    double d = 8.0 / n;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double x = -4 + (i + 0.5) * d;
        double y = -4 + (j + 0.5) * d;
        h.fill(x, y, Math.exp(-0.5 * (x * x + y * y)) / (2 * Math.PI) * d * d);
      }
    }
    return h;
  }

  @Test
  void gaussianContoursAreCirclesOfTheExpectedRadius() {
    Histogram2D h = gaussian(100);
    Panel p = new Panel(0, 0, 800, 800, Axis.linear(-4, 4, ""), Axis.linear(-4, 4, ""));
    // a unit 2-D Gaussian puts 1 − exp(−r²/2) inside radius r: 39.35 % inside r = 1, 86.47 % inside r = 2
    for (double r : new double[] {1, 2}) {
      double fraction = 1 - Math.exp(-0.5 * r * r);
      String d = Contours.path(h, h.levelContaining(fraction), p);
      Matcher m = Pattern.compile("([-0-9.]+),([-0-9.]+)").matcher(d);
      int points = 0;
      double minR = Double.POSITIVE_INFINITY;
      double maxR = 0;
      while (m.find()) {
        double x = Double.parseDouble(m.group(1)) / 100 - 4;
        double y = 4 - Double.parseDouble(m.group(2)) / 100;
        double rr = Math.hypot(x, y);
        minR = Math.min(minR, rr);
        maxR = Math.max(maxR, rr);
        points++;
      }
      assertTrue(points > 50, "contour has " + points + " points");
      // the level is quantised to one cell's content, so the radius is known to about a cell (0.08)
      assertEquals(r, minR, 0.06, "r = " + r);
      assertEquals(r, maxR, 0.06, "r = " + r);
    }
  }

  @Test
  void levelAndSmoothingKeepProbability() {
    Histogram2D h = gaussian(40);
    assertEquals(1, h.integral(), 1e-3);
    // the [1,2,1]/4 kernel moves a quarter of each edge cell's content outside; interior content is kept exactly
    Histogram2D interior = new Histogram2D(5, 0, 5, 5, 0, 5).fill(1.5, 1.5, 2).fill(2.5, 3.5, 5).fill(3.5, 2.5, 0.25);
    assertEquals(7.25, interior.smoothed().integral(), 1e-12);
    assertEquals(2 * 4 / 16.0, interior.smoothed().content(1, 1), 1e-15, "centre weight 2·2/16 of 2");
    Histogram2D edge = new Histogram2D(5, 0, 5, 5, 0, 5).fill(0.5, 2.5, 4);
    assertEquals(3, edge.smoothed().integral(), 1e-12);
    Histogram2D s = new Histogram2D(2, 0, 2, 1, 0, 1).fill(0.5, 0.5, 3).fill(1.5, 0.5, 1);
    assertEquals(3, s.levelContaining(0.75));
    assertEquals(1, s.levelContaining(0.76));
    s.fill(5, 0.5, 2);
    assertEquals(2, s.outside());
    assertThrows(IllegalArgumentException.class, () -> s.fill(Double.NaN, 0));
  }

  @Test
  void cornerPlotHasOnePanelPerPairAndIsDeterministic() throws Exception {
    String svg = SampleReport.cornerPlot().toSvg();
    assertEquals(svg, SampleReport.cornerPlot().toSvg());
    // 4 variables: 4 diagonal + 6 pair panels, each a clipped viewport
    assertEquals(10, PlotSvgTest.parse(svg).getElementsByTagNameNS(PlotSvgTest.SVG_NS, "svg").getLength() - 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CornerPlot("a", "b").add("s", new double[][] {{1, 2}, {3}}));
    assertTrue(e.getMessage().contains("row 1"), e.getMessage());
  }
}
