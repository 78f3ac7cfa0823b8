package org.jetbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jetbridge.core.FourMomentum;
import org.junit.jupiter.api.Test;

/** The dipole recoil map, the coupling, colour flow and the radiation pattern of the parton shower. */
class ShowerTest {

    @Test
    void recoilMapConservesFourMomentumAndKeepsMasses() {
        RandomStream rng = new RandomStream(31);
        for (int i = 0; i < 2000; i++) {
            FourMomentum pi = Kinematics.isotropic(rng.uniform(5, 500), 0, rng);
            double mk = i % 2 == 0 ? 0 : 80.4; // massless colour partner or a W recoiler
            FourMomentum pk = Kinematics.isotropic(rng.uniform(5, 500), mk, rng);
            FourMomentum q = pi.plus(pk);
            double s = q.m2();
            double z = rng.uniform(0.01, 0.99);
            double maxQ = Math.sqrt(s) - mk;
            double q2 = Math.pow(rng.uniform(0.01, 0.99) * maxQ, 2);
            FourMomentum[] r = PartonShower.emit(pi, pk, mk * mk, s, q2, z, rng.uniform(0, 6.28));
            FourMomentum sum = r[0].plus(r[1]).plus(r[2]);
            double scale = q.e();
            assertEquals(q.px(), sum.px(), 1e-12 * scale);
            assertEquals(q.py(), sum.py(), 1e-12 * scale);
            assertEquals(q.pz(), sum.pz(), 1e-12 * scale);
            assertEquals(q.e(), sum.e(), 1e-12 * scale);
            assertEquals(0, r[0].m2(), 1e-9 * scale * scale, "emitter stays massless");
            assertEquals(0, r[1].m2(), 1e-9 * scale * scale, "emission is massless");
            assertEquals(mk * mk, r[2].m2(), 1e-9 * scale * scale, "recoiler keeps its mass");
            assertEquals(q2, r[0].plus(r[1]).m2(), 1e-8 * scale * scale, "pair mass is the generated virtuality");
            // relative transverse momentum² of the pair in the dipole frame is z(1−z)q²
            FourMomentum a = Kinematics.toRest(r[0], q);
            FourMomentum b = Kinematics.toRest(r[1], q);
            FourMomentum ab = a.plus(b);
            double l = Math.sqrt(ab.p2());
            double ax = (a.px() * ab.px() + a.py() * ab.py() + a.pz() * ab.pz()) / l;
            double kt2 = a.p2() - ax * ax;
            assertEquals(z * (1 - z) * q2, kt2, 1e-7 * scale * scale);
        }
    }

    @Test
    void couplingRunsAtOneLoopFromItsZValue() {
        Generator g = new Generator(GeneratorSettings.nominal());
        assertEquals(0.118, g.showerAlphaS(91.1876), 1e-12);
        double b0 = 23.0 / (12 * Math.PI);
        assertEquals(0.118 / (1 + b0 * 0.118 * Math.log(100.0 / (91.1876 * 91.1876))), g.showerAlphaS(10), 1e-12);
        assertTrue(g.showerAlphaS(1) > 0.3 && g.showerAlphaS(1) < 0.4);
    }

    private static List<Parton> showered(ShowerParameters par, int id, double e, long seed, int i) {
        List<Parton> ps = new ArrayList<>();
        ps.add(new Parton(id, new FourMomentum(0, 0, e, e), 1, id == 21 ? 2 : 0, 0));
        ps.add(new Parton(id == 21 ? 21 : -id, new FourMomentum(0, 0, -e, e), id == 21 ? 2 : 0, 1, 0));
        new PartonShower(par).shower(ps, new int[] {-1}, new int[] {2}, RandomStream.forEvent(seed, i));
        return ps;
    }

    @Test
    void showerConservesMomentumAndKeepsAConsistentColourFlow() {
        for (int i = 0; i < 300; i++) {
            List<Parton> ps = showered(ShowerParameters.defaults(), i % 2 == 0 ? 21 : 2, 250, 32, i);
            FourMomentum sum = FourMomentum.ZERO;
            Map<Integer, Integer> cols = new HashMap<>();
            Map<Integer, Integer> acols = new HashMap<>();
            int quarks = 0;
            for (Parton p : ps) {
                sum = sum.plus(p.p);
                if (p.col > 0) {
                    cols.merge(p.col, 1, Integer::sum);
                }
                if (p.acol > 0) {
                    acols.merge(p.acol, 1, Integer::sum);
                }
                quarks += p.id == 21 ? 0 : Integer.signum(p.id);
                assertTrue(p.id == 21 ? p.col > 0 && p.acol > 0 : (p.id > 0 ? p.col > 0 && p.acol == 0 : p.acol > 0 && p.col == 0),
                        "colour tags match the parton type");
            }
            assertEquals(cols, acols, "every colour has exactly one anticolour partner");
            assertEquals(0, quarks, "quark number conserved");
            assertEquals(0, sum.px(), 1e-10);
            assertEquals(0, sum.pz(), 1e-10);
            assertEquals(500, sum.e(), 1e-10);
        }
    }

    private static double meanPartons(ShowerParameters par, int id, long seed) {
        double n = 0;
        for (int i = 0; i < 400; i++) {
            n += showered(par, id, 100, seed, i).size();
        }
        return n / 400;
    }

    @Test
    void radiationPatternFollowsColourChargesScaleAndDeadCone() {
        ShowerParameters nominal = ShowerParameters.defaults();
        double quark = meanPartons(nominal, 2, 33);
        double gluon = meanPartons(nominal, 21, 34);
        double bottom = meanPartons(nominal, 5, 35);
        ShowerParameters muR2 = new ShowerParameters(0.118, 2.0, 1.0, 4.8, 1.5, true, true);
        double quarkMuR2 = meanPartons(muR2, 2, 33);
        assertTrue(gluon - 2 > 1.5 * (quark - 2), "gluons radiate more (C_A vs C_F): " + gluon + " vs " + quark);
        assertTrue(bottom < quark - 0.3, "the dead cone suppresses b radiation: " + bottom + " vs " + quark);
        assertTrue(quarkMuR2 < quark - 0.3, "muR = 2 means less radiation: " + quarkMuR2 + " vs " + quark);
    }
}
