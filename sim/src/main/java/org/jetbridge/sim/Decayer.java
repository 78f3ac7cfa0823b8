package org.jetbridge.sim;

import org.jetbridge.core.FourMomentum;

/**
 * Decays unstable hadrons and τ leptons until only detector-stable particles remain, with exponential proper
 * lifetimes and displaced decay points (mm), flat phase space for multi-body channels, and heavy-flavour
 * ancestry passed on to the products. Light-hadron channels are PDG main modes; b- and c-hadron decays are
 * built from the quark-level transition (b → c W⁻, c → s W⁺) with pions balancing charge.
 */
final class Decayer {
    private final DecayParameters par;
    private final double[] bFractions;
    private final double[] cFractions;

    Decayer(DecayParameters par) {
        this.par = par;
        this.bFractions = new double[] {par.fractionB0(), par.fractionBplus(), par.fractionBs(), par.fractionBbaryon()};
        this.cFractions = new double[] {par.fractionD0(), par.fractionDplus(), par.fractionDs(), par.fractionLambdaC()};
    }

    /** b-quark hadron id (B̄⁰, B⁻, B̄_s, Λ_b) drawn from the production fractions; negate for a b̄ quark. */
    int bHadronFromB(RandomStream rng) {
        return switch (rng.choose(bFractions)) {
            case 0 -> -511;
            case 1 -> -521;
            case 2 -> -531;
            default -> 5122;
        };
    }

    /** c-quark hadron id (D⁰, D⁺, D_s⁺, Λ_c⁺) drawn from the production fractions; negate for a c̄ quark. */
    int cHadronFromC(RandomStream rng) {
        return switch (rng.choose(cFractions)) {
            case 0 -> 421;
            case 1 -> 411;
            case 2 -> 431;
            default -> 4122;
        };
    }

    /**
     * Adds particle {@code id} with lab momentum p produced at (x, y, z) to {@code out}, decaying it (and its
     * products, recursively) when it is unstable.
     */
    void process(int id, FourMomentum p, double x, double y, double z, int inter, int flags, ParticleBuffer out,
                 RandomStream rng) {
        if (id == 311 || id == -311) {
            id = rng.uniform() < 0.5 ? 310 : 130; // K⁰/K̄⁰ are seen as K_S or K_L
        }
        int a = Math.abs(id);
        double ctau = Species.ctau(id);
        if (ctau == Species.STABLE || (!par.decayLongLived() && (a == 310 || a == 3122))) {
            out.add(id, p, x, y, z, inter, flags);
            return;
        }
        double m2 = p.m2();
        double m = Math.sqrt(Math.max(m2, 0.0));
        double dx = x;
        double dy = y;
        double dz = z;
        if (ctau > 0) {
            double l = ctau * par.lifetimeScale() * rng.exponential() / m; // proper length / m × p = lab flight
            dx += l * p.px();
            dy += l * p.py();
            dz += l * p.pz();
        }
        boolean isB = Species.isBHadron(id);
        boolean isC = Species.isCHadron(id);
        if (isB || isC) {
            out.heavy.add(new HeavyHadron(id, p, x, y, z, dx, dy, dz, inter, (flags & TruthEvent.FROM_B) != 0));
        }
        int[] products = isB ? bottomDecay(id, rng) : isC ? charmDecay(id, rng) : lightDecay(id, rng);
        double[] masses = new double[products.length];
        for (int i = 0; i < products.length; i++) {
            masses[i] = Species.mass(products[i]);
        }
        FourMomentum[] rest = Kinematics.phaseSpace(m, masses, rng);
        int childFlags = flags | (isB ? TruthEvent.FROM_B : 0) | (isC ? TruthEvent.FROM_C : 0);
        for (int i = 0; i < products.length; i++) {
            process(products[i], Kinematics.fromRest(rest[i], p, m), dx, dy, dz, inter, childFlags, out, rng);
        }
    }

    private static int[] conj(int[] ids) {
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Species.conjugate(ids[i]);
        }
        return ids;
    }

    private static int[] lightDecay(int id, RandomStream rng) {
        int a = Math.abs(id);
        double u = rng.uniform();
        int[] d = switch (a) {
            case 111 -> new int[] {22, 22};
            case 221 -> u < 0.394 ? new int[] {22, 22} : u < 0.721 ? new int[] {111, 111, 111}
                    : u < 0.950 ? new int[] {211, -211, 111} : new int[] {211, -211, 22};
            case 113 -> new int[] {211, -211};
            case 213 -> new int[] {211, 111};
            case 223 -> u < 0.892 ? new int[] {211, -211, 111} : u < 0.975 ? new int[] {111, 22} : new int[] {211, -211};
            case 323 -> u < 2.0 / 3.0 ? new int[] {311, 211} : new int[] {321, 111};
            case 313 -> u < 2.0 / 3.0 ? new int[] {321, -211} : new int[] {311, 111};
            case 333 -> u < 0.49 ? new int[] {321, -321} : u < 0.83 ? new int[] {130, 310} : new int[] {211, -211, 111};
            case 310 -> u < 0.692 ? new int[] {211, -211} : new int[] {111, 111};
            case 3122 -> u < 0.641 ? new int[] {2212, -211} : new int[] {2112, 111};
            case 15 -> u < 0.178 ? new int[] {11, -12, 16} : u < 0.352 ? new int[] {13, -14, 16}
                    : u < 0.472 ? new int[] {-211, 16} : u < 0.737 ? new int[] {-211, 111, 16}
                    : u < 0.837 ? new int[] {-211, 111, 111, 16} : u < 0.937 ? new int[] {-211, 211, -211, 16}
                    : u < 0.957 ? new int[] {-321, 16} : new int[] {-211, 211, -211, 111, 16};
            default -> throw new IllegalStateException("no decay table for particle id " + id);
        };
        return id < 0 && !Species.selfConjugate(id) ? conj(d) : d;
    }

    /** Pions with total charge q, at least n of them (π⁺π⁻ pairs or π⁰ beyond the charged ones). */
    private static void pions(int q, int n, IntList out, RandomStream rng) {
        int sign = q >= 0 ? 1 : -1;
        for (int i = 0; i < Math.abs(q); i++) {
            out.add(211 * sign);
        }
        int left = n - Math.abs(q);
        while (left > 0) {
            if (left >= 2 && rng.uniform() < 0.65) {
                out.add(211);
                out.add(-211);
                left -= 2;
            } else {
                out.add(111);
                left--;
            }
        }
    }

    int[] charmDecay(int id, RandomStream rng) {
        int a = Math.abs(id);
        IntList d = new IntList();
        double sl = switch (a) {
            case 421 -> par.semileptonicD0();
            case 411 -> par.semileptonicDplus();
            case 431 -> 0.065;
            default -> 0.036;
        };
        int charge = Species.charge(a);
        double u = rng.uniform();
        if (u < 2 * sl) {
            boolean electron = u < sl;
            d.add(electron ? -11 : -13);
            d.add(electron ? 12 : 14);
            boolean excited = rng.uniform() < 0.3;
            switch (a) {
                case 421 -> d.add(excited ? -323 : -321);
                case 411 -> d.add(excited ? -313 : -311);
                case 431 -> d.add(excited ? 333 : 221);
                default -> d.add(3122);
            }
        } else {
            double v = rng.uniform();
            switch (a) {
                case 421 -> {
                    if (v < 0.55) {
                        d.add(-321);
                    } else if (v < 0.92) {
                        d.add(-311);
                    }
                }
                case 411 -> {
                    if (v < 0.5) {
                        d.add(-321);
                    } else if (v < 0.92) {
                        d.add(-311);
                    }
                }
                case 431 -> {
                    if (v < 0.35) {
                        d.add(333);
                    } else if (v < 0.65) {
                        d.add(221);
                    } else {
                        d.add(321);
                        d.add(-311);
                    }
                }
                default -> {
                    if (v < 0.5) {
                        d.add(2212);
                        d.add(-321);
                    } else {
                        d.add(3122);
                    }
                }
            }
            int q = charge;
            for (int i = 0; i < d.size; i++) {
                q -= Species.charge(d.data[i]);
            }
            double w = rng.uniform();
            int n = w < 0.25 ? 1 : w < 0.65 ? 2 : w < 0.92 ? 3 : 4;
            n = Math.max(n, Math.max(Math.abs(q), d.size == 0 ? 2 : 1));
            pions(q, n, d, rng);
        }
        int[] r = d.toArray();
        return id < 0 ? conj(r) : r;
    }

    int[] bottomDecay(int id, RandomStream rng) {
        int a = Math.abs(id);
        boolean bForm = a == 5122 ? id > 0 : id < 0;
        int bId = bForm ? id : -id; // the hadron written with a b quark: B̄⁰, B⁻, B̄_s, Λ_b
        IntList d = new IntList();
        int charm = switch (a) {
            case 511 -> rng.uniform() < 0.65 ? 411 : 421;
            case 521 -> rng.uniform() < 0.65 ? 421 : 411;
            case 531 -> 431;
            default -> 4122;
        };
        d.add(charm);
        double sl = par.semileptonicB();
        double u = rng.uniform();
        int extra;
        if (u < 2 * sl + 0.025) {
            if (u < sl) {
                d.add(11);
                d.add(-12);
            } else if (u < 2 * sl) {
                d.add(13);
                d.add(-14);
            } else {
                d.add(15);
                d.add(-16);
            }
            extra = rng.uniform() < 0.4 ? 1 : 0;
        } else if (u < 2 * sl + 0.025 + 0.11) {
            d.add(-431); // b → c c̄ s
            extra = rng.uniform() < 0.5 ? 0 : 1;
        } else {
            extra = Math.min(7, 1 + rng.poisson(2.9)); // b → c ū d
        }
        int q = Species.charge(bId);
        for (int i = 0; i < d.size; i++) {
            q -= Species.charge(d.data[i]);
        }
        pions(q, Math.max(extra, Math.abs(q)), d, rng);
        int[] r = d.toArray();
        return bForm ? r : conj(r);
    }
}
