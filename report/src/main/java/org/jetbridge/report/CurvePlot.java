package org.jetbridge.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Several y(x) series with optional uncertainty intervals [yLow, yHigh] drawn as translucent bands or error
 * bars, on linear or log10 axes, plus grey dashed guide lines (e.g. zero bias, the diagonal of a coverage plot).
 * Used for bias / resolution vs μ per method, coverage vs nominal level, training curves. 640 × 480 px.
 */
public final class CurvePlot implements Plot {
  /** How a series' points are joined. */
  public enum Draw { LINE, MARKERS, LINE_MARKERS }

  /** How a series' [yLow, yHigh] interval is shown. */
  public enum Errors { BAND, BARS }

  /**
   * One series; {@code yLow}/{@code yHigh} are null for none (absolute y values, not offsets). Non-finite points
   * are not drawn and break the line.
   */
  public record Series(String label, double[] x, double[] y, double[] yLow, double[] yHigh, Draw draw, Errors errors) {
    public Series {
      int n = x.length;
      if (y.length != n || (yLow != null && yLow.length != n) || (yHigh != null && yHigh.length != n)
          || (yLow == null) != (yHigh == null)) {
        throw new IllegalArgumentException("curve '" + label + "': expected x, y (and both yLow, yHigh) of equal length, got "
            + n + ", " + y.length + (yLow == null ? "" : ", " + yLow.length) + (yHigh == null ? "" : ", " + yHigh.length));
      }
      x = x.clone();
      y = y.clone();
      yLow = yLow == null ? null : yLow.clone();
      yHigh = yHigh == null ? null : yHigh.clone();
    }
  }

  private record Guide(double[] x, double[] y, String label) {}

  static final int WIDTH = 640;
  static final int HEIGHT = 480;
  static final double LEFT = 78;
  static final double RIGHT = 22;
  static final double TOP = 36;

  private final List<Series> series = new ArrayList<>();
  private final List<Guide> guides = new ArrayList<>();
  private String title = "";
  private String xLabel = "";
  private String yLabel = "";
  private boolean logX;
  private boolean logY;
  private double xMin = Double.NaN;
  private double xMax = Double.NaN;
  private double yMin = Double.NaN;
  private double yMax = Double.NaN;
  private LegendPosition legend = LegendPosition.TOP_RIGHT;
  private double dodge;

  public CurvePlot title(String title) {
    this.title = title;
    return this;
  }

  /** Axis labels in {@link Text} markup. */
  public CurvePlot labels(String xLabel, String yLabel) {
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    return this;
  }

  public CurvePlot logX(boolean on) {
    this.logX = on;
    return this;
  }

  public CurvePlot logY(boolean on) {
    this.logY = on;
    return this;
  }

  public CurvePlot xRange(double min, double max) {
    this.xMin = min;
    this.xMax = max;
    return this;
  }

  public CurvePlot yRange(double min, double max) {
    this.yMin = min;
    this.yMax = max;
    return this;
  }

  public CurvePlot legend(LegendPosition position) {
    this.legend = position;
    return this;
  }

  /**
   * Draws series j shifted by (j − (n − 1)/2)·{@code dx} along x (data units) so that markers and error bars of
   * several methods at the same x (e.g. the same μ) do not hide each other. The data are not changed.
   */
  public CurvePlot dodge(double dx) {
    if (!Double.isFinite(dx)) {
      throw new IllegalArgumentException("curve plot dodge: expected a finite x offset, got " + dx);
    }
    this.dodge = dx;
    return this;
  }

  public CurvePlot add(Series s) {
    series.add(s);
    return this;
  }

  /** A line with markers, no errors. */
  public CurvePlot add(String label, double[] x, double[] y) {
    return add(new Series(label, x, y, null, null, Draw.LINE_MARKERS, Errors.BAND));
  }

  /** A line with markers and a band [yLow, yHigh]. */
  public CurvePlot add(String label, double[] x, double[] y, double[] yLow, double[] yHigh) {
    return add(new Series(label, x, y, yLow, yHigh, Draw.LINE_MARKERS, Errors.BAND));
  }

  /** A grey dashed guide line through the given points (legend entry only if {@code label} is non-empty). */
  public CurvePlot guide(double[] x, double[] y, String label) {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException("guide '" + label + "': expected >= 2 points with equal x/y lengths, got "
          + x.length + "/" + y.length);
    }
    guides.add(new Guide(x.clone(), y.clone(), label));
    return this;
  }

  /** Horizontal guide at y = {@code y} across the x range. */
  public CurvePlot horizontalGuide(double y, String label) {
    return guide(new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}, new double[] {y, y}, label);
  }

  Panel panel() {
    if (series.isEmpty()) {
      throw new IllegalStateException("curve plot '" + title + "': no series added");
    }
    double[] xr = range(true);
    double[] yr = range(false);
    return new Panel(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - 68,
        new Axis(xr[0], xr[1], logX, xLabel), new Axis(yr[0], yr[1], logY, yLabel));
  }

  /** Automatic range from the data (and intervals) unless fixed: linear gets 5 % padding, log snaps to decades. */
  private double[] range(boolean isX) {
    double fixedLo = isX ? xMin : yMin;
    double fixedHi = isX ? xMax : yMax;
    boolean log = isX ? logX : logY;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      double[][] cols = isX ? new double[][] {s.x()} : new double[][] {s.y(), s.yLow(), s.yHigh()};
      for (double[] c : cols) {
        if (c == null) {
          continue;
        }
        for (double v : c) {
          if (Double.isFinite(v) && (!log || v > 0)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
    }
    if (Double.isInfinite(lo)) {
      lo = log ? 1 : 0;
      hi = log ? 10 : 1;
    }
    if (log) {
      lo = Math.pow(10, Math.floor(Math.log10(lo) + 1e-9));
      hi = Math.pow(10, Math.ceil(Math.log10(hi) - 1e-9));
      if (!(hi > lo)) {
        hi = lo * 10;
      }
    } else {
      double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(0.5, 0.05 * Math.abs(lo));
      lo -= pad;
      hi += pad;
      if (!isX) {
        hi += 0.25 * (hi - lo); // head-room for the legend
      }
    }
    return new double[] {Double.isNaN(fixedLo) ? lo : fixedLo, Double.isNaN(fixedHi) ? hi : fixedHi};
  }

  @Override
  public String toSvg() {
    Panel p = panel();
    Svg s = Svg.document(WIDTH, HEIGHT);
    Panel.title(s, title, LEFT, TOP - 12);
    Legend lg = new Legend();
    p.beginClip(s);
    for (Guide g : guides) {
      double[] gx = g.x().clone();
      for (int i = 0; i < gx.length; i++) {
        gx[i] = gx[i] == Double.NEGATIVE_INFINITY ? p.x.min() : gx[i] == Double.POSITIVE_INFINITY ? p.x.max() : gx[i];
      }
      String d = p.polyline(gx, g.y());
      if (!d.isEmpty()) {
        s.empty("path", "d", d, "fill", "none", "stroke", "#888888", "stroke-width", "1.2", "stroke-dasharray", "5 4");
      }
      lg.add(new Legend.Entry(g.label(), "#888888", "5 4", true, false, Marker.NONE));
    }
    for (int j = 0; j < series.size(); j++) {
      Series se = shifted(series.get(j), (j - (series.size() - 1) / 2.0) * dodge);
      String colour = Palette.colour(j);
      boolean hasErr = se.yLow() != null;
      if (hasErr && se.errors() == Errors.BAND) {
        drawBand(s, p, se, colour);
      }
      if (hasErr && se.errors() == Errors.BARS) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < se.x().length; i++) {
          if (p.drawable(se.x()[i], se.yLow()[i]) && p.drawable(se.x()[i], se.yHigh()[i])) {
            d.append('M').append(Fmt.px(p.px(se.x()[i]))).append(',').append(Fmt.px(p.py(se.yLow()[i])))
                .append('V').append(Fmt.px(p.py(se.yHigh()[i])));
          }
        }
        if (d.length() > 0) {
          s.empty("path", "d", d.toString(), "fill", "none", "stroke", colour, "stroke-width", "1.5");
        }
      }
      boolean line = se.draw() != Draw.MARKERS;
      if (line) {
        String d = p.polyline(se.x(), se.y());
        if (!d.isEmpty()) {
          s.empty("path", "d", d, "fill", "none", "stroke", colour, "stroke-width", "2",
              "stroke-dasharray", Palette.dash(j), "stroke-linejoin", "round");
        }
      }
      Marker m = se.draw() == Draw.LINE ? Marker.NONE : Marker.forSeries(j);
      if (m != Marker.NONE) {
        s.open("g");
        for (int i = 0; i < se.x().length; i++) {
          if (p.drawable(se.x()[i], se.y()[i])) {
            m.draw(s, p.px(se.x()[i]), p.py(se.y()[i]), 3.5, colour);
          }
        }
        s.close("g");
      }
      lg.add(new Legend.Entry(se.label(), colour, Palette.dash(j), line, hasErr && se.errors() == Errors.BAND, m));
    }
    p.endClip(s);
    p.drawFrame(s, true, true);
    lg.draw(s, p, legend);
    return s.finish();
  }

  private static Series shifted(Series s, double dx) {
    if (dx == 0) {
      return s;
    }
    double[] x = s.x().clone();
    for (int i = 0; i < x.length; i++) {
      x[i] += dx;
    }
    return new Series(s.label(), x, s.y(), s.yLow(), s.yHigh(), s.draw(), s.errors());
  }

  /** Band polygon(s): yHigh forwards then yLow backwards, split wherever a point is missing. */
  private static void drawBand(Svg s, Panel p, Series se, String colour) {
    int n = se.x().length;
    int start = 0;
    while (start < n) {
      while (start < n && !bandPoint(p, se, start)) {
        start++;
      }
      int end = start;
      while (end < n && bandPoint(p, se, end)) {
        end++;
      }
      if (end - start >= 2) {
        StringBuilder d = new StringBuilder();
        for (int i = start; i < end; i++) {
          d.append(i == start ? 'M' : 'L').append(Fmt.px(p.px(se.x()[i]))).append(',').append(Fmt.px(p.py(se.yHigh()[i])));
        }
        for (int i = end - 1; i >= start; i--) {
          d.append('L').append(Fmt.px(p.px(se.x()[i]))).append(',').append(Fmt.px(p.py(se.yLow()[i])));
        }
        d.append('Z');
        s.empty("path", "d", d.toString(), "fill", colour, "fill-opacity", "0.25", "stroke", "none");
      }
      start = end;
    }
  }

  private static boolean bandPoint(Panel p, Series se, int i) {
    return p.drawable(se.x()[i], se.yLow()[i]) && p.drawable(se.x()[i], se.yHigh()[i]);
  }
}
