package org.jetbridge.report;

/**
 * A weighted 2-D histogram with uniform bins over [xLo, xHi) × [yLo, yHi) (in the observables' units); entries
 * outside the rectangle are counted in {@link #outside()}, never silently dropped.
 */
public final class Histogram2D {
  private final int nx;
  private final int ny;
  private final double xLo;
  private final double xHi;
  private final double yLo;
  private final double yHi;
  private final double[] sumW;
  private double outside;

  public Histogram2D(int nx, double xLo, double xHi, int ny, double yLo, double yHi) {
    if (nx < 1 || ny < 1) {
      throw new IllegalArgumentException("2-D histogram bins: expected >= 1 each, got " + nx + " × " + ny);
    }
    if (!(xLo < xHi) || !(yLo < yHi) || !Double.isFinite(xHi - xLo) || !Double.isFinite(yHi - yLo)) {
      throw new IllegalArgumentException("2-D histogram range: expected finite xLo < xHi and yLo < yHi, got ["
          + xLo + ", " + xHi + ") × [" + yLo + ", " + yHi + ")");
    }
    this.nx = nx;
    this.ny = ny;
    this.xLo = xLo;
    this.xHi = xHi;
    this.yLo = yLo;
    this.yHi = yHi;
    this.sumW = new double[nx * ny];
  }

  public Histogram2D fill(double x, double y) {
    return fill(x, y, 1.0);
  }

  /** Adds an entry; NaN coordinates or a non-finite weight are rejected. */
  public Histogram2D fill(double x, double y, double w) {
    if (Double.isNaN(x) || Double.isNaN(y) || !Double.isFinite(w)) {
      throw new IllegalArgumentException("2-D histogram fill: (" + x + ", " + y + ") with weight " + w
          + ": expected numbers and a finite weight");
    }
    int i = bin(x, xLo, xHi, nx);
    int j = bin(y, yLo, yHi, ny);
    if (i < 0 || j < 0) {
      outside += w;
    } else {
      sumW[i * ny + j] += w;
    }
    return this;
  }

  private static int bin(double v, double lo, double hi, int n) {
    if (!(v >= lo) || !(v < hi)) {
      return -1;
    }
    return Math.min(n - 1, (int) ((v - lo) / (hi - lo) * n));
  }

  public int binsX() {
    return nx;
  }

  public int binsY() {
    return ny;
  }

  public double xLow() {
    return xLo;
  }

  public double xHigh() {
    return xHi;
  }

  public double yLow() {
    return yLo;
  }

  public double yHigh() {
    return yHi;
  }

  /** Sum of weights in cell (i, j), i along x. */
  public double content(int i, int j) {
    if (i < 0 || i >= nx || j < 0 || j >= ny) {
      throw new IndexOutOfBoundsException("2-D histogram cell (" + i + ", " + j + "): expected 0.." + (nx - 1)
          + " × 0.." + (ny - 1));
    }
    return sumW[i * ny + j];
  }

  /** Total weight that fell outside the rectangle. */
  public double outside() {
    return outside;
  }

  /** Total weight inside the rectangle. */
  public double integral() {
    double s = 0;
    for (double v : sumW) {
      s += v;
    }
    return s;
  }

  /**
   * The content threshold t such that cells with content ≥ t hold at least {@code fraction} of the integral
   * (the highest-density region level used for contours); 0 < fraction ≤ 1.
   */
  public double levelContaining(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("2-D histogram level: fraction " + fraction + ", expected in (0, 1]");
    }
    double[] sorted = sumW.clone();
    java.util.Arrays.sort(sorted);
    double total = integral();
    double cum = 0;
    for (int k = sorted.length - 1; k >= 0; k--) {
      cum += sorted[k];
      if (cum >= fraction * total) {
        return sorted[k];
      }
    }
    return sorted[0];
  }

  /** A copy smoothed with the separable [1, 2, 1]/4 kernel (zero outside), which preserves the integral up to edge losses. */
  public Histogram2D smoothed() {
    Histogram2D tmp = new Histogram2D(nx, xLo, xHi, ny, yLo, yHi);
    Histogram2D out = new Histogram2D(nx, xLo, xHi, ny, yLo, yHi);
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < ny; j++) {
        double v = 2 * sumW[i * ny + j];
        v += i > 0 ? sumW[(i - 1) * ny + j] : 0;
        v += i < nx - 1 ? sumW[(i + 1) * ny + j] : 0;
        tmp.sumW[i * ny + j] = v / 4;
      }
    }
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < ny; j++) {
        double v = 2 * tmp.sumW[i * ny + j];
        v += j > 0 ? tmp.sumW[i * ny + j - 1] : 0;
        v += j < ny - 1 ? tmp.sumW[i * ny + j + 1] : 0;
        out.sumW[i * ny + j] = v / 4;
      }
    }
    out.outside = outside;
    return out;
  }
}
