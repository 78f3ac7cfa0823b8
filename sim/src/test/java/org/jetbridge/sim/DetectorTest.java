package org.jetbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.junit.jupiter.api.Test;

/** Detector response, and the "data" preset's deliberate differences from "nominal". */
class DetectorTest {

    @Test
    void resolutionsAndEfficienciesFollowTheSpecification() {
        Detector d = new Detector(DetectorParameters.defaults());
        assertEquals(Math.hypot(0.010, 0.070), d.sigmaD0(1.0), 1e-15);
        assertEquals(Math.hypot(0.010, 0.007), d.sigmaD0(10.0), 1e-15);
        assertEquals(0.97, d.trackEfficiency(5, 0.3));
        assertEquals(0.85, d.trackEfficiency(5, -2.0));
        assertEquals(0.70, d.trackEfficiency(0.5, 0.0));
        assertEquals(0.0, d.trackEfficiency(0.2, 0.0));
        assertEquals(0.0, d.trackEfficiency(5, 2.6));
        // a track from (1 mm, 0) moving along +y misses the beam line by +1 mm; moving along +x it does not
        assertEquals(1.0, Detector.d0(1, 0, 0, 3), 1e-15);
        assertEquals(0.0, Detector.d0(1, 0, 3, 0), 1e-15);
        assertEquals(5.0 - 1.0 * 2.0 / 3.0, Detector.z0(1, 0, 5, 3, 0, 2), 1e-15);
    }

    /** Pulls (measured − true)/σ of d0 and dz, track efficiency in the barrel above 1 GeV, constituents. */
    private static double[] trackStats(GeneratorSettings s, long seed, int events) {
        Generator g = new Generator(s);
        Detector det = new Detector(s.detector());
        double n = 0, sum2 = 0, sumz2 = 0, tail = 0, found = 0, barrel = 0;
        for (int i = 0; i < events; i++) {
            RandomStream rng = RandomStream.forEvent(seed, i);
            TruthEvent t = g.flavourEvent(rng);
            RecoEvent r = det.reconstruct(t, rng);
            for (int k = 0; k < t.size(); k++) {
                FourMomentum p = t.momentum(k);
                if (t.charge()[k] != 0 && p.pt() > 1 && Math.abs(p.eta()) < 1.5) {
                    barrel++;
                }
            }
            for (int k = 0; k < r.size(); k++) {
                if (r.charge()[k] == 0) {
                    continue;
                }
                int ti = r.truthIndex()[k];
                FourMomentum p = t.momentum(ti);
                if (p.pt() > 1 && Math.abs(p.eta()) < 1.5) {
                    found++;
                }
                double d0 = Detector.d0(t.vx()[ti], t.vy()[ti], t.px()[ti], t.py()[ti]);
                double z0 = Detector.z0(t.vx()[ti], t.vy()[ti], t.vz()[ti], t.px()[ti], t.py()[ti], t.pz()[ti])
                        - t.interactionZ()[0];
                double pull = (r.d0()[k] - d0) / r.d0err()[k];
                double pullZ = (r.dz()[k] - z0) / r.dzerr()[k];
                assertEquals(2 * r.d0err()[k], r.dzerr()[k], 1e-15);
                n++;
                sum2 += pull * pull;
                sumz2 += pullZ * pullZ;
                tail += Math.abs(pull) > 5 ? 1 : 0;
            }
        }
        return new double[] {Math.sqrt(sum2 / n), Math.sqrt(sumz2 / n), tail / n, found / barrel};
    }

    @Test
    void dataPresetHasWiderD0AndLowerTrackingEfficiency() {
        double[] nom = trackStats(GeneratorSettings.nominal(), 41, 600);
        double[] dat = trackStats(GeneratorSettings.data(), 41, 600);
        assertEquals(1.0, nom[0], 0.03, "nominal d0 pull RMS");
        assertEquals(1.0, nom[1], 0.03, "nominal dz pull RMS");
        assertEquals(1.0, dat[1], 0.03, "data dz pull RMS (dz is not mis-modelled)");
        assertTrue(dat[0] > 1.15, "data d0 pull RMS: " + dat[0]);
        assertTrue(nom[2] < 1e-3, "nominal 5σ tail: " + nom[2]);
        assertTrue(dat[2] > 0.001, "data 5σ tail from the 50 μm component: " + dat[2]);
        assertEquals(0.97, nom[3], 0.01, "nominal barrel efficiency above 1 GeV");
        assertEquals(0.95, dat[3], 0.01, "data barrel efficiency above 1 GeV");
    }

    /** Per-jet statistics for jets of 30–100 GeV: {jets, Σ constituents, Σ constituents², Σ pT, Σ η, Σ η²}. */
    private static double[] jetStats(GeneratorSettings s, int events) {
        double[] r = new double[6];
        for (FlavourJet j : new FlavourJets(s, 0.4).generate(43, 0, events, 2)) {
            if (j.pt() > 100) {
                continue;
            }
            r[0]++;
            r[1] += j.size();
            r[2] += j.size() * j.size();
            r[3] += j.pt();
            r[4] += j.eta();
            r[5] += j.eta() * j.eta();
        }
        return r;
    }

    @Test
    void dataJetsHaveFewerConstituentsButTheSameKinematics() {
        double[] a = jetStats(GeneratorSettings.nominal(), 12000);
        double[] b = jetStats(GeneratorSettings.data(), 12000);
        double meanA = a[1] / a[0];
        double meanB = b[1] / b[0];
        double err = Math.hypot(Math.sqrt((a[2] / a[0] - meanA * meanA) / a[0]),
                Math.sqrt((b[2] / b[0] - meanB * meanB) / b[0]));
        assertTrue(meanA - meanB > 3 * err && meanA - meanB > 0.02 * meanA,
                "constituents per jet, nominal " + meanA + " vs data " + meanB + " ± " + err);
        // the same partons underneath: jet pT within 2 % and η within statistics
        assertEquals(a[3] / a[0], b[3] / b[0], 0.02 * a[3] / a[0], "mean jet pT");
        assertEquals(a[4] / a[0], b[4] / b[0], 4 * Math.sqrt(a[5] / a[0] / a[0] + b[5] / b[0] / b[0]), "mean jet eta");
    }

    @Test
    void particleLevelModeKeepsTrueQuantities() {
        GeneratorSettings s = GeneratorSettings.nominal().with("detector.particleLevel", "true");
        Generator g = new Generator(s);
        RandomStream rng = RandomStream.forEvent(44, 0);
        TruthEvent t = g.flavourEvent(rng);
        RecoEvent r = new Detector(s.detector()).reconstruct(t, rng);
        int visible = 0;
        for (int k = 0; k < t.size(); k++) {
            visible += Species.isNeutrino(t.pdg()[k]) ? 0 : 1;
        }
        assertEquals(visible, r.size());
        for (int k = 0; k < r.size(); k++) {
            int ti = r.truthIndex()[k];
            assertEquals(t.px()[ti], r.px()[k]);
            assertEquals(0.0, r.d0err()[k]);
            assertEquals(ParticleClass.of(t.pdg()[ti], t.charge()[ti]).code(), r.pidClass()[k]);
        }
    }
}
