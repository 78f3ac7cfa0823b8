package org.jetbridge.report;

/**
 * Iso-contours of a {@link Histogram2D} by marching squares over the cell centres, with a ring of zero cells
 * around the grid so that every contour closes; saddles are resolved by the mean of the four corners.
 */
final class Contours {
  private Contours() {}

  /** SVG path data (independent "M…L…" segments) of the contour at {@code level} (> 0), in panel pixels. */
  static String path(Histogram2D h, double level, Panel p) {
    if (!(level > 0)) {
      return "";
    }
    int nx = h.binsX();
    int ny = h.binsY();
    double dx = (h.xHigh() - h.xLow()) / nx;
    double dy = (h.yHigh() - h.yLow()) / ny;
    StringBuilder d = new StringBuilder();
    for (int i = -1; i < nx; i++) {
      for (int j = -1; j < ny; j++) {
        double a = value(h, i, j);
        double b = value(h, i + 1, j);
        double c = value(h, i + 1, j + 1);
        double e = value(h, i, j + 1); // top-left corner
        int idx = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (e >= level ? 8 : 0);
        if (idx == 0 || idx == 15) {
          continue;
        }
        double x0 = h.xLow() + (i + 0.5) * dx;
        double y0 = h.yLow() + (j + 0.5) * dy;
        // crossing points on the four edges, as fractions along the edge
        double[] bottom = {x0 + dx * t(a, b, level), y0};
        double[] right = {x0 + dx, y0 + dy * t(b, c, level)};
        double[] top = {x0 + dx * t(e, c, level), y0 + dy};
        double[] left = {x0, y0 + dy * t(a, e, level)};
        boolean centreAbove = (a + b + c + e) / 4 >= level;
        switch (idx) {
          case 1, 14 -> seg(d, p, left, bottom);
          case 2, 13 -> seg(d, p, bottom, right);
          case 3, 12 -> seg(d, p, left, right);
          case 4, 11 -> seg(d, p, right, top);
          case 6, 9 -> seg(d, p, bottom, top);
          case 7, 8 -> seg(d, p, left, top);
          case 5, 10 -> {
            // saddle: the centre joins the above-level corners (a and c for 5, b and e for 10) or separates them
            if (centreAbove == (idx == 5)) {
              seg(d, p, bottom, right);
              seg(d, p, left, top);
            } else {
              seg(d, p, left, bottom);
              seg(d, p, right, top);
            }
          }
          default -> throw new AssertionError(idx);
        }
      }
    }
    return d.toString();
  }

  private static double value(Histogram2D h, int i, int j) {
    return i < 0 || j < 0 || i >= h.binsX() || j >= h.binsY() ? 0 : h.content(i, j);
  }

  private static double t(double v1, double v2, double level) {
    return v1 == v2 ? 0.5 : (level - v1) / (v2 - v1);
  }

  private static void seg(StringBuilder d, Panel p, double[] from, double[] to) {
    d.append('M').append(Fmt.px(p.px(from[0]))).append(',').append(Fmt.px(p.py(from[1])))
        .append('L').append(Fmt.px(p.px(to[0]))).append(',').append(Fmt.px(p.py(to[1])));
  }
}
