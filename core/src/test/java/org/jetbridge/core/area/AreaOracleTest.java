package org.jetbridge.core.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.core.testing.FastJetOracle;
import org.jetbridge.core.testing.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * Active areas against FastJet's active_area_explicit_ghosts (GhostedAreaSpec(6, 1, 0.01)) for the hard anti-kt
 * R = 0.4 jets (pT &gt; 20 GeV) of reference events. Ghost positions differ between the two codes, so per jet we
 * compare the mean area (and area-vector pT) over K independent ghost sets in each code, within 4 standard errors
 * of the difference of means (plus half a ghost cell for the quantisation), and check that the seed-to-seed
 * spreads agree in size. The total ghosted area must agree exactly.
 */
class AreaOracleTest {
    private static final int RUNS = 6;
    private static final double R = 0.4;
    private static final double PT_MIN = 20;

    @Test
    void hardJetAreasAgreeWithFastJetStatistically() {
        Path exe = FastJetOracle.compile("area");
        List<List<FourMomentum>> all = TestEvents.resource("reference/events-public.dat");
        List<List<FourMomentum>> events = List.of(all.get(0), all.get(1));
        String out = FastJetOracle.run(exe, TestEvents.format(events), "0.4", Double.toString(PT_MIN),
                Integer.toString(RUNS));
        double ghost = AreaDefinition.defaults(0).actualGhostArea();
        int compared = 0;
        for (int ev = 0; ev < events.size(); ev++) {
            // FastJet: per jet (by pT rank, stable because ghosts do not change real jets) the K areas
            List<double[]> fjJets = new ArrayList<>();
            int nJets = -1;
            List<double[]> rows = new ArrayList<>();
            for (String line : out.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (f[0].equals("total")) {
                    if (Integer.parseInt(f[1]) == ev) {
                        assertEquals(24 * Math.PI, Double.parseDouble(f[3]), 1e-9, "FastJet total ghosted area");
                    }
                    continue;
                }
                if (Integer.parseInt(f[0]) == ev) {
                    rows.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[5]), Double.parseDouble(f[6])});
                }
            }
            List<double[]> ours = new ArrayList<>();
            List<Double> ourPts = null;
            for (int s = 0; s < RUNS; s++) {
                List<AreaJet> jets = new ActiveAreaClustering(events.get(ev), JetDefinition.antiKt(R),
                        AreaDefinition.defaults(500 + s)).inclusiveJets(PT_MIN);
                if (ourPts == null) {
                    ourPts = jets.stream().map(AreaJet::pt).toList();
                    for (int j = 0; j < jets.size(); j++) {
                        ours.add(new double[2 * RUNS]);
                        fjJets.add(new double[2 * RUNS]);
                    }
                }
                assertEquals(ourPts.size(), jets.size());
                for (int j = 0; j < jets.size(); j++) {
                    ours.get(j)[s] = jets.get(j).area();
                    ours.get(j)[RUNS + s] = jets.get(j).areaVector().pt();
                }
            }
            nJets = ourPts.size();
            assertEquals(nJets * RUNS, rows.size(), "event " + ev + ": same hard jets in both codes");
            int[] filled = new int[nJets];
            for (double[] r : rows) {
                int j = rankOf(ourPts, r[1]);
                fjJets.get(j)[filled[j]] = r[2];
                fjJets.get(j)[RUNS + filled[j]] = r[3];
                filled[j]++;
            }
            for (int j = 0; j < nJets; j++) {
                for (int q = 0; q < 2; q++) {
                    double[] a = stats(ours.get(j), q * RUNS);
                    double[] b = stats(fjJets.get(j), q * RUNS);
                    double tol = 4 * Math.sqrt((a[1] * a[1] + b[1] * b[1]) / RUNS) + 0.5 * ghost;
                    String what = String.format(Locale.ROOT, "event %d jet %d (pT %.1f) %s: ours %.4f±%.4f, FastJet %.4f±%.4f",
                            ev, j, ourPts.get(j), q == 0 ? "area" : "area-vector pT", a[0], a[1], b[0], b[1]);
                    System.out.println(what);
                    assertEquals(b[0], a[0], tol, what);
                    // the ghost-position spreads must be alike (loose: K = 6 samples each)
                    double sa = Math.max(a[1], ghost);
                    double sb = Math.max(b[1], ghost);
                    assertTrue(sa / sb < 4 && sb / sa < 4, "spread " + what);
                }
                compared++;
            }
        }
        assertTrue(compared >= 6, "compared " + compared + " jets");
    }

    private static int rankOf(List<Double> pts, double pt) {
        for (int j = 0; j < pts.size(); j++) {
            if (Math.abs(pts.get(j) - pt) <= 1e-7 * pt) {
                return j;
            }
        }
        throw new AssertionError("FastJet jet of pT " + pt + " not among ours: " + pts);
    }

    /** Mean and sample standard deviation of x[from … from+RUNS−1]. */
    private static double[] stats(double[] x, int from) {
        double m = 0;
        for (int i = 0; i < RUNS; i++) {
            m += x[from + i];
        }
        m /= RUNS;
        double v = 0;
        for (int i = 0; i < RUNS; i++) {
            v += (x[from + i] - m) * (x[from + i] - m);
        }
        return new double[] {m, Math.sqrt(v / (RUNS - 1))};
    }
}
