package org.jetbridge.core;

import static org.jetbridge.core.ClusteringStrategies.closer;
import static org.jetbridge.core.ClusteringStrategies.dist;

import java.util.Arrays;

/**
 * Non-lazy tiled nearest-neighbour clustering over (y, φ) tiles at least R wide, laid out for the JVM: every
 * object's hot fields (y, φ, momentum factor, nearest-neighbour distance; pseudojet index and that of its nearest
 * neighbour) sit in two strided arrays, tile by tile, so a neighbour scan walks memory linearly with no indirection.
 * Objects are named by their pseudojet index, so moving a member (compaction on removal, re-layout) renames nothing,
 * and the smallest (d_i, pseudojet index) comes from a tournament tree whose leaves are the pseudojet indices.
 * After a merge, every tile around the new jet and the merged ones is scanned in full (no per-tile bounds to keep
 * up, unlike {@link TiledClustering}); a nearest-neighbour search skips a neighbouring tile only when its edge is
 * farther than the best distance found so far. Requires R &lt; π/2.
 */
final class DenseTiledClustering {
    /** Doubles per member: y, φ, momentum factor, nearest-neighbour distance. */
    private static final int DS = 4;
    /** Ints per member: pseudojet index, pseudojet index of the nearest neighbour (−1 for none within R). */
    private static final int IS = 2;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Working arrays reused by the next run on the thread (they only grow), under the same retention limits as
     * {@link ClusteringScratch}, which says why reuse pays.
     */
    private static final class Scratch {
        int[] nbr = new int[0];
        int[] tStart = new int[0];
        int[] tCount = new int[0];
        int[] tCap = new int[0];
        int[] tileStamp = new int[0];
        int[] nearK = new int[0];
        double[] md = new double[0];
        int[] mi = new int[0];
        double[] spareD = new double[0];
        int[] spareI = new int[0];
        int[] pos = new int[0];
        int[] tileOf = new int[0];
        double[] fOf = new double[0];
        int[] slotOf = new int[0];
        int[] jetOf = new int[0];
        int[] win = new int[0];
        double[] wd = new double[0];
    }

    private final ClusterSequence cs;
    private final JetDefinition def;
    private final int n;
    private final double r2;
    private final int ny;
    private final int nphi;
    private final int nTiles;
    private final TileGrid grid;
    private final double[] edgeS = new double[9];
    private final int[] nbr; // 9 per tile, own tile first, −1 beyond the first or last row
    private final int[] tStart;
    private final int[] tCount;
    private final int[] tCap;
    private final int[] tileStamp;
    private final int[] nearK; // tiles around the new jet carry the step's stamp
    private double kBest;
    private double best; // running result of search: distance and pseudojet index
    private int bestIdx;
    private int kBestIdx;
    private int stamp;
    private double[] md;
    private int[] mi;
    private double[] spareD;
    private int[] spareI;
    private final int[] pos; // per pseudojet: member position
    private final int[] tileOf; // per pseudojet
    private final double[] fOf; // per pseudojet: momentum factor
    // tournament tree over slots, leaves at [size, size + n): slots start in tile order, a merged jet takes the
    // slot of the step's winner, so its leaf is refilled and one replay of that path serves the whole step
    private final int size;
    private final int[] slotOf; // per pseudojet
    private final int[] jetOf; // per slot
    private final int[] win;
    private final double[] wd;

    DenseTiledClustering(ClusterSequence cs) {
        this.cs = cs;
        this.def = cs.definition();
        this.n = cs.inputCount();
        double r = def.radius();
        r2 = r * r;
        grid = new TileGrid(cs, r);
        ny = grid.ny;
        nphi = grid.nphi;
        nTiles = grid.nTiles;
        int jets = Math.max(1, 2 * n);
        int s = 1;
        while (s < n) {
            s <<= 1;
        }
        size = s;
        boolean retained = n <= ClusteringScratch.MAX_RETAINED_SLOTS && nTiles <= ClusteringScratch.MAX_RETAINED_TILES;
        Scratch sc = retained ? SCRATCH.get() : new Scratch();
        if (sc.tStart.length < nTiles) {
            int len = Math.max(nTiles, sc.tStart.length * 3 / 2);
            sc.tStart = new int[len];
            sc.tCount = new int[len];
            sc.tCap = new int[len];
            sc.tileStamp = new int[len];
            sc.nearK = new int[len];
            sc.nbr = new int[9 * len];
        }
        int members = 2 * n + 2 * nTiles;
        if (sc.mi.length < IS * members) {
            int len = Math.max(members, sc.mi.length / IS * 3 / 2);
            sc.md = new double[DS * len];
            sc.spareD = new double[DS * len];
            sc.mi = new int[IS * len];
            sc.spareI = new int[IS * len];
        }
        if (sc.pos.length < jets) {
            int len = Math.max(jets, sc.pos.length * 3 / 2);
            sc.pos = new int[len];
            sc.tileOf = new int[len];
            sc.fOf = new double[len];
            sc.slotOf = new int[len];
            sc.jetOf = new int[len];
        }
        if (sc.win.length < 2 * s) {
            sc.win = new int[2 * s];
            sc.wd = new double[2 * s];
        }
        nbr = sc.nbr;
        tStart = sc.tStart;
        tCount = sc.tCount;
        tCap = sc.tCap;
        tileStamp = sc.tileStamp;
        nearK = sc.nearK;
        md = sc.md;
        mi = sc.mi;
        spareD = sc.spareD;
        spareI = sc.spareI;
        pos = sc.pos;
        tileOf = sc.tileOf;
        fOf = sc.fOf;
        slotOf = sc.slotOf;
        jetOf = sc.jetOf;
        win = sc.win;
        wd = sc.wd;
        Arrays.fill(tCount, 0, nTiles, 0);
        Arrays.fill(tileStamp, 0, nTiles, 0);
        Arrays.fill(nearK, 0, nTiles, 0);
        for (int iy = 0; iy < ny; iy++) {
            for (int ip = 0; ip < nphi; ip++) {
                int t = iy * nphi + ip;
                int l = ip == 0 ? nphi - 1 : ip - 1;
                int rr = ip == nphi - 1 ? 0 : ip + 1;
                int b = 9 * t;
                for (int k = 0; k < 9; k++) {
                    int yy = iy + k / 3 - 1;
                    int col = k % 3 == 0 ? l : k % 3 == 1 ? ip : rr;
                    nbr[b + k] = yy < 0 || yy >= ny ? -1 : yy * nphi + col;
                }
            }
        }
    }

    private int tileFor(double yj, double pj) {
        return grid.row(yj) * nphi + grid.column(pj);
    }

    void run() {
        for (int i = 0; i < n; i++) {
            int t = tileFor(cs.rap[i], cs.phi[i]);
            tileOf[i] = t;
            tCount[t]++;
        }
        int at = 0;
        for (int t = 0; t < nTiles; t++) {
            tStart[t] = at;
            tCap[t] = 2 * tCount[t] + 2;
            at += tCap[t];
            tCount[t] = 0;
        }
        for (int i = 0; i < n; i++) {
            fOf[i] = def.momentumFactor(cs.pt2[i]);
            place(i);
        }
        Arrays.fill(win, 0, 2 * size, -1);
        Arrays.fill(wd, 0, 2 * size, Double.POSITIVE_INFINITY);
        // Slots in tile order: a merging pair lies within R, so its two leaves usually share a deep subtree and
        // the replay after removing the partner stops early, where the winner's path joins.
        int slot = 0;
        for (int t = 0; t < nTiles; t++) {
            for (int p = tStart[t], e = p + tCount[t]; p < e; p++) {
                search(p);
                int j = mi[IS * p];
                slotOf[j] = slot;
                jetOf[slot] = j;
                win[size + slot] = slot;
                wd[size + slot] = dOf(p);
                slot++;
            }
        }
        for (int v = size - 1; v >= 1; v--) {
            match(v);
        }
        double invR2 = 1.0 / r2;
        for (int step = 0; step < n; step++) {
            int sa = win[1];
            int ja = jetOf[sa];
            double dmin = wd[1] * invR2;
            // the winner's leaf is emptied without replay: updates meanwhile are exact below its path, and the
            // path itself is replayed at the end of the step
            win[size + sa] = -1;
            wd[size + sa] = Double.POSITIVE_INFINITY;
            int pa = pos[ja];
            int jb = mi[IS * pa + 1];
            int ta = tileOf[ja];
            stamp++;
            if (jb >= 0) {
                int k = ClusteringStrategies.merge(cs, ja, jb, dmin);
                int tb = tileOf[jb];
                heapRemove(jb);
                slotOf[k] = sa;
                jetOf[sa] = k;
                remove(ja);
                remove(jb);
                fOf[k] = def.momentumFactor(cs.pt2[k]);
                tileOf[k] = tileFor(cs.rap[k], cs.phi[k]);
                place(k);
                afterMerge(k, ta, tb, ja, jb);
            } else {
                cs.mergeWithBeam(ja, dmin);
                remove(ja);
                lostNeighbour(ta, ja, ja);
            }
            for (int v = (size + sa) >> 1; v >= 1; v >>= 1) {
                match(v);
            }
        }
    }

    /**
     * One pass over the tiles around the new jet k and around the merged a and b: objects whose nearest neighbour
     * was a or b search again (k included), the others near k are offered k, and k's own neighbour is found.
     */
    private void afterMerge(int k, int ta, int tb, int a, int b) {
        int sa = slotOf[k];
        int pk = pos[k];
        double yk = md[DS * pk];
        double phk = md[DS * pk + 1];
        int bk = 9 * tileOf[k];
        for (int m = 0; m < 9; m++) {
            int t = nbr[bk + m];
            if (t >= 0) {
                nearK[t] = stamp;
            }
        }
        kBest = r2;
        kBestIdx = -1;
        passAround(bk, k, yk, phk, a, b);
        passAround(9 * ta, k, yk, phk, a, b);
        passAround(9 * tb, k, yk, phk, a, b);
        pk = pos[k];
        md[DS * pk + 3] = kBest;
        mi[IS * pk + 1] = kBestIdx;
        win[size + sa] = sa; // k's leaf: its path is replayed by the caller
        wd[size + sa] = dOf(pk);
    }

    private void passAround(int base, int k, double yk, double phk, int a, int b) {
        for (int m = 0; m < 9; m++) {
            int t = nbr[base + m];
            if (t < 0 || tileStamp[t] == stamp) {
                continue;
            }
            tileStamp[t] = stamp;
            boolean near = nearK[t] == stamp;
            double[] md = this.md;
            int[] mi = this.mi;
            int e = tStart[t] + tCount[t];
            for (int q = tStart[t]; q < e; q++) {
                int c = mi[IS * q];
                int nj = mi[IS * q + 1];
                if (nj == a || nj == b) {
                    search(q);
                    update(c, dOf(q));
                    if (near) {
                        double dist = dist(yk, phk, md[DS * q], md[DS * q + 1]);
                        if (dist <= kBest && closer(dist, c, kBest, kBestIdx)) {
                            kBest = dist;
                            kBestIdx = c;
                        }
                    }
                } else if (near && c != k) {
                    double dist = dist(yk, phk, md[DS * q], md[DS * q + 1]);
                    double nd = md[DS * q + 3];
                    if (dist <= nd && closer(dist, k, nd, nj)) {
                        md[DS * q + 3] = dist;
                        mi[IS * q + 1] = k;
                        update(c, dOf(q));
                    }
                    if (dist <= kBest && closer(dist, c, kBest, kBestIdx)) {
                        kBest = dist;
                        kBestIdx = c;
                    }
                }
            }
        }
    }

    /** d_i of the member at p: the same expression as {@link ClusteringStrategies#diJ}. */
    private double dOf(int p) {
        double fi = md[DS * p + 2];
        int j = mi[IS * p + 1];
        if (j >= 0 && fOf[j] < fi) {
            fi = fOf[j];
        }
        return md[DS * p + 3] * fi;
    }

    /**
     * Nearest-neighbour search of the member at p over its 3 × 3 tiles, own tile first; a neighbouring tile is
     * skipped when its edge is already farther than the best distance so far (edges shrunk by a slack so that
     * rounding never skips a winner or a tie). Stores nnDist and nn there.
     */
    private void search(int p) {
        double[] md = this.md;
        int[] mi = this.mi;
        int self = mi[IS * p];
        double yi = md[DS * p];
        double pi = md[DS * p + 1];
        int c = tileOf[self];
        int iy = c / nphi;
        int ip = c - iy * nphi;
        double[] e = edgeS;
        grid.edges(yi, pi, iy, ip, e);
        best = r2;
        bestIdx = -1;
        int b = 9 * c;
        scan(c, self, yi, pi);
        if (e[3] <= best) {
            scan(nbr[b + 3], self, yi, pi);
        }
        if (e[5] <= best) {
            scan(nbr[b + 5], self, yi, pi);
        }
        if (e[1] <= best && nbr[b + 1] >= 0) {
            if (e[0] <= best) {
                scan(nbr[b], self, yi, pi);
            }
            scan(nbr[b + 1], self, yi, pi);
            if (e[2] <= best) {
                scan(nbr[b + 2], self, yi, pi);
            }
        }
        if (e[7] <= best && nbr[b + 7] >= 0) {
            if (e[6] <= best) {
                scan(nbr[b + 6], self, yi, pi);
            }
            scan(nbr[b + 7], self, yi, pi);
            if (e[8] <= best) {
                scan(nbr[b + 8], self, yi, pi);
            }
        }
        md[DS * p + 3] = best;
        mi[IS * p + 1] = bestIdx;
    }

    private void scan(int t, int self, double yi, double pi) {
        double[] md = this.md;
        int[] mi = this.mi;
        double bst = best;
        int e = tStart[t] + tCount[t];
        for (int q = tStart[t]; q < e; q++) {
            double dist = dist(yi, pi, md[DS * q], md[DS * q + 1]);
            if (dist <= bst) {
                int cand = mi[IS * q];
                if (cand != self && closer(dist, cand, bst, bestIdx)) {
                    bst = dist;
                    bestIdx = cand;
                }
            }
        }
        best = bst;
    }

    /** Objects in the 3 × 3 tiles around t whose nearest neighbour was a or b search again. */
    private void lostNeighbour(int t0, int a, int b) {
        int base = 9 * t0;
        for (int k = 0; k < 9; k++) {
            int t = nbr[base + k];
            if (t < 0 || tileStamp[t] == stamp) {
                continue;
            }
            tileStamp[t] = stamp;
            int e = tStart[t] + tCount[t];
            for (int q = tStart[t]; q < e; q++) {
                int nj = mi[IS * q + 1];
                if (nj == a || nj == b) {
                    search(q);
                    update(mi[IS * q], dOf(q));
                }
            }
        }
    }

    // ---------------------------------------------------------------- tournament tree over pseudojets

    /** Node v from its children: smaller d; on equal d the left one (smaller pseudojet indices) unless empty. */
    private void match(int v) {
        int l = 2 * v;
        int r = l + 1;
        double dl = wd[l];
        double dr = wd[r];
        int w = dr < dl ? r : l;
        if (dl == dr) {
            int sl = win[l];
            int sr = win[r];
            w = sl < 0 ? r : sr < 0 ? l : jetOf[sl] < jetOf[sr] ? l : r;
        }
        win[v] = win[w];
        wd[v] = wd[w];
    }

    /** Sets the key of pseudojet j, whose leaf is filled. */
    private void update(int j, double dj) {
        int sj = slotOf[j];
        int v = size + sj;
        double old = wd[v];
        if (dj == old) {
            return;
        }
        wd[v] = dj;
        if (dj < old) {
            for (v >>= 1; v >= 1; v >>= 1) {
                int w = win[v];
                if (w != sj) {
                    double dw = wd[v];
                    if (dw < dj || (dw == dj && w >= 0 && jetOf[w] < j)) {
                        return;
                    }
                    win[v] = sj;
                }
                wd[v] = dj;
            }
        } else {
            for (v >>= 1; v >= 1 && win[v] == sj; v >>= 1) {
                match(v);
            }
        }
    }

    private void heapRemove(int j) {
        int sj = slotOf[j];
        int v = size + sj;
        win[v] = -1;
        wd[v] = Double.POSITIVE_INFINITY;
        for (v >>= 1; v >= 1 && win[v] == sj; v >>= 1) {
            match(v);
        }
    }

    // ---------------------------------------------------------------- members

    /** Appends pseudojet j (fOf and tileOf set) to its tile, with no neighbour yet. */
    private void place(int j) {
        int t = tileOf[j];
        if (tCount[t] == tCap[t]) {
            layout(t);
        }
        int p = tStart[t] + tCount[t]++;
        md[DS * p] = cs.rap[j];
        md[DS * p + 1] = cs.phi[j];
        md[DS * p + 2] = fOf[j];
        md[DS * p + 3] = r2;
        mi[IS * p] = j;
        mi[IS * p + 1] = -1;
        pos[j] = p;
    }

    private void remove(int j) {
        int t = tileOf[j];
        int p = pos[j];
        int last = tStart[t] + --tCount[t];
        if (p != last) {
            System.arraycopy(md, DS * last, md, DS * p, DS);
            int moved = mi[IS * last];
            mi[IS * p] = moved;
            mi[IS * p + 1] = mi[IS * last + 1];
            pos[moved] = p;
        }
    }

    /** Tile g is full: every tile gets room for twice its members plus two; Σ ≤ 2n + 2·tiles. */
    private void layout(int g) {
        int at = 0;
        for (int t = 0; t < nTiles; t++) {
            int count = tCount[t];
            int cap = 2 * (count + (t == g ? 1 : 0)) + 2;
            int old = tStart[t];
            System.arraycopy(md, DS * old, spareD, DS * at, DS * count);
            System.arraycopy(mi, IS * old, spareI, IS * at, IS * count);
            for (int q = 0; q < count; q++) {
                pos[spareI[IS * (at + q)]] = at + q;
            }
            tStart[t] = at;
            tCap[t] = cap;
            at += cap;
        }
        double[] td = md;
        md = spareD;
        spareD = td;
        int[] ti = mi;
        mi = spareI;
        spareI = ti;
    }
}
