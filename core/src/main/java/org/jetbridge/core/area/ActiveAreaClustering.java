package org.jetbridge.core.area;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jetbridge.core.ClusterSequence;
import org.jetbridge.core.ClusteringStrategy;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;

/**
 * Jets with active areas from explicit ghosts: the real particles are clustered together with a dense grid of
 * infinitesimally soft ghosts ({@link AreaDefinition}), and a jet's area is the number of ghosts it swallowed
 * times the ghost cell area (y × φ units). Ghosts never change the real content of a jet for infrared-safe
 * algorithms. The sum of the areas of all jets, pure-ghost jets included, is exactly the ghosted area
 * (ghost count × cell area ≈ 4π y_max).
 *
 * <p>Cost: one clustering of n + g inputs per repeat (g = 7560 for the defaults), with the strategy chosen by
 * {@link ClusterSequence} for that size.
 */
public final class ActiveAreaClustering {
    private final AreaDefinition areaDefinition;
    private final ClusterSequence sequence;
    private final Ghosts ghosts;
    // per history entry of the first repeat: ghost count and summed area four-vector
    private final int[] ghostCount;
    private final double[] vx, vy, vz, ve;
    // real jets of the first repeat (by history index) → areas averaged over all repeats that contain them
    private final Map<Integer, double[]> repeatAverages;

    /** Clusters the particles (GeV) plus ghosts with the given jet definition. */
    public ActiveAreaClustering(List<FourMomentum> particles, JetDefinition jetDefinition, AreaDefinition area) {
        this(particles, jetDefinition, area, ClusteringStrategy.AUTO);
    }

    /** As above with an explicit clustering strategy (results do not depend on it). */
    public ActiveAreaClustering(List<FourMomentum> particles, JetDefinition jetDefinition, AreaDefinition area,
            ClusteringStrategy strategy) {
        checkGhostScale(jetDefinition, area);
        this.areaDefinition = area;
        SplittableRandom root = new SplittableRandom(area.seed());
        this.ghosts = Ghosts.generate(area, root.split());
        this.sequence = new ClusterSequence(particles, ghosts.momenta, jetDefinition, strategy);
        int nh = sequence.historySize();
        ghostCount = new int[nh];
        vx = new double[nh];
        vy = new double[nh];
        vz = new double[nh];
        ve = new double[nh];
        accumulate(sequence, ghosts, ghostCount, vx, vy, vz, ve);
        if (area.repeats() == 1) {
            repeatAverages = Map.of();
        } else {
            repeatAverages = averageOverRepeats(particles, jetDefinition, strategy, root);
        }
    }

    /**
     * Ghost distances scale as pT_ghost^{2p}; they must stay normal, finite doubles below the anti-kt cap, or
     * ghosts would tie with each other (underflow) or with zero-pT inputs (overflow) and areas would be wrong.
     */
    private static void checkGhostScale(JetDefinition def, AreaDefinition area) {
        double lo = area.meanGhostPt() * (1 - area.ptScatter() / 2);
        double hi = area.meanGhostPt() * (1 + area.ptScatter() / 2);
        for (double pt : new double[] {lo, hi}) {
            double f = def.momentumFactor(pt * pt);
            if (!(f >= Double.MIN_NORMAL * 1e10) || !(f < 1e290)) {
                throw new IllegalArgumentException("area definition: ghost pT " + pt + " GeV gives a distance factor "
                        + f + " for " + def + " (p = " + def.p() + "), outside the safe double range; choose "
                        + "meanGhostPt so that pT^(2p) stays within 1e-298 … 1e290");
            }
        }
    }

    /** Fills per-history-entry ghost counts and area-vector sums; parents always precede children. */
    private static void accumulate(ClusterSequence cs, Ghosts g, int[] count, double[] x, double[] y, double[] z,
            double[] t) {
        int nReal = cs.realInputCount();
        int nIn = cs.inputCount();
        for (int h = 0; h < cs.historySize(); h++) {
            if (h < nIn) {
                if (h >= nReal) {
                    int k = h - nReal;
                    count[h] = 1;
                    x[h] = g.ax[k];
                    y[h] = g.ay[k];
                    z[h] = g.az[k];
                    t[h] = g.ae[k];
                }
                continue;
            }
            int p1 = cs.parent1(h);
            int p2 = cs.parent2(h);
            count[h] = count[p1];
            x[h] = x[p1];
            y[h] = y[p1];
            z[h] = z[p1];
            t[h] = t[p1];
            if (p2 >= 0) {
                count[h] += count[p2];
                x[h] += x[p2];
                y[h] += y[p2];
                z[h] += z[p2];
                t[h] += t[p2];
            }
        }
    }

    private record Content(int[] idx) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Content c && Arrays.equals(idx, c.idx);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(idx);
        }
    }

    /**
     * Re-clusters with independent ghost sets and averages, for each real jet of the first repeat, the area and
     * area vector over the repeats that contain a jet of identical real content (for infrared-safe algorithms
     * that is every repeat).
     */
    private Map<Integer, double[]> averageOverRepeats(List<FourMomentum> particles, JetDefinition def,
            ClusteringStrategy strategy, SplittableRandom root) {
        Map<Content, Integer> first = new HashMap<>();
        Map<Integer, double[]> sums = new HashMap<>();
        for (Jet j : sequence.inclusiveJets(0.0)) {
            int[] idx = j.constituentIndices();
            if (idx.length > 0) {
                int h = j.historyIndex();
                first.put(new Content(idx), h);
                sums.put(h, new double[] {ghostCount[h] * ghosts.cellArea, vx[h], vy[h], vz[h], ve[h], 1});
            }
        }
        for (int r = 1; r < areaDefinition.repeats(); r++) {
            Ghosts g = Ghosts.generate(areaDefinition, root.split());
            ClusterSequence cs = new ClusterSequence(particles, g.momenta, def, strategy);
            int nh = cs.historySize();
            int[] c = new int[nh];
            double[] x = new double[nh], y = new double[nh], z = new double[nh], t = new double[nh];
            accumulate(cs, g, c, x, y, z, t);
            for (Jet j : cs.inclusiveJets(0.0)) {
                int[] idx = j.constituentIndices();
                Integer h0 = idx.length > 0 ? first.get(new Content(idx)) : null;
                if (h0 != null) {
                    int h = j.historyIndex();
                    double[] s = sums.get(h0);
                    s[0] += c[h] * g.cellArea;
                    s[1] += x[h];
                    s[2] += y[h];
                    s[3] += z[h];
                    s[4] += t[h];
                    s[5] += 1;
                }
            }
        }
        return sums;
    }

    public AreaDefinition areaDefinition() {
        return areaDefinition;
    }

    /** The clustering of the first ghost set (inputs: the particles, then the ghosts). */
    public ClusterSequence sequence() {
        return sequence;
    }

    /** Area of one ghost cell. */
    public double ghostArea() {
        return ghosts.cellArea;
    }

    /** Total ghosted area: ghost count × cell area (≈ 4π y_max). */
    public double totalGhostArea() {
        return ghosts.momenta.size() * ghosts.cellArea;
    }

    /**
     * Area of a jet of {@link #sequence()} (any history entry: inclusive jet, subjet, …). For real jets with
     * repeats &gt; 1 the average over repeats; otherwise that of the first ghost set.
     */
    public AreaJet areaOf(Jet jet) {
        if (jet.sequence() != sequence) {
            throw new IllegalArgumentException("jet does not belong to this area clustering's sequence");
        }
        int h = jet.historyIndex();
        double[] avg = repeatAverages.get(h);
        if (avg != null) {
            double n = avg[5];
            return new AreaJet(jet, avg[0] / n, new FourMomentum(avg[1] / n, avg[2] / n, avg[3] / n, avg[4] / n));
        }
        return new AreaJet(jet, ghostCount[h] * ghosts.cellArea, new FourMomentum(vx[h], vy[h], vz[h], ve[h]));
    }

    /** Inclusive jets containing at least one real particle, with pT ≥ ptMin (GeV), by decreasing pT. */
    public List<AreaJet> inclusiveJets(double ptMin) {
        List<AreaJet> out = new ArrayList<>();
        for (Jet j : sequence.inclusiveJets(ptMin)) {
            AreaJet a = areaOf(j);
            if (!a.isPureGhost()) {
                out.add(a);
            }
        }
        return out;
    }

    /** All inclusive jets of the first ghost set, pure-ghost jets included (for background estimation). */
    public List<AreaJet> allJets() {
        List<AreaJet> out = new ArrayList<>();
        for (Jet j : sequence.inclusiveJets(0.0)) {
            out.add(areaOf(j));
        }
        return out;
    }
}
