package org.jetbridge.sim;

import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.FourMomentum;

/**
 * A transverse-momentum-ordered final-state dipole shower driven by the veto algorithm. Every colour end of
 * a parton radiates with its colour partner (or its decay system's colourless recoiler, e.g. the W in top
 * decay) as recoiler, into the half of the dipole (in its rest frame) on the radiator's side, so that the
 * two ends together give the dipole's soft-gluon pattern once (colour coherence); the 1 → 2 splitting and the recoil are built in the dipole rest frame so that the
 * four-momentum of the pair is conserved exactly. Kernels: P_qq = C_F (1+z²)/(1−z), P_gg (shared between
 * the gluon's two ends) and P_gq = T_R [z² + (1−z)²] per flavour above threshold; one-loop α_s at muR·k⊥;
 * cut-off Q0; quasi-collinear dead-cone suppression for c and b; optional angular-ordering veto.
 */
final class PartonShower {
    private static final double CF = 4.0 / 3.0;
    private static final double CA = 3.0;
    private static final double TR = 0.5;
    private static final double MZ = 91.1876;
    private static final double B0 = (33.0 - 2.0 * 5.0) / (12.0 * Math.PI);

    private final ShowerParameters par;
    private final double alphaMax;
    private final double q02;

    PartonShower(ShowerParameters par) {
        this.par = par;
        this.q02 = par.q0() * par.q0();
        this.alphaMax = alphaS(par.q0() * par.muR());
    }

    /** One-loop running coupling with five flavours, α_s(m_Z) from the settings. */
    double alphaS(double mu) {
        return par.alphaSMz() / (1.0 + B0 * par.alphaSMz() * Math.log(mu * mu / (MZ * MZ)));
    }

    private double quarkMass(int id) {
        return switch (Math.abs(id)) {
            case 4 -> par.massC();
            case 5 -> par.massB();
            default -> 0.0;
        };
    }

    /** The radiating ends: radiator, recoiler, whether it is the radiator's colour (not anticolour) side. */
    private static final class End {
        int rad;
        int rec;
        double s;
        double eps;
        double pt2Max;
        double aQ;   // overestimate coefficient of q → qg or g → gg
        double aG;   // overestimate coefficient of g → q q̄
        boolean colourSide;
    }

    private static int partner(List<Parton> ps, int i, int tag, boolean wantAcol, int[] recoilers) {
        Parton me = ps.get(i);
        int found = -1;
        for (int j = 0; j < ps.size(); j++) {
            if (j != i && (wantAcol ? ps.get(j).acol : ps.get(j).col) == tag) {
                found = j;
                break;
            }
        }
        int sysRec = me.system < recoilers.length ? recoilers[me.system] : -1;
        if ((found < 0 || ps.get(found).system != me.system) && sysRec >= 0) {
            return sysRec;
        }
        return found;
    }

    /**
     * Showers the partons in place. {@code recoilers[system]} is the index in {@code ps} of the colourless
     * recoiler of that decay system, or −1; {@code colourCounter[0]} supplies fresh colour tags.
     */
    void shower(List<Parton> ps, int[] recoilers, int[] colourCounter, RandomStream rng) {
        List<End> ends = new ArrayList<>();
        double pt2 = buildEnds(ps, recoilers, ends);
        while (true) {
            double sum = 0;
            for (End e : ends) {
                sum += e.aQ + e.aG;
            }
            if (sum <= 0) {
                return;
            }
            pt2 *= Math.pow(rng.uniformOpen(), 1.0 / sum);
            if (pt2 < q02) {
                return;
            }
            double pick = rng.uniform() * sum;
            End end = null;
            boolean split = false;
            for (End e : ends) {
                if (pick < e.aQ) {
                    end = e;
                    break;
                }
                pick -= e.aQ;
                if (pick < e.aG) {
                    end = e;
                    split = true;
                    break;
                }
                pick -= e.aG;
            }
            if (end == null) {
                end = ends.get(ends.size() - 1);
            }
            if (pt2 > end.pt2Max) {
                continue;
            }
            Parton rad = ps.get(end.rad);
            boolean gluon = rad.id == 21;
            double z;
            double w;
            int flavour = 0;
            if (split) {
                z = end.eps + (1.0 - 2.0 * end.eps) * rng.uniform();
                w = z * z + (1 - z) * (1 - z);
                flavour = 1 + rng.nextInt(5);
            } else {
                double omz = end.eps * Math.pow((1.0 - end.eps) / end.eps, rng.uniform());
                z = 1.0 - omz;
                w = gluon ? z + 0.5 * z * omz * omz : 0.5 * (1.0 + z * z);
            }
            w *= alphaS(Math.sqrt(pt2) * par.muR()) / alphaMax;
            double q2 = pt2 / (z * (1.0 - z));
            Parton rec = ps.get(end.rec);
            double mk2 = Math.max(0.0, rec.p.m2());
            if (Math.sqrt(q2) + Math.sqrt(mk2) >= Math.sqrt(end.s)) {
                continue;
            }
            if (split) {
                double mq = quarkMass(flavour);
                if (q2 <= 4 * mq * mq) {
                    continue;
                }
            } else if (par.deadCone()) {
                double mq = quarkMass(rad.id);
                if (mq > 0) {
                    double r = pt2 / (pt2 + (1 - z) * (1 - z) * mq * mq);
                    w *= r * r;
                }
            }
            if (w < rng.uniform()) {
                continue;
            }
            FourMomentum[] k = emit(rad.p, rec.p, mk2, end.s, q2, z, 2.0 * Math.PI * rng.uniform());
            if (k[3].e() <= 0) {
                continue; // the emission belongs to the recoiler's half of the dipole (coherent partition)
            }
            double angle = openingAngle(k[0], k[1]);
            if (par.angularOrdering() && angle > rad.maxAngle) {
                continue;
            }
            // accepted: update momenta and colour flow
            rad.p = k[0];
            rec.p = k[2];
            Parton emitted;
            if (split) {
                int c = rad.col;
                int a = rad.acol;
                boolean radIsQuark = rng.uniform() < 0.5;
                rad.id = radIsQuark ? flavour : -flavour;
                rad.col = radIsQuark ? c : 0;
                rad.acol = radIsQuark ? 0 : a;
                emitted = new Parton(radIsQuark ? -flavour : flavour, k[1], radIsQuark ? 0 : c, radIsQuark ? a : 0,
                        rad.system);
            } else {
                int fresh = ++colourCounter[0];
                if (end.colourSide) {
                    emitted = new Parton(21, k[1], rad.col, fresh, rad.system);
                    rad.col = fresh;
                } else {
                    emitted = new Parton(21, k[1], fresh, rad.acol, rad.system);
                    rad.acol = fresh;
                }
            }
            rad.maxAngle = angle;
            emitted.maxAngle = angle;
            ps.add(emitted);
            ends.clear();
            buildEnds(ps, recoilers, ends);
        }
    }

    private double buildEnds(List<Parton> ps, int[] recoilers, List<End> ends) {
        double maxPt2 = 0;
        double a = alphaMax / (2.0 * Math.PI);
        for (int i = 0; i < ps.size(); i++) {
            Parton p = ps.get(i);
            if (p.isRecoilerOnly()) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                int tag = side == 0 ? p.col : p.acol;
                if (tag == 0) {
                    continue;
                }
                int k = partner(ps, i, tag, side == 0, recoilers);
                if (k < 0) {
                    continue;
                }
                double s = p.p.plus(ps.get(k).p).m2();
                if (s <= 4.0 * q02) {
                    continue;
                }
                End e = new End();
                e.rad = i;
                e.rec = k;
                e.s = s;
                e.eps = q02 / s;
                e.pt2Max = s / 4.0;
                double logTerm = Math.log((1.0 - e.eps) / e.eps);
                if (p.id == 21) {
                    e.aQ = a * CA * logTerm;
                    e.aG = a * 0.5 * TR * 5.0 * (1.0 - 2.0 * e.eps);
                } else {
                    e.aQ = a * CF * 2.0 * logTerm;
                }
                ends.add(e);
                e.colourSide = side == 0;
                maxPt2 = Math.max(maxPt2, e.pt2Max);
            }
        }
        return maxPt2;
    }

    private static double openingAngle(FourMomentum a, FourMomentum b) {
        double c = (a.px() * b.px() + a.py() * b.py() + a.pz() * b.pz()) / Math.sqrt(a.p2() * b.p2());
        return Math.acos(Math.max(-1.0, Math.min(1.0, c)));
    }

    /**
     * The 2 → 3 map: radiator i (massless) and recoiler k (mass² mk2) with pair mass² s become i', j (massless,
     * pair mass² q2, light-cone fraction z of i' along the old radiator direction in the dipole frame, relative
     * transverse momentum² z(1−z)q2 at azimuth phi) and k' (same mass). Returns {i', j, k', (0,0,0,a)} where a is
     * j's momentum component along the old radiator direction in the dipole frame; i'+j+k' = i+k.
     */
    static FourMomentum[] emit(FourMomentum pi, FourMomentum pk, double mk2, double s, double q2, double z, double phi) {
        FourMomentum q = pi.plus(pk);
        double rs = Math.sqrt(s);
        FourMomentum ir = Kinematics.toRest(pi, q);
        double[] a = Kinematics.axes(ir);
        double nx = a[0];
        double ny = a[1];
        double nz = a[2];
        double eij = (s + q2 - mk2) / (2.0 * rs);
        double pabs = Kinematics.twoBodyMomentum(rs, Math.sqrt(q2), Math.sqrt(mk2));
        double pPlus = eij + pabs;
        double iPlus = z * pPlus;
        double iMinus = (1.0 - z) * q2 / pPlus;
        double kt = Math.sqrt(z * (1.0 - z) * q2);
        double tx = kt * (Math.cos(phi) * a[3] + Math.sin(phi) * a[6]);
        double ty = kt * (Math.cos(phi) * a[4] + Math.sin(phi) * a[7]);
        double tz = kt * (Math.cos(phi) * a[5] + Math.sin(phi) * a[8]);
        double il2 = 0.5 * (iPlus - iMinus);
        FourMomentum iNew = new FourMomentum(il2 * nx + tx, il2 * ny + ty, il2 * nz + tz, 0.5 * (iPlus + iMinus));
        FourMomentum ij = new FourMomentum(pabs * nx, pabs * ny, pabs * nz, eij);
        FourMomentum jNew = ij.minus(iNew);
        FourMomentum kNew = new FourMomentum(-pabs * nx, -pabs * ny, -pabs * nz, rs - eij);
        double jAlong = pabs - il2;
        return new FourMomentum[] {Kinematics.fromRest(iNew, q, rs), Kinematics.fromRest(jNew, q, rs),
            Kinematics.fromRest(kNew, q, rs), new FourMomentum(0, 0, 0, jAlong)};
    }
}
