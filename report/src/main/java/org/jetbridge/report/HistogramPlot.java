package org.jetbridge.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One or more {@link Histogram}s on a common x axis, drawn as step lines (optionally with an error band) or as
 * points with error bars, optionally normalised to unit area, with an optional ratio panel below that shows
 * every series divided by a reference series ({@link Histogram#ratio}, errors of both propagated) on the same
 * x axis. A series may carry an extra shaded band [lo, hi] per bin ({@link #band}, e.g. the spread of an ensemble),
 * drawn in its colour and divided by the reference in the ratio panel. Size 640 × 480 px, or 640 × 600 px with a
 * ratio panel.
 */
public final class HistogramPlot implements Plot {
  /** How a series is drawn. */
  public enum Style {
    /** Step line, no errors. */
    STEP,
    /** Step line with a translucent ±1σ band per bin. */
    STEP_BAND,
    /** Step line with vertical ±1σ error bars at bin centres. */
    STEP_BARS,
    /** Markers at bin centres with ±1σ error bars (the usual style for collision data). */
    POINTS
  }

  /** A series; {@code bandLo}/{@code bandHi} are null or one value per bin, in the units drawn. */
  private record Series(Histogram h, String label, Style style, double[] bandLo, double[] bandHi) {}

  static final int WIDTH = 640;
  static final double LEFT = 78;
  static final double RIGHT = 22;
  static final double TOP = 36;

  private final List<Series> series = new ArrayList<>();
  private String title = "";
  private String xLabel = "";
  private String yLabel = "";
  private boolean normalise;
  private boolean logY;
  private double yMin = Double.NaN;
  private double yMax = Double.NaN;
  private int ratioReference = -1;
  private String ratioLabel = "ratio";
  private double ratioMin = Double.NaN;
  private double ratioMax = Double.NaN;
  private LegendPosition legend = LegendPosition.TOP_RIGHT;

  public HistogramPlot title(String title) {
    this.title = title;
    return this;
  }

  /** Axis labels in {@link Text} markup. */
  public HistogramPlot labels(String xLabel, String yLabel) {
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    return this;
  }

  /** Adds a series drawn as a step line with an error band. */
  public HistogramPlot add(Histogram h, String label) {
    return add(h, label, Style.STEP_BAND);
  }

  public HistogramPlot add(Histogram h, String label, Style style) {
    if (!series.isEmpty() && !java.util.Arrays.equals(series.get(0).h().edges(), h.edges())) {
      throw new IllegalArgumentException("histogram plot series '" + label + "': bin edges differ from series '"
          + series.get(0).label() + "'");
    }
    series.add(new Series(h, label, style, null, null));
    return this;
  }

  /**
   * Attaches a shaded band [lo_i, hi_i] per bin to the series added last (e.g. the 16th–84th percentile of bin i over
   * an ensemble), in the units drawn: densities when {@link #normalise} is on. Non-finite bins are left blank.
   *
   * @throws IllegalArgumentException when there is no series yet, the lengths are not one per bin, or lo_i > hi_i
   */
  public HistogramPlot band(double[] lo, double[] hi) {
    if (series.isEmpty()) {
      throw new IllegalArgumentException("histogram plot band: add the series it belongs to first");
    }
    Series last = series.get(series.size() - 1);
    int n = last.h().bins();
    if (lo.length != n || hi.length != n) {
      throw new IllegalArgumentException("histogram plot band of series '" + last.label() + "': expected " + n
          + " values (one per bin), got " + lo.length + " low and " + hi.length + " high");
    }
    for (int i = 0; i < n; i++) {
      if (lo[i] > hi[i]) {
        throw new IllegalArgumentException("histogram plot band of series '" + last.label() + "', bin " + i
            + ": low " + lo[i] + " above high " + hi[i]);
      }
    }
    series.set(series.size() - 1, new Series(last.h(), last.label(), last.style(), lo.clone(), hi.clone()));
    return this;
  }

  /** Draw every series as a unit-area density ({@link Histogram#normalised()}). */
  public HistogramPlot normalise(boolean on) {
    this.normalise = on;
    return this;
  }

  public HistogramPlot logY(boolean on) {
    this.logY = on;
    return this;
  }

  /** Fixed y range of the main panel (default: automatic, with head-room for the legend). */
  public HistogramPlot yRange(double min, double max) {
    this.yMin = min;
    this.yMax = max;
    return this;
  }

  /** Adds a ratio panel showing every series divided by series {@code referenceIndex}; y label in markup. */
  public HistogramPlot ratioTo(int referenceIndex, String label) {
    this.ratioReference = referenceIndex;
    this.ratioLabel = label;
    return this;
  }

  /** Fixed y range of the ratio panel (default: symmetric about 1 and wide enough for the ratios, at most [0, 2]). */
  public HistogramPlot ratioRange(double min, double max) {
    this.ratioMin = min;
    this.ratioMax = max;
    return this;
  }

  public HistogramPlot legend(LegendPosition position) {
    this.legend = position;
    return this;
  }

  /** The histograms as drawn (normalised if requested), in series order. */
  List<Histogram> drawn() {
    List<Histogram> out = new ArrayList<>();
    for (Series s : series) {
      out.add(normalise ? s.h().normalised() : s.h());
    }
    return out;
  }

  /** Geometry of the main panel (for tests and for callers aligning annotations). */
  Panel mainPanel() {
    return layout()[0];
  }

  private Panel[] layout() {
    if (series.isEmpty()) {
      throw new IllegalStateException("histogram plot '" + title + "': no series added");
    }
    List<Histogram> hs = drawn();
    Histogram first = hs.get(0);
    Axis x = Axis.linear(first.lowEdge(0), first.highEdge(first.bins() - 1), xLabel);
    Axis y = new Axis(yLow(hs), yHigh(hs), logY, yLabel);
    double plotW = WIDTH - LEFT - RIGHT;
    if (ratioReference < 0) {
      return new Panel[] {new Panel(LEFT, TOP, plotW, 380, x, y)};
    }
    if (ratioReference >= series.size()) {
      throw new IllegalArgumentException("ratio reference " + ratioReference + ": expected 0.." + (series.size() - 1));
    }
    Axis r = Axis.linear(ratioLow(hs), ratioHigh(hs), ratioLabel);
    return new Panel[] {new Panel(LEFT, TOP, plotW, 370, x, y), new Panel(LEFT, TOP + 380, plotW, 130, x, r)};
  }

  private double yLow(List<Histogram> hs) {
    if (!Double.isNaN(yMin)) {
      return yMin;
    }
    if (!logY) {
      double lo = 0;
      for (Histogram h : hs) {
        for (int i = 0; i < h.bins(); i++) {
          lo = Math.min(lo, h.content(i) - h.error(i));
        }
      }
      for (Series se : series) {
        for (double v : se.bandLo() == null ? new double[0] : se.bandLo()) {
          lo = Double.isFinite(v) ? Math.min(lo, v) : lo;
        }
      }
      return lo < 0 ? 1.1 * lo : 0;
    }
    double minPos = Double.POSITIVE_INFINITY;
    for (Histogram h : hs) {
      for (int i = 0; i < h.bins(); i++) {
        if (h.content(i) > 0) {
          minPos = Math.min(minPos, h.content(i));
        }
      }
    }
    return Double.isInfinite(minPos) ? 0.1 : Math.pow(10, Math.floor(Math.log10(minPos) - 0.3));
  }

  private double yHigh(List<Histogram> hs) {
    if (!Double.isNaN(yMax)) {
      return yMax;
    }
    double hi = Double.NEGATIVE_INFINITY;
    for (Histogram h : hs) {
      for (int i = 0; i < h.bins(); i++) {
        hi = Math.max(hi, h.content(i) + h.error(i));
      }
    }
    for (Series se : series) {
      for (double v : se.bandHi() == null ? new double[0] : se.bandHi()) {
        hi = Double.isFinite(v) ? Math.max(hi, v) : hi;
      }
    }
    if (!logY) {
      return hi > 0 ? hi * 1.35 : 1; // head-room for the legend
    }
    double lo = yLow(hs);
    if (!(hi > lo)) {
      return lo * 10;
    }
    double decades = Math.log10(hi / lo);
    return hi * Math.pow(10, 0.4 * decades);
  }

  private double ratioLow(List<Histogram> hs) {
    return Double.isNaN(ratioMin) ? 1 - ratioHalfWidth(hs) : ratioMin;
  }

  private double ratioHigh(List<Histogram> hs) {
    return Double.isNaN(ratioMax) ? 1 + ratioHalfWidth(hs) : ratioMax;
  }

  /** Smallest of 0.1, 0.2, 0.5, 1 that contains every finite ratio value (errors not included). */
  private double ratioHalfWidth(List<Histogram> hs) {
    double dev = 0;
    for (int j = 0; j < hs.size(); j++) {
      if (j == ratioReference) {
        continue;
      }
      Histogram r = Histogram.ratio(hs.get(j), hs.get(ratioReference));
      for (int i = 0; i < r.bins(); i++) {
        double v = r.content(i);
        if (Double.isFinite(v)) {
          dev = Math.max(dev, Math.abs(v - 1));
        }
      }
    }
    for (double w : new double[] {0.1, 0.2, 0.5}) {
      if (dev * 1.15 <= w) {
        return w;
      }
    }
    return 1.0;
  }

  @Override
  public String toSvg() {
    Panel[] panels = layout();
    Panel main = panels[0];
    boolean hasRatio = panels.length > 1;
    int height = hasRatio ? 600 : 480;
    Svg s = Svg.document(WIDTH, height);
    Panel.title(s, title, LEFT, TOP - 12);
    List<Histogram> hs = drawn();
    Legend lg = new Legend();
    main.beginClip(s);
    for (int j = 0; j < hs.size(); j++) {
      Series se = series.get(j);
      if (se.bandLo() != null) {
        drawBand(s, main, hs.get(j), se.bandLo(), se.bandHi(), Palette.colour(j));
      }
      drawSeries(s, main, hs.get(j), se.style(), j, true);
      lg.add(new Legend.Entry(se.label(), Palette.colour(j), Palette.dash(j), se.style() != Style.POINTS,
          se.style() == Style.STEP_BAND || se.bandLo() != null,
          se.style() == Style.POINTS ? Marker.forSeries(j) : Marker.NONE));
    }
    main.endClip(s);
    main.drawFrame(s, !hasRatio, !hasRatio);
    lg.draw(s, main, legend);
    if (hasRatio) {
      Panel rp = panels[1];
      rp.beginClip(s);
      s.line(rp.left, rp.py(1), rp.left + rp.width, rp.py(1), "#777777", 1);
      Histogram ref = hs.get(ratioReference);
      for (int j = 0; j < hs.size(); j++) {
        if (j == ratioReference) {
          continue;
        }
        Series se = series.get(j);
        if (se.bandLo() != null) {
          drawBand(s, rp, ref, dividedBy(se.bandLo(), ref), dividedBy(se.bandHi(), ref), Palette.colour(j));
        }
        Style st = se.style();
        drawSeries(s, rp, Histogram.ratio(hs.get(j), ref), st == Style.STEP ? Style.STEP_BARS : st, j, false);
      }
      rp.endClip(s);
      rp.drawFrame(s, true, true, true);
    }
    return s.finish();
  }

  /** {@code v} divided bin by bin by the reference's contents (NaN where the reference is empty). */
  private static double[] dividedBy(double[] v, Histogram ref) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      double den = ref.content(i);
      out[i] = den == 0 ? Double.NaN : v[i] / den;
    }
    return out;
  }

  /** Translucent rectangles [lo_i, hi_i] over the bins of {@code h}; empty or non-finite bins are skipped. */
  private static void drawBand(Svg s, Panel p, Histogram h, double[] lo, double[] hi, String colour) {
    s.open("g", "fill", colour, "fill-opacity", "0.25", "stroke", "none");
    for (int i = 0; i < h.bins(); i++) {
      if (!Double.isFinite(lo[i]) || !Double.isFinite(hi[i]) || lo[i] == hi[i]) {
        continue;
      }
      double yTop = p.py(hi[i]);
      double yBot = p.py(p.y.log() && lo[i] <= 0 ? p.y.min() : lo[i]);
      double x0 = p.px(h.lowEdge(i));
      double x1 = p.px(h.highEdge(i));
      s.empty("rect", "x", Fmt.px(x0), "y", Fmt.px(yTop), "width", Fmt.px(x1 - x0), "height", Fmt.px(yBot - yTop));
    }
    s.close("g");
  }

  static void drawSeries(Svg s, Panel p, Histogram h, Style style, int index, boolean closed) {
    String colour = Palette.colour(index);
    int n = h.bins();
    if (style == Style.STEP_BAND) {
      double[] lo = h.contents();
      double[] hi = h.contents();
      for (int i = 0; i < n; i++) {
        double e = h.error(i);
        lo[i] -= e;
        hi[i] += e;
      }
      drawBand(s, p, h, lo, hi, colour);
    }
    String step = style == Style.POINTS ? "" : closed ? stepPath(p, h) : openStepPath(p, h);
    if (!step.isEmpty()) {
      s.empty("path", "d", step, "fill", "none", "stroke", colour, "stroke-width", "1.8",
          "stroke-dasharray", Palette.dash(index), "stroke-linejoin", "miter");
    }
    if (style == Style.STEP_BARS || style == Style.POINTS) {
      StringBuilder d = new StringBuilder();
      for (int i = 0; i < n; i++) {
        double c = h.content(i);
        double e = h.error(i);
        if (!Double.isFinite(c) || !Double.isFinite(e) || e == 0) {
          continue;
        }
        double lo = p.y.log() && c - e <= 0 ? p.y.min() : c - e;
        d.append('M').append(Fmt.px(p.px(h.centre(i)))).append(',').append(Fmt.px(p.py(lo)))
            .append('V').append(Fmt.px(p.py(c + e)));
      }
      if (d.length() > 0) {
        s.empty("path", "d", d.toString(), "fill", "none", "stroke", colour, "stroke-width", "1.5");
      }
    }
    if (style == Style.POINTS) {
      Marker m = Marker.forSeries(index);
      s.open("g");
      for (int i = 0; i < n; i++) {
        double c = h.content(i);
        if (p.drawable(h.centre(i), c)) {
          m.draw(s, p.px(h.centre(i)), p.py(c), 3.5, colour);
        }
      }
      s.close("g");
    }
  }

  /** Step line along the bin tops only, broken at non-finite bins (used for ratios, which have no floor). */
  private static String openStepPath(Panel p, Histogram h) {
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < h.bins(); i++) {
      double c = h.content(i);
      if (!p.drawable(h.centre(i), c)) {
        pen = false;
        continue;
      }
      String y = Fmt.px(p.py(c));
      if (pen) {
        d.append('V').append(y);
      } else {
        d.append('M').append(Fmt.px(p.px(h.lowEdge(i)))).append(',').append(y);
      }
      d.append('H').append(Fmt.px(p.px(h.highEdge(i))));
      pen = true;
    }
    return d.toString();
  }

  /**
   * Step outline: from the axis floor at the first edge, along every bin top, back to the floor at the last
   * edge; a non-finite (or, on a log axis, non-positive) bin drops the line to the floor.
   */
  private static String stepPath(Panel p, Histogram h) {
    double floor = p.y.log() ? p.y.min() : Math.max(p.y.min(), Math.min(0, p.y.max()));
    String floorPx = Fmt.px(p.py(floor));
    StringBuilder d = new StringBuilder();
    d.append('M').append(Fmt.px(p.px(h.lowEdge(0)))).append(',').append(floorPx);
    for (int i = 0; i < h.bins(); i++) {
      double c = h.content(i);
      boolean ok = Double.isFinite(c) && (!p.y.log() || c > 0);
      d.append('V').append(ok ? Fmt.px(p.py(c)) : floorPx);
      d.append('H').append(Fmt.px(p.px(h.highEdge(i))));
    }
    d.append('V').append(floorPx);
    return d.toString();
  }
}
