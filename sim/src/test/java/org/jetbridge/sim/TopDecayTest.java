package org.jetbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbridge.core.FourMomentum;
import org.junit.jupiter.api.Test;

/** Top and W decays: masses, W helicity through the charged-lepton angle, the leptonic branching fraction. */
class TopDecayTest {

    @Test
    void chargedLeptonAngleFollowsTheWHelicityFractions() {
        Generator g = new Generator(GeneratorSettings.nominal());
        double s1 = 0, s2 = 0, tops = 0, topMass = 0;
        int n = 0;
        int events = 20000;
        for (int i = 0; i < events; i++) {
            TruthEvent t = g.ttbarEvent(RandomStream.forEvent(81, i));
            for (HardParton hp : t.hardPartons()) {
                if (Math.abs(hp.pdg()) == 6) {
                    topMass += hp.momentum().m();
                    tops++;
                }
            }
            // prompt e/μ from W decays start exactly at the primary vertex (τ and hadron decays are displaced)
            for (int k = 0; k < t.size(); k++) {
                int a = Math.abs(t.pdg()[k]);
                if ((a != 11 && a != 13) || t.flags()[k] != 0 || t.vx()[k] != 0 || t.vy()[k] != 0) {
                    continue;
                }
                int nuId = -Integer.signum(t.pdg()[k]) * (a + 1);
                FourMomentum nu = null;
                for (int m = 0; m < t.size(); m++) {
                    if (t.pdg()[m] == nuId && t.vx()[m] == 0 && t.vy()[m] == 0) {
                        nu = t.momentum(m);
                    }
                }
                int topId = t.charge()[k] > 0 ? 6 : -6; // ℓ⁺ comes from t → b W⁺
                FourMomentum top = null;
                for (HardParton hp : t.hardPartons()) {
                    if (hp.pdg() == topId) {
                        top = hp.momentum();
                    }
                }
                FourMomentum lep = t.momentum(k);
                FourMomentum w = lep.plus(nu);
                assertEquals(80.4, w.m(), 25, "lepton + neutrino make the W");
                FourMomentum wTop = Kinematics.toRest(w, top);
                FourMomentum lW = Kinematics.toRest(Kinematics.toRest(lep, top), wTop);
                double c = (lW.px() * wTop.px() + lW.py() * wTop.py() + lW.pz() * wTop.pz())
                        / Math.sqrt(lW.p2() * wTop.p2());
                s1 += c;
                s2 += c * c;
                n++;
            }
        }
        assertEquals(172.5, topMass / tops, 0.3, "Breit–Wigner top mass");
        // two W per event, e and μ each about 10.7 %
        assertEquals(2 * 0.214, n / (double) events, 0.02, "prompt e/μ per event");
        // F0 (3/4)(1−c²) + FL (3/8)(1−c)²: <c> = −FL/2 = −0.15, <c²> = F0/5 + 2FL/5 = 0.26
        double err1 = Math.sqrt(0.26 / n);
        assertEquals(-0.15, s1 / n, 4 * err1, "<cos theta*>");
        assertEquals(0.26, s2 / n, 4 * 0.3 / Math.sqrt(n), "<cos² theta*>");
        assertTrue(n > 5000);
    }
}
