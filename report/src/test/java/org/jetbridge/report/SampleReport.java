package org.jetbridge.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * A sample report exercising every plot type with toy physics-like numbers (fixed seeds). Used by the tests
 * (determinism, well-formedness, headless-browser rendering); {@code main} writes it to a directory for looking at.
 */
final class SampleReport {
  private SampleReport() {}

  static Histogram jetMass(Random rng, int n, double peak, double width, double bkgFraction) {
    Histogram h = Histogram.uniform(40, 0, 200);
    for (int i = 0; i < n; i++) {
      double m = rng.nextDouble() < bkgFraction ? -40 * Math.log(rng.nextDouble()) : peak + width * rng.nextGaussian();
      h.fill(m);
    }
    return h;
  }

  static Roc gaussianRoc(Random rng, int n, double separation) {
    double[] s = new double[2 * n];
    boolean[] sig = new boolean[2 * n];
    for (int i = 0; i < n; i++) {
      s[i] = separation + rng.nextGaussian();
      sig[i] = true;
      s[n + i] = rng.nextGaussian();
    }
    return Roc.of(s, sig);
  }

  static HistogramPlot massPlot() {
    Random rng = new Random(11);
    Histogram sim = jetMass(rng, 20000, 80.4, 9, 0.45);
    Histogram data = jetMass(rng, 20000, 82.0, 10.5, 0.45);
    return new HistogramPlot().title("W-jet mass, simulation vs data")
        .labels("m_{jet} [GeV]", "jets / 5 GeV")
        .add(sim, "simulation", HistogramPlot.Style.STEP_BAND)
        .add(data, "data", HistogramPlot.Style.POINTS)
        .ratioTo(0, "data / sim.");
  }

  static HistogramPlot logPlot() {
    Random rng = new Random(12);
    Histogram a = Histogram.uniform(30, 0, 300);
    Histogram b = Histogram.uniform(30, 0, 300);
    for (int i = 0; i < 50000; i++) {
      a.fill(-35 * Math.log(rng.nextDouble()));
      b.fill(-42 * Math.log(rng.nextDouble()), 0.5);
    }
    return new HistogramPlot().title("Jet p_{T} spectrum (unit area)").labels("p_{T} [GeV]", "1/N dN/dp_{T} [GeV^{-1}]")
        .normalise(true).logY(true).add(a, "nominal", HistogramPlot.Style.STEP)
        .add(b, "varied (weighted)", HistogramPlot.Style.STEP_BARS).ratioTo(0, "varied / nom.");
  }

  static RocPlot rocPlot() {
    Random rng = new Random(13);
    RocPlot p = new RocPlot().title("b-tagging ROC").classes("b", "light");
    for (double d : new double[] {1.0, 2.0, 3.0}) {
      Roc r = gaussianRoc(rng, 20000, d);
      p.add(r, "d = " + Fmt.sig(d, 2) + ", AUC = " + Fmt.sig(r.auc(), 4));
    }
    return p;
  }

  static RocPlot c2stPlot() {
    Random rng = new Random(14);
    return new RocPlot().title("C2ST: data vs calibrated simulation").classes("data", "sim").efficiencyAxes()
        .add(gaussianRoc(rng, 3000, 0.6), "before calibration").add(gaussianRoc(rng, 3000, 0.05), "after calibration");
  }

  static CurvePlot biasPlot() {
    double[] mu = {0, 20, 40, 60, 80, 100, 140, 200};
    String[] methods = {"diffusion", "SoftKiller", "PUPPI", "area-median", "SoftDrop", "classifier"};
    CurvePlot p = new CurvePlot().title("Jet-mass bias vs pile-up").labels("μ", "⟨m_{reco} − m_{true}⟩ [GeV]")
        .horizontalGuide(0, "");
    for (int k = 0; k < methods.length; k++) {
      double[] y = new double[mu.length];
      double[] lo = new double[mu.length];
      double[] hi = new double[mu.length];
      for (int i = 0; i < mu.length; i++) {
        y[i] = (k - 1.5) * 0.02 * mu[i] + 0.3 * Math.sin(k + i);
        lo[i] = y[i] - 0.3 - 0.004 * mu[i] * (k + 1);
        hi[i] = y[i] + 0.3 + 0.004 * mu[i] * (k + 1);
      }
      p.add(new CurvePlot.Series(methods[k], mu, y, lo, hi, CurvePlot.Draw.LINE_MARKERS,
          k == 0 ? CurvePlot.Errors.BAND : CurvePlot.Errors.BARS));
    }
    return p.legend(LegendPosition.TOP_LEFT).dodge(1.5);
  }

  static CurvePlot coveragePlot() {
    double[] nominal = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.683, 0.8, 0.9, 0.95};
    double[] cov = new double[nominal.length];
    double[] lo = new double[nominal.length];
    double[] hi = new double[nominal.length];
    for (int i = 0; i < nominal.length; i++) {
      cov[i] = nominal[i] * (1 - 0.08 * (1 - nominal[i]));
      double e = Math.sqrt(cov[i] * (1 - cov[i]) / 500);
      lo[i] = cov[i] - e;
      hi[i] = cov[i] + e;
    }
    return new CurvePlot().title("Posterior coverage").labels("nominal credibility", "empirical coverage")
        .xRange(0, 1).yRange(0, 1).guide(new double[] {0, 1}, new double[] {0, 1}, "ideal")
        .add("diffusion posterior (m_{jet})", nominal, cov, lo, hi).legend(LegendPosition.TOP_LEFT);
  }

  static CurvePlot lossPlot() {
    double[] epoch = new double[50];
    double[] loss = new double[50];
    for (int i = 0; i < 50; i++) {
      epoch[i] = i + 1;
      loss[i] = 0.02 + 3 * Math.exp(-0.15 * i);
    }
    return new CurvePlot().title("Training loss").labels("epoch", "loss").logY(true)
        .add(new CurvePlot.Series("train", epoch, loss, null, null, CurvePlot.Draw.LINE, CurvePlot.Errors.BAND));
  }

  static double[][] latent(Random rng, int n, double shift, double scale, double rho) {
    double[][] rows = new double[n][4];
    for (int i = 0; i < n; i++) {
      double a = rng.nextGaussian();
      double b = rng.nextGaussian();
      rows[i][0] = shift + scale * a;
      rows[i][1] = rho * a + Math.sqrt(1 - rho * rho) * b;
      rows[i][2] = 0.5 * rng.nextGaussian() + 0.3 * a * a;
      rows[i][3] = scale * rng.nextGaussian() - shift;
    }
    return rows;
  }

  static CornerPlot cornerPlot() {
    Random rng = new Random(15);
    return new CornerPlot("PC_{1}", "PC_{2}", "PC_{3}", "PC_{4}").title("Latent PCA: simulation, data, calibrated")
        .add("simulation", latent(rng, 4000, 0, 1, 0.6))
        .add("data", latent(rng, 4000, 0.5, 1.2, 0.3))
        .add("calibrated sim.", latent(rng, 4000, 0.45, 1.18, 0.32));
  }

  static Hist2DPlot responsePlot() {
    Random rng = new Random(16);
    Histogram2D h = new Histogram2D(40, 0, 200, 40, 0, 200);
    for (int i = 0; i < 30000; i++) {
      double t = rng.nextDouble() < 0.5 ? 80.4 + 8 * rng.nextGaussian() : -40 * Math.log(rng.nextDouble());
      h.fill(t, t * (1.03 + 0.1 * rng.nextGaussian()) + 3 * rng.nextGaussian());
    }
    return new Hist2DPlot(h).title("Jet-mass response").labels("m_{true} [GeV]", "m_{reco} [GeV]", "jets").logZ(true);
  }

  static HtmlReport build() {
    HtmlReport r = new HtmlReport("jetbridge sample report").subtitle("toy numbers, seeds 11–14; report module self-test");
    r.section("Testbed validation").paragraph("Reference numbers of the generator compared with their targets & tolerances <ok>.");
    r.table(new Table("quantity", "value", "reference", "tolerance", "status").caption("Reference-number checks")
        .row("⟨N_{ch}⟩ in light jets", 18.43, 18.2, 0.5, true)
        .row("top mass peak [GeV]", 171.2, 172.5, 1.0, false)
        .row("b-jet displaced-track fraction", 0.6123, 0.6, 0.05, Table.Cell.warn("marginal"))
        .row("events", 100000L, null, null, Table.Cell.of("n/a")));
    r.figure(massPlot(), "Jet mass in simulation (band: statistical uncertainty) and data, with the ratio panel.");
    r.figure(logPlot(), "Unit-area p_T spectra on a log axis.");
    r.section("Calibration");
    r.figure(cornerPlot(), "Corner plot of the first four principal components; contours enclose 39 % and 87 %.");
    r.figure(responsePlot(), "Reconstructed vs true jet mass (log colour scale).");
    r.section("Tagger");
    r.figure(rocPlot(), "Background rejection vs signal efficiency for three separations; dashed: random guess.");
    r.figure(c2stPlot(), "Classifier two-sample test ROC before and after calibration.");
    r.section("Pile-up");
    r.figure(biasPlot(), "Mass bias vs μ per method.");
    r.figure(coveragePlot(), "Coverage of posterior credible intervals.");
    r.figure(lossPlot(), "Training loss on a log axis.");
    return r;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/sample-report");
    build().write(dir.resolve("index.html"));
    massPlot().writeSvg(dir.resolve("mass.svg"));
    rocPlot().writeSvg(dir.resolve("roc.svg"));
    System.out.println("wrote " + dir.toAbsolutePath().resolve("index.html"));
  }
}
