package org.jetbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbridge.core.FourMomentum;
import org.junit.jupiter.api.Test;

/** Decay tables: conservation, charged multiplicities of heavy-flavour decays, lifetimes of long-lived hadrons. */
class DecayTest {
    private static final Decayer DECAYER = new Decayer(DecayParameters.defaults());

    private static ParticleBuffer decayAtRest(int id, long seed, int i) {
        ParticleBuffer b = new ParticleBuffer();
        double m = Species.mass(id);
        DECAYER.process(id, new FourMomentum(0, 0, 0, m), 0, 0, 0, 0, 0, b, RandomStream.forEvent(seed, i));
        return b;
    }

    /** Mean number of charged stable descendants, with K_S and Λ decayed, over a production-weighted mix. */
    private static double meanCharged(int[] ids, double[] weights, long seed, int n) {
        RandomStream pick = new RandomStream(seed);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            ParticleBuffer b = decayAtRest(ids[pick.choose(weights)], seed, i);
            for (int k = 0; k < b.n; k++) {
                sum += b.charge[k] != 0 ? 1 : 0;
            }
        }
        return sum / n;
    }

    @Test
    void everyDecayConservesFourMomentumAndCharge() {
        int[] ids = {111, 221, 113, 213, -213, 223, 323, -313, 333, 310, 3122, -3122, 15, -15, 421, -411, 431,
            4122, -4122, 511, -511, 521, -521, 531, 5122, -5122};
        for (int id : ids) {
            for (int i = 0; i < 200; i++) {
                FourMomentum p = FourMomentum.fromPtEtaPhiM(37.0, 1.3, 0.4, Species.mass(id));
                ParticleBuffer b = new ParticleBuffer();
                DECAYER.process(id, p, 0, 0, 0, 0, 0, b, RandomStream.forEvent(id, i));
                double x = 0, y = 0, z = 0, e = 0;
                int q = 0;
                for (int k = 0; k < b.n; k++) {
                    x += b.px[k];
                    y += b.py[k];
                    z += b.pz[k];
                    e += b.e[k];
                    q += b.charge[k];
                    assertTrue(Species.ctau(b.pdg[k]) == Species.STABLE, "only stable particles remain: " + b.pdg[k]);
                }
                assertEquals(Species.charge(id), q, "charge of decay of " + id);
                assertEquals(p.px(), x, 1e-11 * p.e(), "px of decay of " + id);
                assertEquals(p.py(), y, 1e-11 * p.e());
                assertEquals(p.pz(), z, 1e-11 * p.e());
                assertEquals(p.e(), e, 1e-11 * p.e(), "energy of decay of " + id);
            }
        }
    }

    @Test
    void charmDecaysGiveAboutTwoAndAHalfChargedParticles() {
        double n = meanCharged(new int[] {421, 411, 431, 4122}, new double[] {0.6, 0.25, 0.1, 0.05}, 21, 20000);
        assertTrue(n > 2.2 && n < 2.6, "mean charged multiplicity of c-hadron decays: " + n);
    }

    @Test
    void bottomDecaysGiveAboutFiveChargedParticlesIncludingCharm() {
        double n = meanCharged(new int[] {-511, -521, -531, 5122}, new double[] {0.404, 0.404, 0.103, 0.089}, 22,
                20000);
        assertTrue(n > 4.6 && n < 5.2, "mean charged multiplicity of b-hadron decays: " + n);
    }

    @Test
    void semileptonicFractionsFollowTheSettings() {
        int n = 40000;
        for (int id : new int[] {-511, 421, 411}) {
            int e = 0;
            int mu = 0;
            RandomStream rng = new RandomStream(23 + id);
            for (int i = 0; i < n; i++) {
                for (int p : Species.isBHadron(id) ? DECAYER.bottomDecay(id, rng) : DECAYER.charmDecay(id, rng)) {
                    e += Math.abs(p) == 11 ? 1 : 0;
                    mu += Math.abs(p) == 13 ? 1 : 0;
                }
            }
            DecayParameters d = DecayParameters.defaults();
            double expected = id == -511 ? d.semileptonicB() : id == 421 ? d.semileptonicD0() : d.semileptonicDplus();
            double tol = 4 * Math.sqrt(expected * (1 - expected) / n);
            assertEquals(expected, e / (double) n, tol, "B(" + id + " -> e X)");
            assertEquals(expected, mu / (double) n, tol, "B(" + id + " -> mu X)");
        }
    }

    @Test
    void kShortAndLambdaFlyWithTheirLifetimes() {
        for (int id : new int[] {310, 3122}) {
            double sum = 0;
            int n = 20000;
            double p = 5.0;
            double m = Species.mass(id);
            for (int i = 0; i < n; i++) {
                ParticleBuffer b = new ParticleBuffer();
                DECAYER.process(id, new FourMomentum(0, 0, p, Math.hypot(p, m)), 0, 0, 0, 0, 0, b,
                        RandomStream.forEvent(24, i));
                sum += b.vz[0];
            }
            double expected = p / m * Species.ctau(id);
            assertEquals(expected, sum / n, 4 * expected / Math.sqrt(n), "mean flight of " + id);
        }
    }

    @Test
    void neutralPionsDecayPromptlyToTwoPhotons() {
        ParticleBuffer b = decayAtRest(111, 25, 0);
        assertEquals(2, b.n);
        assertEquals(22, b.pdg[0]);
        assertEquals(22, b.pdg[1]);
        assertEquals(0.0, b.vx[0] * b.vx[0] + b.vy[0] * b.vy[0] + b.vz[0] * b.vz[0]);
    }
}
