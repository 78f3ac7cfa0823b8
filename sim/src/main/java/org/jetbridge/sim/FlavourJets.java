package org.jetbridge.sim;

import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.Angles;
import org.jetbridge.core.ClusterSequence;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;

/**
 * Flavour-tagging jets: generates flavour-mixture events, runs the detector (or particle level), clusters
 * anti-kt jets of radius R from the candidates, keeps pT &gt; 30 GeV and |η| &lt; 2.5, and labels hadron
 * flavour (b if a b hadron with pT &gt; 5 GeV lies within ΔR &lt; R of the axis, else c likewise, else light)
 * and the initiating parton.
 */
public final class FlavourJets {
    public static final double JET_PT_MIN = 30.0;
    public static final double JET_ETA_MAX = 2.5;
    public static final double HADRON_PT_MIN = 5.0;

    private final Generator generator;
    private final Detector detector;
    private final JetDefinition definition;
    private final double radius;

    public FlavourJets(GeneratorSettings settings, double radius) {
        if (!(radius > 0 && radius <= 2)) {
            throw new IllegalArgumentException("jet radius must be in (0, 2], got " + radius);
        }
        this.generator = new Generator(settings);
        this.detector = new Detector(settings.detector());
        this.definition = JetDefinition.antiKt(radius);
        this.radius = radius;
    }

    public Generator generator() {
        return generator;
    }

    /** The jets of one generated event (generation, detector and clustering all draw from rng). */
    public List<FlavourJet> event(long eventIndex, RandomStream rng) {
        TruthEvent t = generator.flavourEvent(rng);
        return jets(eventIndex, t, detector.reconstruct(t, rng));
    }

    /** Jets of events first … first+count−1 of the run with this seed, in event order, on the given threads. */
    public List<FlavourJet> generate(long seed, long first, int count, int threads) {
        List<List<FlavourJet>> per = EventLoop.run(seed, first, count, threads, this::event);
        List<FlavourJet> out = new ArrayList<>();
        for (List<FlavourJet> l : per) {
            out.addAll(l);
        }
        return out;
    }

    /** Clusters and labels the jets of an already generated and reconstructed event. */
    public List<FlavourJet> jets(long eventIndex, TruthEvent truth, RecoEvent reco) {
        List<FourMomentum> in = new ArrayList<>(reco.size());
        for (int i = 0; i < reco.size(); i++) {
            in.add(reco.momentum(i));
        }
        ClusterSequence cs = new ClusterSequence(in, definition);
        List<FlavourJet> out = new ArrayList<>();
        for (Jet j : cs.inclusiveJets(JET_PT_MIN)) {
            if (Math.abs(j.eta()) >= JET_ETA_MAX) {
                continue;
            }
            out.add(build(eventIndex, j, truth, reco));
        }
        return out;
    }

    /** Hadron-flavour label of a jet axis given the event's heavy hadrons. */
    public static int label(FourMomentum axis, List<HeavyHadron> hadrons, double radius) {
        boolean c = false;
        for (HeavyHadron h : hadrons) {
            if (h.momentum().pt() <= HADRON_PT_MIN || h.momentum().deltaR(axis) >= radius) {
                continue;
            }
            if (h.isB()) {
                return FlavourJet.BOTTOM;
            }
            c = true;
        }
        return c ? FlavourJet.CHARM : FlavourJet.LIGHT;
    }

    private FlavourJet build(long eventIndex, Jet j, TruthEvent truth, RecoEvent reco) {
        FourMomentum axis = j.momentum();
        int[] idx = j.constituentIndices();
        Integer[] order = new Integer[idx.length];
        for (int k = 0; k < idx.length; k++) {
            order[k] = idx[k];
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(reco.pt(b), reco.pt(a)));
        int n = order.length;
        double[] pt = new double[n], eta = new double[n], phi = new double[n], deta = new double[n],
                dphi = new double[n], d0 = new double[n], d0e = new double[n], dz = new double[n], dze = new double[n];
        int[] q = new int[n], cls = new int[n], fl = new int[n], org = new int[n];
        double jEta = axis.eta();
        double jPhi = axis.phi();
        double jx = axis.px() / axis.pt();
        double jy = axis.py() / axis.pt();
        for (int k = 0; k < n; k++) {
            int i = order[k];
            FourMomentum p = reco.momentum(i);
            pt[k] = p.pt();
            eta[k] = p.eta();
            phi[k] = p.phi();
            deta[k] = eta[k] - jEta;
            dphi[k] = Angles.deltaPhi(phi[k], jPhi);
            // the closest approach lies at d0·(py, −px)/pT; sign it by the jet direction (lifetime sign)
            double side = (reco.py()[i] * jx - reco.px()[i] * jy);
            d0[k] = side >= 0 ? reco.d0()[i] : -reco.d0()[i];
            d0e[k] = reco.d0err()[i];
            dz[k] = reco.dz()[i];
            dze[k] = reco.dzerr()[i];
            q[k] = reco.charge()[i];
            cls[k] = reco.pidClass()[i];
            fl[k] = reco.flags()[i];
            org[k] = reco.vertex()[i];
        }
        int parton = 0;
        double best = radius;
        for (HardParton hp : truth.hardPartons()) {
            if (Math.abs(hp.pdg()) == 6) {
                continue;
            }
            double dr = hp.momentum().deltaR(axis);
            if (dr < best) {
                best = dr;
                parton = hp.pdg();
            }
        }
        return new FlavourJet(eventIndex, axis.pt(), jEta, jPhi, axis.m(), label(axis, truth.heavyHadrons(), radius),
                parton, pt, eta, phi, deta, dphi, d0, d0e, dz, dze, q, cls, fl, org);
    }
}
