package org.jetbridge.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The result of clustering a list of four-momenta with a {@link JetDefinition}: the full recombination history,
 * from which inclusive jets, exclusive jets and subjets are read.
 *
 * <p>History layout: entries 0 … n−1 are the inputs; every later entry is one clustering step, either a
 * merge of two earlier entries ({@link #parent1(int)}, {@link #parent2(int)}) or a merge of one entry with the
 * beam ({@link #parent2(int)} = {@link #BEAM}). Each step records its distance d (normalised by R²) and the
 * largest distance so far. Units: momenta in GeV; d_ij in GeV^{2p}.
 *
 * <p>Internally all pseudojets live in flat arrays (struct of arrays); {@link Jet} objects are views.
 *
 * <p>Strategies ({@link ClusteringStrategy}; the history is identical for all of them, ties included):
 * <ul>
 * <li>{@code N2_PLAIN}: nearest-neighbour bookkeeping over all pairs: O(N²) time (one pass over the remaining
 * objects per step plus a full search for each object that lost its neighbour), O(N) memory; the only one used
 * for R ≥ π/2 (including {@link JetDefinition#MAX_RADIUS}).</li>
 * <li>{@code N2_TILED}: (y, φ) tiles of side ≥ R searched lazily (a tile is skipped when its edge is farther
 * than what could matter); neighbour repairs cost O(ρR²) per step (ρ = particles per unit y·φ), but the
 * smallest d_i is still found by a linear scan: O(N·ρR² + N²) with a small N² constant.</li>
 * <li>{@code N2_MINHEAP_TILED}: as tiled, with the d_i in a binary tournament tree (min-heap over slots):
 * O(N·(ρR² + log N)) time, O(N + number of tiles) memory; degrades towards O(N²) only when most particles lie
 * within R of each other.</li>
 * <li>{@code N2_TILED_DENSE}: same complexity; each tile's members stored contiguously with their nearest
 * neighbours, and after a merge every tile around the new jet scanned in full (no per-tile bounds): less
 * bookkeeping per step, more distances, so it wins while tiles are sparse (up to a few thousand particles).</li>
 * <li>{@code AUTO}: plain below 55 + 50·R inputs or for R ≥ π/2, dense tiled below 4500, min-heap tiled above
 * (crossovers measured with the {@code bench} module, see docs/performance.md).</li>
 * </ul>
 * A requested tiled strategy with R ≥ π/2 runs the plain loop; {@link #strategy()} reports what ran.
 */
public final class ClusterSequence {

    /** Parent id of input entries (they have no parents). */
    public static final int NO_PARENT = -2;
    /** Parent2 of a step that merged an object with the beam. */
    public static final int BEAM = -1;
    /** Child id of an entry that was never merged further. */
    public static final int NO_CHILD = -1;

    private final JetDefinition definition;
    private final int n;
    private final int nReal; // inputs nReal..n-1 are ghosts (see the ghost constructor)
    private final ClusteringStrategy strategyUsed;

    // Pseudojets: inputs 0..n-1, then one per pairwise merge.
    final double[] px, py, pz, e, rap, phi, pt2;
    int nJets;
    private final int[] jetHistory; // history index that created each pseudojet

    // History (2n entries once clustering is complete).
    private final int[] hParent1, hParent2, hChild, hJet;
    private final double[] hDij, hMaxDij;
    private int nHist;

    /** Clusters the inputs with the strategy chosen automatically by size. */
    public ClusterSequence(List<FourMomentum> inputs, JetDefinition definition) {
        this(inputs, definition, ClusteringStrategy.AUTO);
    }

    /**
     * Clusters the inputs with the given strategy (results do not depend on it; see the class comment for the
     * complexity of each).
     */
    public ClusterSequence(List<FourMomentum> inputs, JetDefinition definition, ClusteringStrategy strategy) {
        this(inputs, List.of(), definition, strategy);
    }

    /**
     * Clusters real inputs together with ghosts (infinitesimally soft momenta used to measure jet areas, see
     * {@code org.jetbridge.core.area}). Input indices 0 … r−1 are the r real inputs and r … r+g−1 the g ghosts,
     * in the given orders; ghosts take part in the clustering like any input but are left out of
     * {@link Jet#constituents()} and {@link Jet#constituentIndices()}. All other accessors (history,
     * {@link #inputCount()}, exclusive jets) count ghosts as inputs.
     */
    public ClusterSequence(List<FourMomentum> inputs, List<FourMomentum> ghosts, JetDefinition definition,
            ClusteringStrategy strategy) {
        this.definition = definition;
        this.nReal = inputs.size();
        this.n = inputs.size() + ghosts.size();
        int cap = Math.max(1, 2 * n);
        px = new double[cap];
        py = new double[cap];
        pz = new double[cap];
        e = new double[cap];
        rap = new double[cap];
        phi = new double[cap];
        pt2 = new double[cap];
        jetHistory = new int[cap];
        hParent1 = new int[cap];
        hParent2 = new int[cap];
        hChild = new int[cap];
        hJet = new int[cap];
        hDij = new double[cap];
        hMaxDij = new double[cap];
        for (int i = 0; i < n; i++) {
            FourMomentum p = i < nReal ? inputs.get(i) : ghosts.get(i - nReal);
            if (!p.isFinite()) {
                throw new IllegalArgumentException((i < nReal ? "clustering input " + i : "ghost " + (i - nReal))
                        + " has a non-finite component: " + p);
            }
            addJet(p.px(), p.py(), p.pz(), p.e());
            hParent1[i] = NO_PARENT;
            hParent2[i] = NO_PARENT;
            hChild[i] = NO_CHILD;
            hJet[i] = i;
            hDij[i] = 0.0;
            hMaxDij[i] = 0.0;
            jetHistory[i] = i;
        }
        nHist = n;
        this.strategyUsed = ClusteringStrategies.resolve(strategy, n, definition);
        ClusteringStrategies.run(this, strategyUsed);
    }

    // ---------------------------------------------------------------- steps used by the strategies

    private int addJet(double x, double y, double z, double t) {
        int k = nJets++;
        px[k] = x;
        py[k] = y;
        pz[k] = z;
        e[k] = t;
        pt2[k] = x * x + y * y;
        phi[k] = FourMomentum.phi02pi(x, y);
        rap[k] = FourMomentum.rapidity(x, y, z, t);
        return k;
    }

    /** Merges pseudojets a and b at normalised distance dij; returns the index of the new pseudojet. */
    int mergeJets(int a, int b, double dij) {
        int k;
        if (definition.recombination() == RecombinationScheme.E_SCHEME) {
            k = addJet(px[a] + px[b], py[a] + py[b], pz[a] + pz[b], e[a] + e[b]);
        } else {
            int hard = pt2[a] >= pt2[b] ? a : b;
            double ptSum = Math.sqrt(pt2[a]) + Math.sqrt(pt2[b]);
            double m2 = (e[hard] + pz[hard]) * (e[hard] - pz[hard]) - pt2[hard];
            double m = m2 < 0 ? -Math.sqrt(-m2) : Math.sqrt(m2);
            FourMomentum w = FourMomentum.fromPtYPhiM(ptSum, rap[hard], phi[hard], m);
            k = addJet(w.px(), w.py(), w.pz(), w.e());
            // keep the winner's direction exactly, not its round-trip through (px, py, pz, E)
            phi[k] = phi[hard];
            rap[k] = rap[hard];
        }
        int h = addHistory(jetHistory[a], jetHistory[b], k, dij);
        jetHistory[k] = h;
        return k;
    }

    /** Merges pseudojet a with the beam at normalised distance diB. */
    void mergeWithBeam(int a, double diB) {
        addHistory(jetHistory[a], BEAM, -1, diB);
    }

    private int addHistory(int p1, int p2, int jet, double d) {
        int h = nHist++;
        hParent1[h] = p1;
        hParent2[h] = p2;
        hChild[h] = NO_CHILD;
        hJet[h] = jet;
        hDij[h] = d;
        hMaxDij[h] = Math.max(d, h > 0 ? hMaxDij[h - 1] : 0.0);
        hChild[p1] = h;
        if (p2 >= 0) {
            hChild[p2] = h;
        }
        return h;
    }

    // ---------------------------------------------------------------- public API

    public JetDefinition definition() {
        return definition;
    }

    /** The strategy that was actually run (never AUTO). */
    public ClusteringStrategy strategy() {
        return strategyUsed;
    }

    /** Number of inputs, ghosts included. */
    public int inputCount() {
        return n;
    }

    /** Number of real (non-ghost) inputs; they have input indices 0 … realInputCount()−1. */
    public int realInputCount() {
        return nReal;
    }

    /** True when input i is a ghost. */
    public boolean isGhost(int i) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("input " + i + " of " + n);
        }
        return i >= nReal;
    }

    /** Input four-momentum i. */
    public FourMomentum input(int i) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("input " + i + " of " + n);
        }
        return new FourMomentum(px[i], py[i], pz[i], e[i]);
    }

    /** Number of history entries (2n once clustering is complete). */
    public int historySize() {
        return nHist;
    }

    public int parent1(int h) {
        return hParent1[h];
    }

    public int parent2(int h) {
        return hParent2[h];
    }

    public int child(int h) {
        return hChild[h];
    }

    /** Normalised distance of step h (0 for inputs). */
    public double dij(int h) {
        return hDij[h];
    }

    /** Largest step distance up to and including step h. */
    public double maxDijSoFar(int h) {
        return hMaxDij[h];
    }

    /** The jet created at history entry h (an input for h &lt; n), or null for a beam step. */
    public Jet jetAtHistory(int h) {
        return hJet[h] < 0 ? null : new Jet(this, h);
    }

    FourMomentum momentumOfHistory(int h) {
        int k = hJet[h];
        return new FourMomentum(px[k], py[k], pz[k], e[k]);
    }

    /** Inclusive jets (those merged with the beam) with pT ≥ ptMin, by decreasing pT. */
    public List<Jet> inclusiveJets(double ptMin) {
        double pt2Min = ptMin * ptMin;
        List<Jet> jets = new ArrayList<>();
        for (int h = n; h < nHist; h++) {
            if (hParent2[h] == BEAM) {
                int p = hParent1[h];
                if (pt2[hJet[p]] >= pt2Min) {
                    jets.add(new Jet(this, p));
                }
            }
        }
        return sortedByPt(jets);
    }

    /**
     * Exactly n exclusive jets (the state of the clustering when n objects remained), by decreasing pT. Meaningful
     * for kt and Cambridge/Aachen. Throws when fewer than n inputs exist.
     */
    public List<Jet> exclusiveJets(int njets) {
        if (njets < 0 || njets > n) {
            throw new IllegalArgumentException("asked for " + njets + " exclusive jets but there are only " + n + " inputs");
        }
        int stop = 2 * n - njets;
        List<Jet> jets = new ArrayList<>(njets);
        for (int h = stop; h < nHist; h++) {
            int p1 = hParent1[h];
            if (p1 < stop) {
                jets.add(new Jet(this, p1));
            }
            int p2 = hParent2[h];
            if (p2 >= 0 && p2 < stop) {
                jets.add(new Jet(this, p2));
            }
        }
        if (jets.size() != njets) {
            throw new IllegalStateException("exclusive clustering is incomplete: found " + jets.size() + " of " + njets
                    + " jets (the radius may be too small for exclusive clustering)");
        }
        return sortedByPt(jets);
    }

    /** Exclusive jets: all objects left when every remaining d_ij, d_iB exceeds dcut, by decreasing pT. */
    public List<Jet> exclusiveJets(double dcut) {
        return exclusiveJets(exclusiveJetCount(dcut));
    }

    /** Number of exclusive jets at resolution dcut. */
    public int exclusiveJetCount(double dcut) {
        int i = nHist - 1;
        while (i >= 0 && hMaxDij[i] > dcut) {
            i--;
        }
        int stop = i + 1;
        return 2 * n - stop;
    }

    /** The d_ij of the step that went from njets+1 to njets objects (0 when njets ≥ n). */
    public double exclusiveDmerge(int njets) {
        if (njets >= n) {
            return 0.0;
        }
        return hDij[2 * n - njets - 1];
    }

    /** The largest d of all steps up to the one that went from njets+1 to njets objects. */
    public double exclusiveDmergeMax(int njets) {
        if (njets >= n) {
            return 0.0;
        }
        return hMaxDij[2 * n - njets - 1];
    }

    /**
     * The jet split back into at most nsub subjets by undoing its last merges (fewer when it has fewer
     * constituents), by decreasing pT.
     */
    public List<Jet> exclusiveSubjets(Jet jet, int nsub) {
        checkOwn(jet);
        TreeSet<Integer> set = new TreeSet<>();
        set.add(jet.historyIndex());
        while (set.size() < nsub) {
            int top = set.last();
            if (hParent1[top] < 0) {
                break;
            }
            set.remove(top);
            set.add(hParent1[top]);
            set.add(hParent2[top]);
        }
        return subjetsOf(set);
    }

    /** The jet split into the subjets that were not yet merged when the distance reached dcut, by decreasing pT. */
    public List<Jet> exclusiveSubjets(Jet jet, double dcut) {
        checkOwn(jet);
        List<Integer> out = new ArrayList<>();
        TreeSet<Integer> set = new TreeSet<>();
        set.add(jet.historyIndex());
        while (!set.isEmpty()) {
            int top = set.pollLast();
            if (hMaxDij[top] <= dcut || hParent1[top] < 0) {
                out.add(top);
            } else {
                set.add(hParent1[top]);
                set.add(hParent2[top]);
            }
        }
        return subjetsOf(out);
    }

    /** The distance at which the jet went from nsub to nsub−1 subjets... i.e. the d of the (nsub−1)-th last merge. */
    public double exclusiveSubdmerge(Jet jet, int nsub) {
        checkOwn(jet);
        TreeSet<Integer> set = new TreeSet<>();
        set.add(jet.historyIndex());
        double d = 0.0;
        while (set.size() < nsub + 1) {
            int top = set.last();
            if (hParent1[top] < 0) {
                return 0.0;
            }
            d = hDij[top];
            set.remove(top);
            set.add(hParent1[top]);
            set.add(hParent2[top]);
        }
        return d;
    }

    private List<Jet> subjetsOf(Iterable<Integer> hs) {
        List<Jet> jets = new ArrayList<>();
        for (int h : hs) {
            jets.add(new Jet(this, h));
        }
        return sortedByPt(jets);
    }

    private void checkOwn(Jet jet) {
        if (jet.sequence() != this) {
            throw new IllegalArgumentException("jet does not belong to this cluster sequence");
        }
    }

    /** Input indices of all real (non-ghost) constituents below history entry h, ascending. */
    int[] constituentIndices(int h) {
        int[] out = new int[8];
        int count = 0;
        int[] stack = new int[16];
        int sp = 0;
        stack[sp++] = h;
        while (sp > 0) {
            int x = stack[--sp];
            if (hParent1[x] < 0) {
                if (x >= nReal) {
                    continue;
                }
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = x;
            } else {
                if (sp + 2 > stack.length) {
                    stack = Arrays.copyOf(stack, stack.length * 2);
                }
                stack[sp++] = hParent1[x];
                stack[sp++] = hParent2[x];
            }
        }
        int[] r = Arrays.copyOf(out, count);
        Arrays.sort(r);
        return r;
    }

    static List<Jet> sortedByPt(List<Jet> jets) {
        jets.sort(Comparator.comparingDouble(Jet::pt2).reversed());
        return jets;
    }
}
