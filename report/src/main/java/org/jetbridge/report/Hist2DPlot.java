package org.jetbridge.report;

/**
 * One {@link Histogram2D} as a colour map (perceptually uniform, colour-blind safe "viridis"-like scale; empty
 * cells left white) with a colour bar, linear or log10 in the cell content; e.g. a response matrix
 * m_reco vs m_true. 640 × 480 px.
 */
public final class Hist2DPlot implements Plot {
  /** Anchor colours of the scale at 0, 0.25, 0.5, 0.75, 1 (viridis samples). */
  private static final int[] SCALE = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};

  private final Histogram2D h;
  private String title = "";
  private String xLabel = "";
  private String yLabel = "";
  private String zLabel = "";
  private boolean logZ;

  public Hist2DPlot(Histogram2D h) {
    this.h = h;
  }

  public Hist2DPlot title(String title) {
    this.title = title;
    return this;
  }

  /** Axis labels (x, y, colour bar) in {@link Text} markup. */
  public Hist2DPlot labels(String xLabel, String yLabel, String zLabel) {
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.zLabel = zLabel;
    return this;
  }

  /** Log10 colour scale (cells with content ≤ 0 stay white). */
  public Hist2DPlot logZ(boolean on) {
    this.logZ = on;
    return this;
  }

  /** Colour "#rrggbb" at position f in [0, 1] of the scale (clamped). */
  static String colourAt(double f) {
    f = Math.max(0, Math.min(1, f));
    double pos = f * (SCALE.length - 1);
    int k = Math.min(SCALE.length - 2, (int) Math.floor(pos));
    double t = pos - k;
    int rgb = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      int a = (SCALE[k] >> shift) & 0xff;
      int b = (SCALE[k + 1] >> shift) & 0xff;
      rgb |= ((int) Math.round(a + t * (b - a))) << shift;
    }
    return String.format(java.util.Locale.ROOT, "#%06x", rgb);
  }

  @Override
  public String toSvg() {
    double max = 0;
    double minPos = Double.POSITIVE_INFINITY;
    for (int i = 0; i < h.binsX(); i++) {
      for (int j = 0; j < h.binsY(); j++) {
        double c = h.content(i, j);
        max = Math.max(max, c);
        if (c > 0) {
          minPos = Math.min(minPos, c);
        }
      }
    }
    if (!(max > 0)) {
      max = 1;
      minPos = 0.1;
    }
    Axis z = logZ ? Axis.log(Math.pow(10, Math.floor(Math.log10(minPos))), Math.pow(10, Math.ceil(Math.log10(max))), zLabel)
        : Axis.linear(0, max, zLabel);
    Panel p = new Panel(78, 36, 470, 376, Axis.linear(h.xLow(), h.xHigh(), xLabel), Axis.linear(h.yLow(), h.yHigh(), yLabel));
    Svg s = Svg.document(640, 480);
    Panel.title(s, title, p.left, p.top - 12);
    double dx = (h.xHigh() - h.xLow()) / h.binsX();
    double dy = (h.yHigh() - h.yLow()) / h.binsY();
    s.open("g", "stroke", "none");
    for (int i = 0; i < h.binsX(); i++) {
      for (int j = 0; j < h.binsY(); j++) {
        double c = h.content(i, j);
        if (!(c > 0)) {
          continue;
        }
        double x0 = p.px(h.xLow() + i * dx);
        double x1 = p.px(h.xLow() + (i + 1) * dx);
        double y1 = p.py(h.yLow() + j * dy);
        double y0 = p.py(h.yLow() + (j + 1) * dy);
        // cells overlap by a hair so anti-aliasing leaves no white seams
        s.empty("rect", "x", Fmt.px(x0), "y", Fmt.px(y0), "width", Fmt.px(x1 - x0 + 0.3), "height",
            Fmt.px(y1 - y0 + 0.3), "fill", colourAt(z.fraction(c)));
      }
    }
    s.close("g");
    p.drawFrame(s, true, true);
    // colour bar: a vertical strip with its own axis on the right
    Panel bar = new Panel(p.left + p.width + 14, p.top, 16, p.height, Axis.linear(0, 1, ""), z);
    int steps = 64;
    s.open("g", "stroke", "none");
    for (int k = 0; k < steps; k++) {
      double yTop = bar.top + bar.height * (1 - (k + 1.0) / steps);
      s.empty("rect", "x", Fmt.px(bar.left), "y", Fmt.px(yTop), "width", Fmt.px(bar.width),
          "height", Fmt.px(bar.height / steps + 0.3), "fill", colourAt((k + 0.5) / steps));
    }
    s.close("g");
    s.empty("rect", "x", Fmt.px(bar.left), "y", Fmt.px(bar.top), "width", Fmt.px(bar.width), "height",
        Fmt.px(bar.height), "fill", "none", "stroke", "#000000", "stroke-width", "1");
    s.open("g", "fill", "#000000");
    for (Axis.Tick t : bar.yTicks()) {
      if (t.major() && !t.label().isEmpty()) {
        s.text(t.label(), Panel.TICK_FONT, "x", Fmt.px(bar.left + bar.width + 4), "y", Fmt.px(bar.py(t.value()) + 4.5));
      }
    }
    if (!zLabel.isEmpty()) {
      double lx = 640 - 6;
      s.text(zLabel, Panel.LABEL_FONT, "x", Fmt.px(lx), "y", Fmt.px(bar.top), "text-anchor", "end",
          "transform", "rotate(-90 " + Fmt.px(lx) + " " + Fmt.px(bar.top) + ")");
    }
    s.close("g");
    return s.finish();
  }
}
