package org.jetbridge.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FourMomentumTest {

    @Test
    void rapidityMatchesDefinitionAndRoundTripsThroughPtYPhiM() {
        Random r = new Random(1);
        for (int i = 0; i < 1000; i++) {
            double pt = 0.1 + 500 * r.nextDouble();
            double y = 10 * r.nextDouble() - 5;
            double phi = 2 * Math.PI * r.nextDouble() - Math.PI;
            double m = 20 * r.nextDouble();
            FourMomentum p = FourMomentum.fromPtYPhiM(pt, y, phi, m);
            assertEquals(0.5 * Math.log((p.e() + p.pz()) / (p.e() - p.pz())), p.rapidity(), 1e-9);
            assertEquals(y, p.rapidity(), 1e-10);
            assertEquals(pt, p.pt(), 1e-10 * pt);
            assertEquals(m, p.m(), 1e-7 * Math.max(1, p.e()));
            assertEquals(phi, p.phi(), 1e-12);
        }
    }

    @Test
    void phiRangesAreHalfOpenAsDocumented() {
        FourMomentum back = new FourMomentum(-1, 0, 0, 1);
        assertEquals(Math.PI, back.phi(), 0.0);
        assertEquals(Math.PI, back.phi02pi(), 0.0);
        FourMomentum below = new FourMomentum(1, -1e-300, 0, 1);
        assertTrue(below.phi() <= 0 && below.phi() > -Math.PI);
        assertTrue(below.phi02pi() >= 0 && below.phi02pi() < 2 * Math.PI);
        assertEquals(0.0, new FourMomentum(0, 0, 5, 5).phi(), 0.0);
    }

    @Test
    void tachyonicMassIsNegativeAndRapidityUsesZeroMass() {
        FourMomentum t = new FourMomentum(3, 4, 0, 4); // m² = 16 − 25 = −9
        assertEquals(-3.0, t.m(), 1e-12);
        assertEquals(-9.0, t.m2(), 1e-12);
        FourMomentum massless = new FourMomentum(3, 4, 2, Math.sqrt(29));
        FourMomentum tachyon = new FourMomentum(3, 4, 2, Math.sqrt(29) - 0.1);
        // with m² forced to 0 the rapidity is that of the massless vector with the same E + |pz|, pT
        double expected = 0.5 * Math.log(25.0 / Math.pow(tachyon.e() + 2, 2));
        assertEquals(-expected, tachyon.rapidity(), 1e-12);
        assertTrue(Double.isFinite(massless.rapidity()));
    }

    @Test
    void beamParticlesGetLargeOrderedRapidity() {
        assertEquals(FourMomentum.MAX_RAPIDITY + 7, new FourMomentum(0, 0, 7, 7).rapidity(), 0.0);
        assertEquals(-(FourMomentum.MAX_RAPIDITY + 7), new FourMomentum(0, 0, -7, 7).rapidity(), 0.0);
    }

    @Test
    void boostAlongZShiftsRapidityAndKeepsInvariants() {
        FourMomentum a = FourMomentum.fromPtYPhiM(40, 0.3, 1.0, 5);
        FourMomentum b = FourMomentum.fromPtYPhiM(25, -0.8, -2.5, 1);
        FourMomentum ab = a.boostZ(1.7);
        FourMomentum bb = b.boostZ(1.7);
        assertEquals(a.rapidity() + 1.7, ab.rapidity(), 1e-12);
        assertEquals(a.plus(b).m2(), ab.plus(bb).m2(), 1e-9);
        assertEquals(a.deltaR(b), ab.deltaR(bb), 1e-12);
        assertEquals(a.deltaR(b), a.rotateZ(2.9).deltaR(b.rotateZ(2.9)), 1e-12);
    }

    @Test
    void deltaPhiWrapsIntoMinusPiPi() {
        assertEquals(-0.2, Angles.deltaPhi(0.1, 0.3), 1e-15);
        assertEquals(0.2, Angles.deltaPhi(0.1, 2 * Math.PI - 0.1), 1e-12);
        assertEquals(-0.2, Angles.deltaPhi(2 * Math.PI - 0.1, 0.1), 1e-12);
        assertEquals(0.5, Angles.deltaPhi(0.5 + 6 * Math.PI, 0), 1e-12);
        assertEquals(Math.PI, Angles.wrap(-Math.PI), 0.0);
    }

    @Test
    void pseudorapidityOfKnownAngle() {
        // θ = 45°: η = −ln tan(22.5°)
        FourMomentum p = new FourMomentum(1, 0, 1, Math.sqrt(2));
        assertEquals(-Math.log(Math.tan(Math.PI / 8)), p.eta(), 1e-14);
        assertEquals(Double.POSITIVE_INFINITY, new FourMomentum(0, 0, 1, 1).eta());
    }
}
