package org.jetbridge.core.pileup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.core.Particle;
import org.jetbridge.core.area.AreaDefinition;
import org.junit.jupiter.api.Test;

/**
 * Closure of area-median subtraction: a hard two-jet event plus uniform pile-up of known density. After
 * subtraction each hard jet's pT comes back within the expected fluctuation σ√A; without it, it is off by ≈ ρA.
 */
class AreaMedianClosureTest {
    private static final double DENSITY = 100; // pile-up particles per unit y × φ area, over |y| < 3
    private static final double MEAN_PT = 0.5; // GeV, exponential spectrum: ρ_true = 50 GeV per unit area
    private static final double R = 0.4;

    @Test
    void subtractedJetsRecoverHardJets() {
        JetDefinition def = JetDefinition.antiKt(R);
        AreaMedianSubtraction sub = new AreaMedianSubtraction(new GridMedianBackground(), AreaDefinition.defaults(9));
        double area = Math.PI * R * R;
        // uniform Poisson pile-up: variance of the pT in area A is density·<pT²>·A = density·2·meanPt²·A
        double sigmaTrue = Math.sqrt(DENSITY * 2 * MEAN_PT * MEAN_PT);
        double sumDiff = 0;
        double sumRaw = 0;
        int n = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Random r = new Random(seed);
            List<Particle> hard = hardEvent(r);
            List<Particle> ev = new ArrayList<>(hard);
            int nPu = (int) Math.round(DENSITY * 6 * 2 * Math.PI);
            for (int i = 0; i < nPu; i++) {
                double pt = -MEAN_PT * Math.log(1 - r.nextDouble());
                ev.add(new Particle(FourMomentum.fromPtYPhiM(pt, r.nextDouble() * 6 - 3, r.nextDouble() * 2 * Math.PI, 0),
                        0, 0, 1));
            }
            BackgroundEstimate bg = new GridMedianBackground().estimate(ev.stream().map(Particle::momentum).toList());
            // the median of skewed tile sums sits a little below the mean density
            assertEquals(DENSITY * MEAN_PT, bg.rho(), 0.08 * DENSITY * MEAN_PT, "rho seed " + seed);
            // σ estimates the true patch-to-patch fluctuation √(density·<pT²>)
            assertEquals(sigmaTrue, bg.sigma(), 0.2 * sigmaTrue, "sigma seed " + seed);
            List<Jet> truth = PileupMitigator.none().jets(hard, def, 50);
            List<Jet> raw = PileupMitigator.none().jets(ev, def, 50);
            List<Jet> corrected = sub.jets(ev, def, 50);
            assertEquals(2, truth.size());
            for (Jet t : truth) {
                Jet c = nearest(corrected, t);
                Jet u = nearest(raw, t);
                double diff = c.pt() - t.pt();
                double tol = 4 * sigmaTrue * Math.sqrt(area) + 0.05 * bg.rho() * area;
                System.out.printf(Locale.ROOT, "seed %d: hard %.2f raw %.2f subtracted %.2f (rho %.2f sigma %.2f, tol %.2f)%n",
                        seed, t.pt(), u.pt(), c.pt(), bg.rho(), bg.sigma(), tol);
                assertEquals(t.pt(), c.pt(), tol, "subtracted jet pT, seed " + seed);
                sumDiff += diff;
                sumRaw += u.pt() - t.pt();
                n++;
            }
        }
        double fluct = sigmaTrue * Math.sqrt(area);
        assertTrue(Math.abs(sumDiff / n) < 3 * fluct / Math.sqrt(n) + 0.05 * DENSITY * MEAN_PT * area,
                "mean residual " + sumDiff / n);
        // the test can fail: unsubtracted jets are biased by ≈ ρA, far outside the fluctuation of the mean
        assertEquals(DENSITY * MEAN_PT * area, sumRaw / n, 3 * fluct / Math.sqrt(n), "raw bias");
        assertTrue(DENSITY * MEAN_PT * area > 3 * (3 * fluct / Math.sqrt(n)), "bias resolvable by this test");
    }

    /** Two back-to-back sprays of five particles within ΔR 0.15 of their axes. */
    private static List<Particle> hardEvent(Random r) {
        List<Particle> out = new ArrayList<>();
        double phi0 = r.nextDouble() * 2 * Math.PI;
        double[][] axes = {{0.4, phi0}, {-0.6, phi0 + Math.PI}};
        for (double[] a : axes) {
            for (int k = 0; k < 5; k++) {
                double pt = 20 + 40 * r.nextDouble();
                out.add(new Particle(FourMomentum.fromPtYPhiM(pt, a[0] + 0.1 * (r.nextDouble() - 0.5),
                        a[1] + 0.1 * (r.nextDouble() - 0.5), 0.14), 211, 1, 0));
            }
        }
        return out;
    }

    private static Jet nearest(List<Jet> jets, Jet target) {
        Jet best = null;
        for (Jet j : jets) {
            if (best == null || j.momentum().deltaR2(target.momentum()) < best.momentum().deltaR2(target.momentum())) {
                best = j;
            }
        }
        assertTrue(best != null && best.momentum().deltaR(target.momentum()) < 0.1, "matched jet");
        return best;
    }
}
