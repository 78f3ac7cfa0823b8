package org.jetbridge.report;

/** Marker shapes for points; {@link #forSeries} varies the shape with the series index so colour is not the only cue. */
public enum Marker {
  NONE, CIRCLE, SQUARE, TRIANGLE, DIAMOND, TRIANGLE_DOWN;

  private static final Marker[] CYCLE = {CIRCLE, SQUARE, TRIANGLE, DIAMOND, TRIANGLE_DOWN};

  public static Marker forSeries(int index) {
    return CYCLE[Math.floorMod(index, CYCLE.length)];
  }

  /** Draws this marker centred at pixel (x, y) with half-size r px. */
  void draw(Svg s, double x, double y, double r, String colour) {
    switch (this) {
      case NONE -> { }
      case CIRCLE -> s.empty("circle", "cx", Fmt.px(x), "cy", Fmt.px(y), "r", Fmt.px(r), "fill", colour);
      case SQUARE -> s.empty("rect", "x", Fmt.px(x - 0.9 * r), "y", Fmt.px(y - 0.9 * r), "width", Fmt.px(1.8 * r),
          "height", Fmt.px(1.8 * r), "fill", colour);
      case TRIANGLE -> polygon(s, colour, x, y - 1.2 * r, x + 1.1 * r, y + 0.8 * r, x - 1.1 * r, y + 0.8 * r);
      case TRIANGLE_DOWN -> polygon(s, colour, x, y + 1.2 * r, x + 1.1 * r, y - 0.8 * r, x - 1.1 * r, y - 0.8 * r);
      case DIAMOND -> polygon(s, colour, x, y - 1.3 * r, x + r, y, x, y + 1.3 * r, x - r, y);
    }
  }

  private static void polygon(Svg s, String colour, double... xy) {
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < xy.length; i += 2) {
      if (i > 0) {
        p.append(' ');
      }
      p.append(Fmt.px(xy[i])).append(',').append(Fmt.px(xy[i + 1]));
    }
    s.empty("polygon", "points", p.toString(), "fill", colour);
  }
}
