package org.jetbridge.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A jet: a four-momentum (GeV) and its constituents. A jet that came out of a {@link ClusterSequence} also knows
 * its place in the clustering history, so it can be declustered ({@link #parents()}); a jet built directly from
 * momenta ({@link #of}) or changed by a subtraction ({@link #withMomentum}) keeps its constituents but has no
 * history of its own beyond what it was derived from.
 */
public final class Jet {
    private final FourMomentum momentum;
    private final ClusterSequence sequence;
    private final int historyIndex;
    private final List<FourMomentum> ownConstituents;

    Jet(ClusterSequence sequence, int historyIndex) {
        this.sequence = sequence;
        this.historyIndex = historyIndex;
        this.momentum = sequence.momentumOfHistory(historyIndex);
        this.ownConstituents = null;
    }

    private Jet(FourMomentum momentum, ClusterSequence sequence, int historyIndex, List<FourMomentum> own) {
        this.momentum = momentum;
        this.sequence = sequence;
        this.historyIndex = historyIndex;
        this.ownConstituents = own;
    }

    /** A jet with the given constituents, its momentum their E-scheme sum. */
    public static Jet of(List<FourMomentum> constituents) {
        List<FourMomentum> c = List.copyOf(constituents);
        return new Jet(FourMomentum.sum(c), null, -1, c);
    }

    /** The same constituents (and history) with a different four-momentum, e.g. after background subtraction. */
    public Jet withMomentum(FourMomentum p) {
        return new Jet(p, sequence, historyIndex, ownConstituents);
    }

    public FourMomentum momentum() {
        return momentum;
    }

    public double pt() {
        return momentum.pt();
    }

    public double pt2() {
        return momentum.pt2();
    }

    public double rapidity() {
        return momentum.rapidity();
    }

    public double eta() {
        return momentum.eta();
    }

    /** Azimuth in (−π, π]. */
    public double phi() {
        return momentum.phi();
    }

    /** Signed mass (negative for m² &lt; 0). */
    public double m() {
        return momentum.m();
    }

    public double m2() {
        return momentum.m2();
    }

    public double e() {
        return momentum.e();
    }

    /** The cluster sequence this jet came from, or null. */
    public ClusterSequence sequence() {
        return sequence;
    }

    /** Index of this jet in its sequence's history, or −1. */
    public int historyIndex() {
        return historyIndex;
    }

    /** Constituents' input indices in the cluster sequence, ascending. Empty for a jet not from a sequence. */
    public int[] constituentIndices() {
        return sequence == null ? new int[0] : sequence.constituentIndices(historyIndex);
    }

    /** The constituents' four-momenta (input order of the sequence, or as given to {@link #of}). */
    public List<FourMomentum> constituents() {
        if (ownConstituents != null) {
            return ownConstituents;
        }
        int[] idx = constituentIndices();
        List<FourMomentum> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(sequence.input(i));
        }
        return out;
    }

    public int constituentCount() {
        return ownConstituents != null ? ownConstituents.size() : constituentIndices().length;
    }

    /** True when the jet was formed by a merge of two parents in its sequence. */
    public boolean hasParents() {
        return sequence != null && historyIndex >= 0 && sequence.parent1(historyIndex) >= 0
                && sequence.parent2(historyIndex) >= 0;
    }

    /** The two parents of the last merge, harder-in-pT first, or empty for a single particle. */
    public Optional<Jet[]> parents() {
        if (!hasParents()) {
            return Optional.empty();
        }
        Jet a = new Jet(sequence, sequence.parent1(historyIndex));
        Jet b = new Jet(sequence, sequence.parent2(historyIndex));
        return Optional.of(a.pt2() >= b.pt2() ? new Jet[] {a, b} : new Jet[] {b, a});
    }

    /** Distance d_ij of the merge that formed this jet (0 for a single input). */
    public double mergeDistance() {
        return hasParents() ? sequence.dij(historyIndex) : 0.0;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Jet(pt=%.6g, y=%.6g, phi=%.6g, m=%.6g)", pt(), rapidity(), phi(), m());
    }
}
