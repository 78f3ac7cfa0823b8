package org.jetbridge.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jetbridge.core.FourMomentum;

/**
 * Independent (Field–Feynman) fragmentation of a colour-singlet set of partons into primary hadrons. Gluons
 * first split into q q̄ sharing the energy uniformly; each quark end then emits a chain of hadrons taking a fraction z of the remaining
 * energy (Lund symmetric function; Peterson for the first c or b hadron) with Gaussian transverse
 * kicks. The chain remainders of colour-connected ends are joined into a final hadron so that charge, flavour
 * and baryon number are conserved exactly, and a last boost-and-rescale restores the partons' total
 * four-momentum exactly.
 */
final class Hadroniser {
    static final int DIQUARK = 2101; // ud₀ diquark code: +2101 antitriplet, −2101 triplet (anti-diquark)

    private final HadronisationParameters par;
    private final Decayer decayer;
    private final double[] flavourWeights;
    private final double petersonMaxB;
    private final double petersonMaxC;

    /** The partons' total mass cannot hold the hadrons they fragment into (a rare, very light system). */
    static final class Failure extends IllegalStateException {
        Failure(String message) {
            super(message);
        }
    }

    /** A primary hadron: id and four-momentum (GeV). */
    record Hadron(int pdg, FourMomentum p) {
    }

    Hadroniser(HadronisationParameters par, Decayer decayer) {
        this.par = par;
        this.decayer = decayer;
        this.flavourWeights = new double[] {1.0, 1.0, par.strangeSuppression()};
        this.petersonMaxB = 1.05 * maxOf(par.petersonEpsilonB());
        this.petersonMaxC = 1.05 * maxOf(par.petersonEpsilonC());
    }

    private static double peterson(double z, double eps) {
        double d = 1.0 - 1.0 / z - eps / (1.0 - z);
        return 1.0 / (z * d * d);
    }

    private static double maxOf(double eps) {
        double m = 0;
        for (int i = 1; i < 20000; i++) {
            m = Math.max(m, peterson(i / 20000.0, eps));
        }
        return m;
    }

    private double sampleLund(double mt2, RandomStream rng) {
        double a = par.lundA();
        double bm = par.lundB() * mt2;
        double zMax;
        if (Math.abs(1.0 - a) < 1e-6) {
            zMax = bm / (1.0 + bm);
        } else {
            double c1 = 1.0 + bm;
            double disc = Math.sqrt(c1 * c1 - 4.0 * (1.0 - a) * bm);
            double r1 = (c1 - disc) / (2.0 * (1.0 - a));
            double r2 = (c1 + disc) / (2.0 * (1.0 - a));
            zMax = r1 > 0 && r1 < 1 ? r1 : r2;
        }
        double logFMax = lnLund(zMax, a, bm);
        while (true) {
            double z = rng.uniformOpen();
            if (z >= 1.0) {
                continue;
            }
            if (Math.log(rng.uniformOpen()) <= lnLund(z, a, bm) - logFMax) {
                return z;
            }
        }
    }

    private static double lnLund(double z, double a, double bm) {
        return -Math.log(z) + a * Math.log(1.0 - z) - bm / z;
    }

    private double samplePeterson(double eps, double fMax, RandomStream rng) {
        while (true) {
            double z = rng.uniformOpen();
            if (z >= 1.0) {
                continue;
            }
            if (rng.uniform() * fMax <= peterson(z, eps)) {
                return z;
            }
        }
    }

    private int lightFlavour(RandomStream rng) {
        return switch (rng.choose(flavourWeights)) {
            case 0 -> 2;
            case 1 -> 1;
            default -> 3;
        };
    }

    private static boolean isTriplet(int f) {
        return (f > 0 && f < 10) || f == -DIQUARK;
    }

    /**
     * The hadron made of a colour-triplet end t (quark or anti-diquark) and an antitriplet end a (antiquark or
     * diquark), or 0 when no single hadron of our table has that content.
     */
    int hadron(int t, int a, RandomStream rng) {
        if (t == -DIQUARK && a == DIQUARK) {
            return 0;
        }
        if (a == DIQUARK) {
            return baryon(t);
        }
        if (t == -DIQUARK) {
            int b = baryon(-a);
            return b == 0 ? 0 : -b;
        }
        return meson(t, -a, rng);
    }

    private static int baryon(int q) {
        return switch (q) {
            case 2 -> 2212;
            case 1 -> 2112;
            case 3 -> 3122;
            case 4 -> 4122;
            case 5 -> 5122;
            default -> 0;
        };
    }

    /** Meson of quark q and antiquark of flavour qb (both 1–5). */
    private int meson(int q, int qb, RandomStream rng) {
        if (q >= 4 && qb >= 4) {
            return 0;
        }
        if (qb >= 4) {
            int m = meson(qb, q, rng);
            return m == 0 ? 0 : Species.conjugate(m);
        }
        boolean vector = rng.uniform() < par.vectorFraction();
        if (q == 4) {
            return qb == 2 ? 421 : qb == 1 ? 411 : 431;
        }
        if (q == 5) {
            return qb == 2 ? -521 : qb == 1 ? -511 : -531;
        }
        if (q == qb) {
            if (q == 3) {
                return vector ? 333 : 221;
            }
            if (vector) {
                return rng.uniform() < 0.5 ? 113 : 223;
            }
            return rng.uniform() < 0.6 ? 111 : 221;
        }
        int base;
        int sign = 1;
        int hi = Math.max(q, qb);
        int lo = Math.min(q, qb);
        if (hi == 2 && lo == 1) {
            base = vector ? 213 : 211; // u d̄ = π⁺
            sign = q == 2 ? 1 : -1;
        } else if (hi == 3 && lo == 2) {
            base = vector ? 323 : 321; // u s̄ = K⁺
            sign = q == 2 ? 1 : -1;
        } else {
            base = vector ? 313 : 311; // d s̄ = K⁰
            sign = q == 1 ? 1 : -1;
        }
        return sign * base;
    }

    /** Fragmentation state of one string end. */
    private static final class Chain {
        int flavour;
        int tag;
        boolean triplet;
        double plus;
        double nx, ny, nz;
    }

    /** Hadronises the partons (massless, colour-singlet overall) into primary hadrons summing to their total. */
    List<Hadron> hadronise(List<Parton> partons, RandomStream rng) {
        FourMomentum target = FourMomentum.ZERO;
        for (Parton p : partons) {
            target = target.plus(p.p);
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            // after a few failures (a light system overfilled with hadrons) fall back to joining string ends only
            List<Hadron> out = attempt(partons, attempt >= 8, rng);
            List<Hadron> fixed = rescale(out, target);
            if (fixed != null) {
                return fixed;
            }
        }
        throw new Failure("hadronisation failed: system of mass " + target.m()
                + " GeV cannot hold its hadrons after 20 attempts");
    }

    private List<Hadron> attempt(List<Parton> partons, boolean minimal, RandomStream rng) {
        List<Hadron> out = new ArrayList<>();
        List<Chain> chains = new ArrayList<>();
        for (Parton p : partons) {
            if (p.id == 21) {
                double z = rng.uniform();
                int f = lightFlavour(rng);
                chains.add(chain(f, p.col, p.p.times(z)));
                chains.add(chain(-f, p.acol, p.p.times(1 - z)));
            } else {
                chains.add(chain(p.id, p.id > 0 ? p.col : p.acol, p.p));
            }
        }
        Map<Integer, Chain> antiByTag = new HashMap<>();
        for (Chain c : chains) {
            fragment(c, minimal, out, rng);
            if (!c.triplet) {
                antiByTag.put(c.tag, c);
            }
        }
        for (Chain t : chains) {
            if (!t.triplet) {
                continue;
            }
            Chain a = antiByTag.remove(t.tag);
            if (a == null) {
                throw new IllegalStateException("colour tag " + t.tag + " has no anticolour partner");
            }
            join(t, a, out, rng);
        }
        if (!antiByTag.isEmpty()) {
            throw new IllegalStateException("anticolour tags without partner: " + antiByTag.keySet());
        }
        return out;
    }

    private static Chain chain(int flavour, int tag, FourMomentum p) {
        Chain c = new Chain();
        c.flavour = flavour;
        c.tag = tag;
        c.triplet = isTriplet(flavour);
        double l = Math.sqrt(p.p2());
        c.plus = p.e();
        c.nx = p.px() / l;
        c.ny = p.py() / l;
        c.nz = p.pz() / l;
        return c;
    }

    private void fragment(Chain c, boolean minimal, List<Hadron> out, RandomStream rng) {
        double[] basis = Kinematics.transverseBasis(c.nx, c.ny, c.nz);
        double sig = par.sigmaPt() / Math.sqrt(2.0);
        double tx = 0;
        double ty = 0;
        boolean first = true;
        int cur = c.flavour;
        while (true) {
            int a = Math.abs(cur);
            boolean heavyFirst = first && (a == 4 || a == 5);
            if (!heavyFirst && (minimal || c.plus < par.stopEnergy())) {
                break;
            }
            int hadronId;
            int next;
            if (heavyFirst) {
                int h = a == 4 ? decayer.cHadronFromC(rng) : decayer.bHadronFromB(rng);
                int light = switch (h) {
                    case 421, -521 -> 2;
                    case 411, -511 -> 1;
                    case 431, -531 -> 3;
                    default -> DIQUARK;
                };
                if (cur > 0) {
                    hadronId = h;
                    next = light == DIQUARK ? -DIQUARK : light;
                } else {
                    hadronId = -h;
                    next = light == DIQUARK ? DIQUARK : -light;
                }
            } else {
                boolean curIsDiquark = a == DIQUARK;
                boolean diq = !curIsDiquark && rng.uniform() < par.diquarkProbability();
                int q = lightFlavour(rng);
                int partner;
                if (isTriplet(cur)) {
                    partner = diq ? DIQUARK : -q;
                    next = diq ? -DIQUARK : q;
                    hadronId = hadron(cur, partner, rng);
                } else {
                    partner = diq ? -DIQUARK : q;
                    next = diq ? DIQUARK : -q;
                    hadronId = hadron(partner, cur, rng);
                }
                if (hadronId == 0) {
                    throw new IllegalStateException("no hadron for flavours " + cur + ", " + partner);
                }
            }
            double kx = sig * rng.gaussian();
            double ky = sig * rng.gaussian();
            double hx = tx - kx;
            double hy = ty - ky;
            double m = Species.mass(hadronId);
            double mt2 = m * m + hx * hx + hy * hy;
            double z = heavyFirst
                    ? (a == 5 ? samplePeterson(par.petersonEpsilonB(), petersonMaxB, rng)
                            : samplePeterson(par.petersonEpsilonC(), petersonMaxC, rng))
                    : sampleLund(mt2, rng);
            // the chain budget is energy (c.plus holds the remaining energy): the hadron takes z of it, at
            // least its transverse mass, so the chains never create energy the final rescaling must remove
            double e = Math.max(z * c.plus, Math.sqrt(mt2));
            double along = Math.sqrt(Math.max(0.0, e * e - mt2));
            double plus = e;
            out.add(new Hadron(hadronId, new FourMomentum(along * c.nx + hx * basis[0] + hy * basis[3],
                    along * c.ny + hx * basis[1] + hy * basis[4], along * c.nz + hx * basis[2] + hy * basis[5], e)));
            c.plus -= plus;
            tx = kx;
            ty = ky;
            cur = next;
            first = false;
        }
        c.flavour = cur;
    }

    /** Joins the remainders of a colour-connected triplet and antitriplet end into one or two hadrons. */
    private void join(Chain t, Chain a, List<Hadron> out, RandomStream rng) {
        double h = Math.max(0.0, t.plus);
        double g = Math.max(0.0, a.plus);
        double px = h * t.nx + g * a.nx;
        double py = h * t.ny + g * a.ny;
        double pz = h * t.nz + g * a.nz;
        int id = hadron(t.flavour, a.flavour, rng);
        if (id != 0) {
            out.add(onShell(id, px, py, pz));
            return;
        }
        int q = rng.uniform() < 0.5 ? 1 : 2;
        int id1 = hadron(t.flavour, -q, rng);
        int id2 = hadron(q, a.flavour, rng);
        if (id1 == 0 || id2 == 0) {
            throw new IllegalStateException("cannot join flavours " + t.flavour + " and " + a.flavour);
        }
        out.add(onShell(id1, 0.5 * px, 0.5 * py, 0.5 * pz));
        out.add(onShell(id2, 0.5 * px, 0.5 * py, 0.5 * pz));
    }

    private static Hadron onShell(int id, double px, double py, double pz) {
        double m = Species.mass(id);
        return new Hadron(id, new FourMomentum(px, py, pz, Math.sqrt(px * px + py * py + pz * pz + m * m)));
    }

    /**
     * Moves the hadrons to the rest frame of their sum, scales all three-momenta by one factor so the energies
     * add up to the target mass, and boosts to the target frame; null when the hadron masses alone exceed it.
     */
    static List<Hadron> rescale(List<Hadron> hs, FourMomentum target) {
        FourMomentum sum = FourMomentum.ZERO;
        double massSum = 0;
        for (Hadron h : hs) {
            sum = sum.plus(h.p);
            massSum += Species.mass(h.pdg);
        }
        double mTarget = Math.sqrt(target.m2());
        if (massSum >= mTarget * 0.999 || sum.m2() <= 0) {
            return null;
        }
        int n = hs.size();
        double[] x = new double[n], y = new double[n], z = new double[n], m2 = new double[n];
        for (int i = 0; i < n; i++) {
            FourMomentum r = Kinematics.toRest(hs.get(i).p, sum);
            x[i] = r.px();
            y[i] = r.py();
            z[i] = r.pz();
            double m = Species.mass(hs.get(i).pdg);
            m2[i] = m * m;
        }
        double k = 1.0;
        for (int it = 0; it < 100; it++) {
            double f = -mTarget;
            double df = 0;
            for (int i = 0; i < n; i++) {
                double p2 = x[i] * x[i] + y[i] * y[i] + z[i] * z[i];
                double e = Math.sqrt(k * k * p2 + m2[i]);
                f += e;
                df += k * p2 / e;
            }
            double step = f / df;
            k -= step;
            if (k <= 0) {
                k = 1e-3;
            }
            if (Math.abs(step) < 1e-15 * k) {
                break;
            }
        }
        // the total of the scaled momenta is zero up to rounding; put the energy exactly on the target mass
        List<Hadron> out = new ArrayList<>(n);
        double eSum = 0;
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = Math.sqrt(k * k * (x[i] * x[i] + y[i] * y[i] + z[i] * z[i]) + m2[i]);
            eSum += e[i];
        }
        double sx = 0, sy = 0, sz = 0;
        for (int i = 0; i < n; i++) {
            sx += k * x[i];
            sy += k * y[i];
            sz += k * z[i];
        }
        for (int i = 0; i < n; i++) {
            // spread the rounding residual of Σp and ΣE over the hadrons in proportion to their energy
            double w = e[i] / eSum;
            FourMomentum r = new FourMomentum(k * x[i] - w * sx, k * y[i] - w * sy, k * z[i] - w * sz,
                    e[i] + w * (mTarget - eSum));
            out.add(new Hadron(hs.get(i).pdg, Kinematics.fromRest(r, target, mTarget)));
        }
        return out;
    }
}
