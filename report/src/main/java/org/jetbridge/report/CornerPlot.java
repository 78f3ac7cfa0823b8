package org.jetbridge.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A corner plot of several samples of the same d variables (e.g. the leading PCA components of the latent in
 * simulation, data and calibrated simulation): unit-area 1-D histograms on the diagonal, and below it, for each
 * pair, contours of each sample's (lightly smoothed) 2-D histogram enclosing the given probability fractions
 * (default 39.3 % and 86.5 %, the 1σ and 2σ regions of a 2-D Gaussian). Entries outside the plotted ranges are
 * not drawn. Panels are 150 px square.
 */
public final class CornerPlot implements Plot {
  private record Sample(String label, double[][] rows) {}

  static final double CELL = 150;
  static final double GAP = 8;
  static final double LEFT = 70;
  static final double TOP = 36;

  private final List<String> names;
  private final List<Sample> samples = new ArrayList<>();
  private String title = "";
  private int bins = 30;
  private double[] lo;
  private double[] hi;
  private double[] levels = {0.393, 0.865};

  /** Variable names in {@link Text} markup, one per column of the samples. */
  public CornerPlot(String... variableNames) {
    if (variableNames.length < 2) {
      throw new IllegalArgumentException("corner plot: expected at least 2 variables, got " + variableNames.length);
    }
    this.names = List.of(variableNames);
  }

  public CornerPlot title(String title) {
    this.title = title;
    return this;
  }

  /** Adds a sample: {@code rows[event][variable]}, every row with one value per variable. */
  public CornerPlot add(String label, double[][] rows) {
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != names.size()) {
        throw new IllegalArgumentException("corner plot sample '" + label + "' row " + i + ": expected "
            + names.size() + " values, got " + rows[i].length);
      }
    }
    samples.add(new Sample(label, rows));
    return this;
  }

  /** Bins per variable (default 30). */
  public CornerPlot bins(int n) {
    if (n < 2) {
      throw new IllegalArgumentException("corner plot bins: expected >= 2, got " + n);
    }
    this.bins = n;
    return this;
  }

  /** Fixed ranges per variable (default: the 0.5–99.5 % quantiles of all samples pooled, padded by 5 %). */
  public CornerPlot ranges(double[] low, double[] high) {
    if (low.length != names.size() || high.length != names.size()) {
      throw new IllegalArgumentException("corner plot ranges: expected " + names.size() + " lows and highs");
    }
    this.lo = low.clone();
    this.hi = high.clone();
    return this;
  }

  /** Probability fractions enclosed by the contours, each in (0, 1). */
  public CornerPlot levels(double... fractions) {
    this.levels = fractions.clone();
    return this;
  }

  private double[][] ranges() {
    int d = names.size();
    double[] l = new double[d];
    double[] h = new double[d];
    for (int v = 0; v < d; v++) {
      if (lo != null) {
        l[v] = lo[v];
        h[v] = hi[v];
        continue;
      }
      int n = 0;
      for (Sample s : samples) {
        n += s.rows().length;
      }
      double[] all = new double[n];
      int k = 0;
      for (Sample s : samples) {
        for (double[] r : s.rows()) {
          all[k++] = r[v];
        }
      }
      Arrays.sort(all);
      double a = all[(int) Math.floor(0.005 * (n - 1))];
      double b = all[(int) Math.ceil(0.995 * (n - 1))];
      if (!(b > a)) {
        b = a + 1;
      }
      double pad = 0.05 * (b - a);
      l[v] = a - pad;
      h[v] = b + pad;
    }
    return new double[][] {l, h};
  }

  @Override
  public String toSvg() {
    if (samples.isEmpty()) {
      throw new IllegalStateException("corner plot '" + title + "': no samples added");
    }
    for (Sample s : samples) {
      for (int i = 0; i < s.rows().length; i++) {
        for (int v = 0; v < names.size(); v++) {
          if (Double.isNaN(s.rows()[i][v])) {
            throw new IllegalArgumentException("corner plot sample '" + s.label() + "' row " + i + " variable "
                + names.get(v) + " is NaN");
          }
        }
      }
    }
    int d = names.size();
    double[][] r = ranges();
    int width = (int) Math.ceil(LEFT + d * CELL + (d - 1) * GAP + 24);
    int height = (int) Math.ceil(TOP + d * CELL + (d - 1) * GAP + 56);
    Svg s = Svg.document(width, height);
    Panel.title(s, title, LEFT, TOP - 12);
    for (int row = 0; row < d; row++) {
      for (int col = 0; col <= row; col++) {
        double left = LEFT + col * (CELL + GAP);
        double top = TOP + row * (CELL + GAP);
        Axis x = Axis.linear(r[0][col], r[1][col], names.get(col));
        boolean bottomRow = row == d - 1;
        if (row == col) {
          diagonal(s, left, top, x, col, bottomRow);
        } else {
          Axis y = Axis.linear(r[0][row], r[1][row], names.get(row));
          Panel p = new Panel(left, top, CELL, CELL, x, y);
          p.yLabelOffset = 44;
          p.beginClip(s);
          for (int k = 0; k < samples.size(); k++) {
            Histogram2D h = new Histogram2D(bins, x.min(), x.max(), bins, y.min(), y.max());
            for (double[] ev : samples.get(k).rows()) {
              h.fill(ev[col], ev[row]);
            }
            Histogram2D sm = h.smoothed();
            for (int l = 0; l < levels.length; l++) {
              String path = Contours.path(sm, sm.levelContaining(levels[l]), p);
              if (!path.isEmpty()) {
                s.empty("path", "d", path, "fill", "none", "stroke", Palette.colour(k),
                    "stroke-width", l == 0 ? "1.6" : "1", "stroke-linecap", "round");
              }
            }
          }
          p.endClip(s);
          p.drawFrame(s, bottomRow, bottomRow, col == 0, col == 0, false);
        }
      }
    }
    Legend lg = new Legend();
    for (int k = 0; k < samples.size(); k++) {
      lg.add(new Legend.Entry(samples.get(k).label(), Palette.colour(k), null, true, false, Marker.NONE));
    }
    double right = LEFT + d * CELL + (d - 1) * GAP;
    lg.draw(s, new Panel(right - CELL, TOP, CELL, CELL, Axis.linear(0, 1, ""), Axis.linear(0, 1, "")),
        LegendPosition.TOP_RIGHT);
    return s.finish();
  }

  private void diagonal(Svg s, double left, double top, Axis x, int v, boolean bottomRow) {
    List<Histogram> hs = new ArrayList<>();
    double max = 0;
    for (Sample smp : samples) {
      Histogram h = Histogram.uniform(bins, x.min(), x.max());
      for (double[] ev : smp.rows()) {
        h.fill(ev[v]);
      }
      Histogram n = h.integral() > 0 ? h.normalised() : h;
      for (int i = 0; i < n.bins(); i++) {
        max = Math.max(max, n.content(i));
      }
      hs.add(n);
    }
    Panel p = new Panel(left, top, CELL, CELL, x, Axis.linear(0, max > 0 ? 1.1 * max : 1, ""));
    p.beginClip(s);
    for (int k = 0; k < hs.size(); k++) {
      HistogramPlot.drawSeries(s, p, hs.get(k), HistogramPlot.Style.STEP, k, true);
    }
    p.endClip(s);
    p.drawFrame(s, bottomRow, bottomRow, false, false, false);
  }
}
