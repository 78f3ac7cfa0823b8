package org.jetbridge.report;

import java.util.ArrayList;
import java.util.List;

/**
 * ROC curves in the collider convention: x = signal efficiency ε_s, y = background rejection 1/ε_b on a log10
 * axis, one line per {@link Roc} (sampled at 400 evenly spaced ε_s with {@link Roc#rejectionAt}, so the SVG size
 * does not grow with the number of events), plus the random-guess line 1/ε_s. With {@link #efficiencyAxes()} it
 * draws ε_s against ε_b on linear axes instead (the usual view of a classifier two-sample test).
 */
public final class RocPlot implements Plot {
  static final int SAMPLES = 400;

  private record Entry(Roc roc, String label) {}

  private final List<Entry> curves = new ArrayList<>();
  private String title = "";
  private String signal = "s";
  private String background = "b";
  private double effMin = 0.0;
  private double rejectionMax = Double.NaN;
  private boolean efficiencyAxes;
  private LegendPosition legend = LegendPosition.TOP_RIGHT;

  public RocPlot title(String title) {
    this.title = title;
    return this;
  }

  /** Adds a curve; the label typically carries the AUC. */
  public RocPlot add(Roc roc, String label) {
    curves.add(new Entry(roc, label));
    return this;
  }

  /** Subscripts naming the classes in the axis labels (default "s" and "b"; e.g. "b" and "light"). */
  public RocPlot classes(String signalName, String backgroundName) {
    this.signal = signalName;
    this.background = backgroundName;
    return this;
  }

  /** Lower end of the ε_s axis (default 0). */
  public RocPlot minEfficiency(double eff) {
    if (!(eff >= 0 && eff < 1)) {
      throw new IllegalArgumentException("ROC plot: minimum efficiency " + eff + ", expected in [0, 1)");
    }
    this.effMin = eff;
    return this;
  }

  /** Top of the rejection axis (default: the next decade above the largest finite rejection drawn). */
  public RocPlot maxRejection(double r) {
    this.rejectionMax = r;
    return this;
  }

  /** Switch to ε_b (x) vs ε_s (y) on linear axes with the diagonal as the random guess. */
  public RocPlot efficiencyAxes() {
    this.efficiencyAxes = true;
    return this;
  }

  public RocPlot legend(LegendPosition position) {
    this.legend = position;
    return this;
  }

  /** The equivalent {@link CurvePlot}: the ROC plot is drawn by it. */
  CurvePlot asCurves() {
    if (curves.isEmpty()) {
      throw new IllegalStateException("ROC plot '" + title + "': no curves added");
    }
    CurvePlot c = new CurvePlot().title(title).legend(efficiencyAxes && legend == LegendPosition.TOP_RIGHT
        ? LegendPosition.BOTTOM_RIGHT : legend);
    String es = "ε_{" + signal + "}";
    String eb = "ε_{" + background + "}";
    if (efficiencyAxes) {
      c.labels(eb, es).xRange(0, 1).yRange(0, 1.0001);
      c.guide(new double[] {0, 1}, new double[] {0, 1}, "random");
      for (Entry e : curves) {
        c.add(new CurvePlot.Series(e.label(), e.roc().backgroundEfficiency(), e.roc().signalEfficiency(), null, null,
            CurvePlot.Draw.LINE, CurvePlot.Errors.BAND));
      }
      return c;
    }
    double[] x = new double[SAMPLES + 1];
    for (int i = 0; i <= SAMPLES; i++) {
      x[i] = effMin + (1 - effMin) * i / SAMPLES;
    }
    x[SAMPLES] = 1;
    double maxRej = 1;
    List<double[]> ys = new ArrayList<>();
    for (Entry e : curves) {
      double[] y = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = x[i] > 0 ? e.roc().rejectionAt(x[i]) : Double.POSITIVE_INFINITY;
        if (Double.isFinite(y[i])) {
          maxRej = Math.max(maxRej, y[i]);
        }
      }
      ys.add(y);
    }
    double top = Double.isNaN(rejectionMax) ? Math.pow(10, Math.max(1, Math.ceil(Math.log10(maxRej) + 0.15))) : rejectionMax;
    c.labels(es, "1/" + eb).logY(true).xRange(effMin, 1).yRange(1, top);
    double[] gy = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      gy[i] = 1 / x[i];
    }
    c.guide(x, gy, "random");
    for (int j = 0; j < curves.size(); j++) {
      c.add(new CurvePlot.Series(curves.get(j).label(), x, ys.get(j), null, null, CurvePlot.Draw.LINE, CurvePlot.Errors.BAND));
    }
    return c;
  }

  @Override
  public String toSvg() {
    return asCurves().toSvg();
  }
}
