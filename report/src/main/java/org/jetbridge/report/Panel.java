package org.jetbridge.report;

import java.util.List;

/**
 * A rectangular data panel at pixel rectangle (left, top, width, height) with an x and a y {@link Axis}: maps data
 * to pixels, draws the frame with inward ticks on all four sides, tick labels and axis labels, and clips data.
 */
final class Panel {
  static final double TICK_FONT = 13;
  static final double LABEL_FONT = 15;
  final double left;
  final double top;
  final double width;
  final double height;
  final Axis x;
  final Axis y;
  /** Distance in px from the frame to the baseline of the rotated y label. */
  double yLabelOffset = 52;

  Panel(double left, double top, double width, double height, Axis x, Axis y) {
    this.left = left;
    this.top = top;
    this.width = width;
    this.height = height;
    this.x = x;
    this.y = y;
  }

  /** Pixel x of data value {@code v} (may lie outside the panel; infinities are clamped when formatted). */
  double px(double v) {
    return left + x.fraction(v) * width;
  }

  /** Pixel y of data value {@code v} (SVG y grows downwards). */
  double py(double v) {
    return top + height - y.fraction(v) * height;
  }

  List<Axis.Tick> xTicks() {
    return x.ticks((int) Math.round(width / 75));
  }

  List<Axis.Tick> yTicks() {
    return y.ticks((int) Math.round(height / 45));
  }

  double bottom() {
    return top + height;
  }

  /**
   * Starts a nested viewport equal to the panel so that everything drawn until {@link #endClip} is clipped to
   * it; nested {@code <svg>} clips without ids, so many plots can share one HTML page.
   */
  void beginClip(Svg s) {
    s.open("svg", "x", Fmt.px(left), "y", Fmt.px(top), "width", Fmt.px(width), "height", Fmt.px(height),
        "viewBox", Fmt.px(left) + " " + Fmt.px(top) + " " + Fmt.px(width) + " " + Fmt.px(height),
        "overflow", "hidden");
  }

  void endClip(Svg s) {
    s.close("svg");
  }

  /** Frame, ticks, tick labels (x labels only if {@code xTickLabels}) and axis labels (x label only if {@code xLabel}). */
  void drawFrame(Svg s, boolean xTickLabels, boolean xLabel) {
    drawFrame(s, xTickLabels, xLabel, true, true, false);
  }

  void drawFrame(Svg s, boolean xTickLabels, boolean xLabel, boolean omitTopYLabel) {
    drawFrame(s, xTickLabels, xLabel, true, true, omitTopYLabel);
  }

  /**
   * The frame with inward ticks on all sides; each kind of text is optional (corner plots label only the outer
   * panels); {@code omitTopYLabel} drops a y label at the panel's top edge.
   */
  void drawFrame(Svg s, boolean xTickLabels, boolean xLabel, boolean yTickLabels, boolean yLabel, boolean omitTopYLabel) {
    s.open("g", "stroke", "#000000", "stroke-width", "1", "fill", "none");
    s.empty("rect", "x", Fmt.px(left), "y", Fmt.px(top), "width", Fmt.px(width), "height", Fmt.px(height));
    StringBuilder d = new StringBuilder();
    for (Axis.Tick t : xTicks()) {
      double len = t.major() ? 8 : 4;
      String xp = Fmt.px(px(t.value()));
      d.append('M').append(xp).append(',').append(Fmt.px(bottom())).append('v').append(Fmt.px(-len));
      d.append('M').append(xp).append(',').append(Fmt.px(top)).append('v').append(Fmt.px(len));
    }
    for (Axis.Tick t : yTicks()) {
      double len = t.major() ? 8 : 4;
      String yp = Fmt.px(py(t.value()));
      d.append('M').append(Fmt.px(left)).append(',').append(yp).append('h').append(Fmt.px(len));
      d.append('M').append(Fmt.px(left + width)).append(',').append(yp).append('h').append(Fmt.px(-len));
    }
    if (d.length() > 0) {
      s.empty("path", "d", d.toString());
    }
    s.close("g");
    s.open("g", "fill", "#000000");
    if (xTickLabels) {
      for (Axis.Tick t : xTicks()) {
        if (t.major() && !t.label().isEmpty()) {
          s.text(t.label(), TICK_FONT, "x", Fmt.px(px(t.value())), "y", Fmt.px(bottom() + 18), "text-anchor", "middle");
        }
      }
    }
    for (Axis.Tick t : yTicks()) {
      // a label at the very top of a lower panel would collide with the panel above's lowest label
      boolean atTop = Math.abs(py(t.value()) - top) < 1;
      if (yTickLabels && t.major() && !t.label().isEmpty() && !(omitTopYLabel && atTop)) {
        s.text(t.label(), TICK_FONT, "x", Fmt.px(left - 6), "y", Fmt.px(py(t.value()) + 4.5), "text-anchor", "end");
      }
    }
    if (xLabel && !x.label().isEmpty()) {
      s.text(x.label(), LABEL_FONT, "x", Fmt.px(left + width), "y", Fmt.px(bottom() + 40), "text-anchor", "end");
    }
    if (yLabel && !y.label().isEmpty()) {
      double lx = left - yLabelOffset;
      s.text(y.label(), LABEL_FONT, "x", Fmt.px(lx), "y", Fmt.px(top), "text-anchor", "end",
          "transform", "rotate(-90 " + Fmt.px(lx) + " " + Fmt.px(top) + ")");
    }
    s.close("g");
  }

  /**
   * SVG path data through the points, with a break (new "M") wherever a point is not finite or lies on the
   * non-positive side of a log axis.
   */
  String polyline(double[] xs, double[] ys) {
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < xs.length; i++) {
      if (!drawable(xs[i], ys[i])) {
        pen = false;
        continue;
      }
      d.append(pen ? 'L' : 'M').append(Fmt.px(px(xs[i]))).append(',').append(Fmt.px(py(ys[i])));
      pen = true;
    }
    return d.toString();
  }

  boolean drawable(double xv, double yv) {
    return Double.isFinite(xv) && Double.isFinite(yv) && (!x.log() || xv > 0) && (!y.log() || yv > 0);
  }

  /** Draws a title above the panel. */
  static void title(Svg s, String title, double left, double y) {
    if (title != null && !title.isEmpty()) {
      s.text(title, 15, "x", Fmt.px(left), "y", Fmt.px(y), "font-weight", "bold");
    }
  }
}
