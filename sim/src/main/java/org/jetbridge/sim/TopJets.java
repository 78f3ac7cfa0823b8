package org.jetbridge.sim;

import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.ClusterSequence;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;

/**
 * Hard-scatter top jets at particle level for pile-up studies: visible stable particles of the tt̄ interaction
 * with pT &gt; 1 GeV and |η| &lt; 2.5 are clustered with anti-kt R = 1.0; the leading jet is kept when its pT
 * exceeds 250 GeV, with up to 200 constituents.
 */
public final class TopJets {
    public static final double RADIUS = 1.0;
    public static final double JET_PT_MIN = 250.0;
    public static final double PARTICLE_PT_MIN = 1.0;
    public static final double ETA_MAX = 2.5;
    public static final int MAX_CONSTITUENTS = 200;

    private final Generator generator;

    public TopJets(GeneratorSettings settings) {
        this.generator = new Generator(settings);
    }

    public Generator generator() {
        return generator;
    }

    /** The top jet of one generated event, or null when no jet passes. */
    public TopJet event(long eventIndex, RandomStream rng) {
        return fromTruth(eventIndex, generator.ttbarEvent(rng));
    }

    /** Top jets of events first … first+count−1 (events without a passing jet are skipped), in event order. */
    public List<TopJet> generate(long seed, long first, int count, int threads) {
        List<TopJet> out = new ArrayList<>();
        for (TopJet j : EventLoop.run(seed, first, count, threads, this::event)) {
            if (j != null) {
                out.add(j);
            }
        }
        return out;
    }

    /** Selects the hard-scatter visible particles of a truth event and builds its top jet, or null. */
    public static TopJet fromTruth(long eventIndex, TruthEvent t) {
        List<FourMomentum> in = new ArrayList<>();
        List<Integer> charges = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.interaction()[i] != 0 || Species.isNeutrino(t.pdg()[i])) {
                continue;
            }
            FourMomentum p = t.momentum(i);
            if (p.pt() > PARTICLE_PT_MIN && Math.abs(p.eta()) < ETA_MAX) {
                in.add(p);
                charges.add(t.charge()[i]);
            }
        }
        List<Jet> jets = new ClusterSequence(in, JetDefinition.antiKt(RADIUS)).inclusiveJets(JET_PT_MIN);
        if (jets.isEmpty()) {
            return null;
        }
        Jet lead = jets.get(0);
        for (Jet j : jets) {
            if (j.pt() > lead.pt()) {
                lead = j;
            }
        }
        int[] idx = lead.constituentIndices();
        List<FourMomentum> ps = new ArrayList<>(idx.length);
        int[] q = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            ps.add(in.get(idx[k]));
            q[k] = charges.get(idx[k]);
        }
        FourMomentum top = null;
        double best = Double.MAX_VALUE;
        for (HardParton hp : t.hardPartons()) {
            if (Math.abs(hp.pdg()) == 6 && hp.momentum().deltaR(lead.momentum()) < best) {
                best = hp.momentum().deltaR(lead.momentum());
                top = hp.momentum();
            }
        }
        return new TopJet(eventIndex, lead.momentum(),
                Constituents.sorted(ps, q, new int[idx.length], MAX_CONSTITUENTS), top);
    }
}
