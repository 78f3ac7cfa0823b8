package org.jetbridge.sim;

import org.jetbridge.core.FourMomentum;

/** Lorentz boosts, frames and phase-space generators shared by the shower, fragmentation and decays (GeV). */
final class Kinematics {
    private Kinematics() {
    }

    /** p boosted by velocity (bx, by, bz), |β| &lt; 1. */
    static FourMomentum boost(FourMomentum p, double bx, double by, double bz) {
        double b2 = bx * bx + by * by + bz * bz;
        if (b2 == 0) {
            return p;
        }
        double gamma = 1.0 / Math.sqrt(1.0 - b2);
        double bp = bx * p.px() + by * p.py() + bz * p.pz();
        double g2 = (gamma - 1.0) / b2;
        double f = g2 * bp + gamma * p.e();
        return new FourMomentum(p.px() + f * bx, p.py() + f * by, p.pz() + f * bz, gamma * (p.e() + bp));
    }

    /**
     * p, given in the rest frame of a system with lab momentum q and mass m, taken to the lab. The boost uses
     * γ = E/m and βγ = p/m directly, so a system at rest (0, 0, 0, m) maps exactly onto q: sums are conserved
     * to rounding even for highly boosted light particles.
     */
    static FourMomentum fromRest(FourMomentum p, FourMomentum q, double m) {
        double bx = q.px() / q.e();
        double by = q.py() / q.e();
        double bz = q.pz() / q.e();
        double gamma = q.e() / m;
        double bp = bx * p.px() + by * p.py() + bz * p.pz();
        double f = gamma * gamma / (gamma + 1.0) * bp + gamma * p.e();
        return new FourMomentum(p.px() + f * bx, p.py() + f * by, p.pz() + f * bz, gamma * (p.e() + bp));
    }

    /** p boosted into the rest frame of q (q timelike). */
    static FourMomentum toRest(FourMomentum p, FourMomentum q) {
        return boost(p, -q.px() / q.e(), -q.py() / q.e(), -q.pz() / q.e());
    }

    /** p, given in the rest frame of q, boosted to the frame where q has its momentum. */
    static FourMomentum fromRest(FourMomentum p, FourMomentum q) {
        return boost(p, q.px() / q.e(), q.py() / q.e(), q.pz() / q.e());
    }

    /** Momentum of either daughter in a two-body decay M → m1 m2 (0 when closed). */
    static double twoBodyMomentum(double m, double m1, double m2) {
        double s = m * m;
        double a = s - (m1 + m2) * (m1 + m2);
        double b = s - (m1 - m2) * (m1 - m2);
        return a <= 0 ? 0.0 : Math.sqrt(a * b) / (2.0 * m);
    }

    /** A momentum of magnitude p and energy √(p² + m²) in a uniformly random direction. */
    static FourMomentum isotropic(double p, double m, RandomStream rng) {
        double c = 2.0 * rng.uniform() - 1.0;
        double s = Math.sqrt(Math.max(0.0, 1.0 - c * c));
        double phi = 2.0 * Math.PI * rng.uniform();
        return new FourMomentum(p * s * Math.cos(phi), p * s * Math.sin(phi), p * c, Math.sqrt(p * p + m * m));
    }

    /**
     * Axes around the direction of p's three-momentum: {nx, ny, nz, e1x, e1y, e1z, e2x, e2y, e2z} with n the unit
     * vector along p and (e1, e2) the {@link #transverseBasis} of n.
     */
    static double[] axes(FourMomentum p) {
        double l = Math.sqrt(p.p2());
        double nx = p.px() / l;
        double ny = p.py() / l;
        double nz = p.pz() / l;
        double[] b = transverseBasis(nx, ny, nz);
        return new double[] {nx, ny, nz, b[0], b[1], b[2], b[3], b[4], b[5]};
    }

    /**
     * Unit vectors (e1, e2) orthogonal to the unit vector (nx, ny, nz) and to each other, returned as
     * {e1x, e1y, e1z, e2x, e2y, e2z}.
     */
    static double[] transverseBasis(double nx, double ny, double nz) {
        // pick the axis least aligned with n so the cross product is well conditioned
        double ax = Math.abs(nx);
        double ay = Math.abs(ny);
        double az = Math.abs(nz);
        double rx = 0, ry = 0, rz = 0;
        if (ax <= ay && ax <= az) {
            rx = 1;
        } else if (ay <= az) {
            ry = 1;
        } else {
            rz = 1;
        }
        double e1x = ry * nz - rz * ny;
        double e1y = rz * nx - rx * nz;
        double e1z = rx * ny - ry * nx;
        double l = Math.sqrt(e1x * e1x + e1y * e1y + e1z * e1z);
        e1x /= l;
        e1y /= l;
        e1z /= l;
        double e2x = ny * e1z - nz * e1y;
        double e2y = nz * e1x - nx * e1z;
        double e2z = nx * e1y - ny * e1x;
        return new double[] {e1x, e1y, e1z, e2x, e2y, e2z};
    }

    /**
     * n-body phase space for a particle of mass m at rest decaying to the given masses: James's method (sorted
     * intermediate masses, weight = product of two-body momenta, accept–reject on its maximum), exactly flat for
     * up to four bodies; for five or more the first sequential two-body configuration is kept unweighted.
     */
    static FourMomentum[] phaseSpace(double m, double[] masses, RandomStream rng) {
        int n = masses.length;
        FourMomentum[] out = new FourMomentum[n];
        if (n == 1) {
            out[0] = new FourMomentum(0, 0, 0, m);
            return out;
        }
        double sum = 0;
        for (double mi : masses) {
            sum += mi;
        }
        double kinetic = m - sum;
        if (kinetic <= 0) {
            throw new IllegalArgumentException("decay of mass " + m + " into masses summing to " + sum + " is closed");
        }
        if (n == 2) {
            double p = twoBodyMomentum(m, masses[0], masses[1]);
            FourMomentum a = isotropic(p, masses[0], rng);
            out[0] = a;
            out[1] = new FourMomentum(-a.px(), -a.py(), -a.pz(), Math.sqrt(p * p + masses[1] * masses[1]));
            return out;
        }
        double wMax = 1;
        double emMin = 0;
        double emMax = kinetic + masses[0];
        for (int i = 1; i < n; i++) {
            emMin += masses[i - 1];
            emMax += masses[i];
            wMax *= twoBodyMomentum(emMax, emMin, masses[i]);
        }
        double[] inv = new double[n];
        double[] pd = new double[n];
        double[] r = new double[n];
        while (true) {
            r[0] = 0;
            r[n - 1] = 1;
            for (int i = 1; i < n - 1; i++) {
                r[i] = rng.uniform();
            }
            for (int i = 2; i < n - 1; i++) { // insertion sort: n is small
                double v = r[i];
                int j = i - 1;
                while (j >= 1 && r[j] > v) {
                    r[j + 1] = r[j];
                    j--;
                }
                r[j + 1] = v;
            }
            double acc = 0;
            for (int i = 0; i < n; i++) {
                acc += masses[i];
                inv[i] = r[i] * kinetic + acc;
            }
            double w = 1;
            for (int i = 0; i < n - 1; i++) {
                pd[i] = twoBodyMomentum(inv[i + 1], inv[i], masses[i + 1]);
                w *= pd[i];
            }
            // exact flat phase space up to four bodies; beyond, the accept–reject efficiency collapses, so
            // the sequential two-body configuration is taken as drawn (a "sequential two-body" phase space)
            if (n > 4 || w >= rng.uniform() * wMax) {
                break;
            }
        }
        // build outwards: subsystem {0..i-1} (mass inv[i-1]) recoils against particle i in the rest frame of {0..i}
        out[0] = new FourMomentum(0, 0, 0, masses[0]);
        for (int i = 1; i < n; i++) {
            FourMomentum d = isotropic(pd[i - 1], inv[i - 1], rng);
            for (int j = 0; j < i; j++) {
                out[j] = fromRest(out[j], d, inv[i - 1]); // exact even for a nearly massless subsystem
            }
            out[i] = new FourMomentum(-d.px(), -d.py(), -d.pz(), Math.sqrt(pd[i - 1] * pd[i - 1] + masses[i] * masses[i]));
        }
        return out;
    }
}
