package org.jetbridge.sim;

import java.util.Arrays;
import org.jetbridge.core.FourMomentum;

/**
 * The CMS-inspired fast detector: tracking with η- and pT-dependent efficiency, pT resolution and impact
 * parameters from the true production point (straight lines in the transverse plane), ECAL and HCAL energy
 * smearing with thresholds, and particle-flow classes. Untracked charged hadrons and electrons inside the
 * calorimeter acceptance are seen as neutral hadrons and photons; neutrinos are invisible. In particle-level
 * mode all visible particles pass unchanged with their true d0 and dz and zero errors.
 */
public final class Detector {
    private final DetectorParameters par;

    public Detector(DetectorParameters par) {
        this.par = par;
    }

    /** Transverse impact parameter resolution σ(d0) in mm at the given pT (GeV). */
    public double sigmaD0(double pt) {
        return Math.hypot(par.d0ResolutionConstant(), par.d0ResolutionPt() / pt);
    }

    /** Tracking efficiency for a charged particle of the given pT (GeV) and η. */
    public double trackEfficiency(double pt, double eta) {
        if (Math.abs(eta) >= par.trackEtaMax() || pt < par.trackPtMin()) {
            return 0.0;
        }
        if (pt < 1.0) {
            return par.trackEfficiencyLowPt();
        }
        return Math.abs(eta) < 1.5 ? par.trackEfficiencyBarrel() : par.trackEfficiencyEndcap();
    }

    /** True transverse impact parameter (mm) of a straight track from (vx, vy) with momentum (px, py). */
    public static double d0(double vx, double vy, double px, double py) {
        return (vx * py - vy * px) / Math.hypot(px, py);
    }

    /** True z of the point of closest approach to the beam line (mm). */
    public static double z0(double vx, double vy, double vz, double px, double py, double pz) {
        double pt2 = px * px + py * py;
        return vz - (vx * px + vy * py) * pz / pt2;
    }

    /** The reconstructed candidates of an event (the detector's own randomness comes from rng). */
    public RecoEvent reconstruct(TruthEvent t, RandomStream rng) {
        int n = t.size();
        Builder b = new Builder(n);
        double zpv = t.interactionZ().length > 0 ? t.interactionZ()[0] : 0.0;
        for (int i = 0; i < n; i++) {
            int id = t.pdg()[i];
            if (Species.isNeutrino(id)) {
                continue;
            }
            FourMomentum p = t.momentum(i);
            double pt = p.pt();
            if (pt == 0) {
                continue;
            }
            double eta = p.eta();
            int q = t.charge()[i];
            double trueD0 = q != 0 ? d0(t.vx()[i], t.vy()[i], t.px()[i], t.py()[i]) : 0;
            double trueDz = q != 0 ? z0(t.vx()[i], t.vy()[i], t.vz()[i], t.px()[i], t.py()[i], t.pz()[i]) - zpv : 0;
            if (par.particleLevel()) {
                b.add(p, q, ParticleClass.of(id, q).code(), trueD0, 0, trueDz, 0, t.interaction()[i], t.flags()[i], i);
                continue;
            }
            int a = Math.abs(id);
            boolean tracked = q != 0 && rng.uniform() < trackEfficiency(pt, eta);
            if (tracked) {
                double rel = Math.hypot(par.ptResolutionConstant(), par.ptResolutionSlope() * pt);
                double scale = Math.max(0.05, 1.0 + rel * rng.gaussian());
                FourMomentum m = FourMomentum.fromPtEtaPhiM(pt * scale, eta, p.phi(), Math.sqrt(Math.max(0, p.m2())));
                double s0 = sigmaD0(pt);
                double sz = par.dzFactor() * s0;
                double d0m = trueD0 + s0 * rng.gaussian() + par.extraD0Core() * rng.gaussian();
                if (par.extraD0WideFraction() > 0 && rng.uniform() < par.extraD0WideFraction()) {
                    d0m += par.extraD0Wide() * rng.gaussian();
                }
                double dzm = trueDz + sz * rng.gaussian();
                b.add(m, q, ParticleClass.of(id, q).code(), d0m, s0, dzm, sz, t.interaction()[i], t.flags()[i], i);
                continue;
            }
            if (a == 13 || Math.abs(eta) >= par.caloEtaMax()) {
                continue; // muons leave little in the calorimeters; outside acceptance nothing is seen
            }
            boolean em = a == 22 || a == 11;
            double e = p.e();
            double sigma = em ? Math.hypot(par.ecalStochastic() * Math.sqrt(e), par.ecalConstant() * e)
                    : Math.hypot(par.hcalStochastic() * Math.sqrt(e), par.hcalConstant() * e);
            double em2 = Math.max(0.0, e + sigma * rng.gaussian());
            if (em2 < (em ? par.photonThreshold() : par.neutralHadronThreshold())) {
                continue;
            }
            double ptm = em2 / Math.cosh(eta);
            b.add(FourMomentum.fromPtEtaPhiM(ptm, eta, p.phi(), 0), 0,
                    em ? ParticleClass.PHOTON.code() : ParticleClass.NEUTRAL_HADRON.code(), 0, 0, 0, 0,
                    t.interaction()[i], t.flags()[i], i);
        }
        return b.build();
    }

    private static final class Builder {
        int n;
        double[] px, py, pz, e, d0, d0err, dz, dzerr;
        int[] charge, cls, vertex, flags, truth;

        Builder(int cap) {
            cap = Math.max(cap, 1);
            px = new double[cap];
            py = new double[cap];
            pz = new double[cap];
            e = new double[cap];
            d0 = new double[cap];
            d0err = new double[cap];
            dz = new double[cap];
            dzerr = new double[cap];
            charge = new int[cap];
            cls = new int[cap];
            vertex = new int[cap];
            flags = new int[cap];
            truth = new int[cap];
        }

        void add(FourMomentum p, int q, int c, double a0, double s0, double az, double sz, int v, int f, int t) {
            px[n] = p.px();
            py[n] = p.py();
            pz[n] = p.pz();
            e[n] = p.e();
            charge[n] = q;
            cls[n] = c;
            d0[n] = a0;
            d0err[n] = s0;
            dz[n] = az;
            dzerr[n] = sz;
            vertex[n] = v;
            flags[n] = f;
            truth[n] = t;
            n++;
        }

        RecoEvent build() {
            return new RecoEvent(Arrays.copyOf(px, n), Arrays.copyOf(py, n), Arrays.copyOf(pz, n), Arrays.copyOf(e, n),
                    Arrays.copyOf(charge, n), Arrays.copyOf(cls, n), Arrays.copyOf(d0, n), Arrays.copyOf(d0err, n),
                    Arrays.copyOf(dz, n), Arrays.copyOf(dzerr, n), Arrays.copyOf(vertex, n), Arrays.copyOf(flags, n),
                    Arrays.copyOf(truth, n));
        }
    }
}
