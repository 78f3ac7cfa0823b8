package org.jetbridge.core;

import static org.jetbridge.core.ClusteringStrategies.closer;
import static org.jetbridge.core.ClusteringStrategies.diJ;
import static org.jetbridge.core.ClusteringStrategies.dist;

import java.util.Arrays;

/**
 * Tiled nearest-neighbour clustering: the (y, φ) plane is cut into tiles at least R wide, so an object's
 * neighbours within R lie in its own tile or one of the 8 around it (φ periodic, y clamped at the edges of the
 * occupied range, beam-like rapidities clamped into the edge tiles). After each step only objects near the merged
 * ones can change their nearest neighbour.
 *
 * <p>The searches are lazy: a neighbouring tile is skipped when the distance from the point to the tile's edge
 * already exceeds what could matter (the best distance found so far, or the largest nearest-neighbour distance
 * of the tile's objects, kept per tile as an upper bound). Edge distances are shrunk by a small slack so that
 * rounding can never skip an object whose computed distance would have won or tied.
 *
 * <p>The smallest d_i is found either by a linear scan over a dense array ({@link ClusteringStrategy#N2_TILED}) or
 * from a tournament tree (a binary min-heap over slots updated in place, {@link ClusteringStrategy#N2_MINHEAP_TILED}).
 * Requires R &lt; π/2 (the caller falls back to the plain loop otherwise). Arrays come from the thread's
 * {@link ClusteringScratch} (reused from event to event), and are never allocated per step.
 */
final class TiledClustering {
    private static final double EDGE_SLACK = TileGrid.EDGE_SLACK;
    private static final int SELF = TileGrid.SELF;

    private final ClusterSequence cs;
    private final JetDefinition def;
    private final boolean heap;
    private final int n;
    private final double r2;

    // per slot (slot i starts as input i; a merge reuses the slot of one parent)
    private final int[] idx; // pseudojet index
    private final double[] y;
    private final double[] ph;
    private final double[] f;
    private final double[] nnDist;
    private final int[] nn; // slot of the nearest neighbour within R, or -1
    private final double[] d;
    private final int[] tile;
    private final int[] row; // rapidity row of the slot's tile
    private final int[] pos; // position of the slot in the member arrays

    // tiles
    private final TileGrid grid;
    private final int ny;
    private final int nphi;
    private final int nTiles;
    private final double y0;
    private final double tileY;
    private final double tilePhi;
    // Members of each tile are contiguous: positions [tStart, tStart + tCount) of the member arrays hold their
    // coordinates and slots, so neighbour scans are counted loops over dense memory. A tile that overflows its
    // capacity triggers a re-layout into the spare member arrays (the two sets swap roles).
    private final int[] tStart;
    private final int[] tCount;
    private final int[] tCap;
    private double[] my;
    private double[] mphi;
    private int[] mslot;
    private double[] spareY;
    private double[] sparePhi;
    private int[] spareSlot;
    private final double[] maxNn; // per tile: upper bound of nnDist of its objects
    private final int[] tileStamp;
    private int stamp;
    // running result of recompute: best squared distance, its slot and pseudojet index
    private double sBest;
    private int sSlot;
    private int sIdx;
    // for the merged objects and the new jet: their 9 neighbour tiles (index k as for SELF, −1 where the row does
    // not exist) and squared lower bounds of the distance from the point to anything in them (recompute
    // enumerates its neighbours inline instead)
    private final int[] tilesA = new int[9];
    private final double[] edgeA = new double[9];
    private final int[] tilesB = new int[9];
    private final double[] edgeB = new double[9];

    // linear variant: dense array of d over active slots
    private final double[] dd;
    private final int[] denseSlot;
    private final int[] densePos;
    private int active;

    // heap variant: tournament tree over slots, leaves at [size, 2 size); each node holds its winner and the
    // winner's d, so a match needs no indirection (the pseudojet index is read only on equal d)
    private final int size;
    private final int[] win;
    private final double[] wd;

    TiledClustering(ClusterSequence cs, boolean heap) {
        this.cs = cs;
        this.def = cs.definition();
        this.heap = heap;
        this.n = cs.inputCount();
        double r = def.radius();
        this.r2 = r * r;
        grid = new TileGrid(cs, r);
        ny = grid.ny;
        nphi = grid.nphi;
        nTiles = grid.nTiles;
        y0 = grid.y0;
        tileY = grid.tileY;
        tilePhi = grid.tilePhi;
        ClusteringScratch scratch = ClusteringScratch.forRun(n, nTiles);
        idx = scratch.idx;
        y = scratch.y;
        ph = scratch.ph;
        f = scratch.f;
        nnDist = scratch.nnDist;
        nn = scratch.nn;
        d = scratch.d;
        tile = scratch.tile;
        row = scratch.row;
        pos = scratch.pos;
        scratch.tiles(nTiles);
        tStart = scratch.tStart;
        tCount = scratch.tCount;
        tCap = scratch.tCap;
        tileStamp = scratch.tileStamp;
        maxNn = scratch.maxNn;
        // reused arrays: the counts, stamps and nnDist bounds of the tiles must start from zero
        Arrays.fill(tCount, 0, nTiles, 0);
        Arrays.fill(tileStamp, 0, nTiles, 0);
        Arrays.fill(maxNn, 0, nTiles, 0.0);
        scratch.members(2 * n + 2 * nTiles);
        my = scratch.my;
        mphi = scratch.mphi;
        mslot = scratch.mslot;
        spareY = scratch.spareY;
        sparePhi = scratch.sparePhi;
        spareSlot = scratch.spareSlot;

        if (heap) {
            int s = 1;
            while (s < Math.max(1, n)) {
                s <<= 1;
            }
            size = s;
            scratch.heap(2 * s);
            win = scratch.win;
            wd = scratch.wd;
            dd = null;
            denseSlot = null;
            densePos = null;
        } else {
            size = 0;
            win = null;
            wd = null;
            scratch.dense(n);
            dd = scratch.dd;
            denseSlot = scratch.denseSlot;
            densePos = scratch.densePos;
        }
    }

    void run() {
        for (int i = 0; i < n; i++) {
            load(i, i);
            tCount[tile[i]]++;
        }
        layout(-1);
        for (int i = 0; i < n; i++) {
            insertInTile(i);
        }
        initialNeighbours();
        for (int i = 0; i < n; i++) {
            d[i] = diJ(i, nn, nnDist, f);
        }
        if (heap) {
            Arrays.fill(win, 0, 2 * size, -1);
            Arrays.fill(wd, 0, 2 * size, Double.POSITIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                win[size + i] = i;
                wd[size + i] = d[i];
            }
            for (int v = size - 1; v >= 1; v--) {
                match(v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                dd[i] = d[i];
                denseSlot[i] = i;
                densePos[i] = i;
            }
            active = n;
        }
        double invR2 = 1.0 / r2;
        for (int step = 0; step < n; step++) {
            int a = heap ? win[1] : scanMinimum();
            double dmin = d[a] * invR2;
            int b = nn[a];
            if (b >= 0) {
                int k = ClusteringStrategies.merge(cs, idx[a], idx[b], dmin);
                neighbours(y[a], ph[a], row[a], tile[a], tilesA, edgeA);
                neighbours(y[b], ph[b], row[b], tile[b], tilesB, edgeB);
                removeFromTile(a);
                removeFromTile(b);
                deactivate(b);
                if (heap) {
                    // a wins every node on its path to the root. Its leaf is emptied now and the whole path is
                    // replayed at the end of the step (newJet); updates of other slots meanwhile are exact below
                    // that path, and whatever they write on it is overwritten then.
                    win[size + a] = -1;
                    wd[size + a] = Double.POSITIVE_INFINITY;
                }
                load(a, k);
                insertInTile(a);
                stamp++;
                lostNeighbour(tilesA, edgeA, a, b);
                lostNeighbour(tilesB, edgeB, a, b);
                newJet(a);
            } else {
                cs.mergeWithBeam(idx[a], dmin);
                neighbours(y[a], ph[a], row[a], tile[a], tilesA, edgeA);
                removeFromTile(a);
                deactivate(a);
                stamp++;
                lostNeighbour(tilesA, edgeA, a, a);
            }
        }
    }

    // ---------------------------------------------------------------- neighbour bookkeeping

    /**
     * For a point (yv, pv) in tile c of row iy (possibly clamped into it): fills tiles[k] with neighbour tile k of c
     * (−1 beyond the first or last row) and edge[k] with a lower bound of the squared distance from the point to
     * anything in that tile.
     */
    private void neighbours(double yv, double pv, int iy, int c, int[] tiles, double[] edge) {
        int rowStart = iy * nphi;
        int ip = c - rowStart;
        grid.edges(yv, pv, iy, ip, edge);
        int l = ip == 0 ? nphi - 1 : ip - 1;
        int r = ip == nphi - 1 ? 0 : ip + 1;
        if (iy > 0) {
            int down = rowStart - nphi;
            tiles[0] = down + l;
            tiles[1] = down + ip;
            tiles[2] = down + r;
        } else {
            tiles[0] = -1;
            tiles[1] = -1;
            tiles[2] = -1;
        }
        tiles[3] = rowStart + l;
        tiles[4] = c;
        tiles[5] = rowStart + r;
        if (iy < ny - 1) {
            int up = rowStart + nphi;
            tiles[6] = up + l;
            tiles[7] = up + ip;
            tiles[8] = up + r;
        } else {
            tiles[6] = -1;
            tiles[7] = -1;
            tiles[8] = -1;
        }
    }

    private int nnIdx(int i) {
        int j = nn[i];
        return j >= 0 ? idx[j] : -1;
    }

    /**
     * Nearest neighbour of slot i (which must be in its tile): own tile first, then each neighbouring tile whose
     * edge is still within the best distance found so far (checked again as the best distance shrinks).
     */
    private void recompute(int i) {
        sBest = r2;
        sSlot = -1;
        sIdx = -1;
        scanTile(i, tile[i], y[i], ph[i]);
        scanNeighbourTiles(i);
    }

    /**
     * First nearest neighbours: pairs inside each tile once (both members updated), then for every object the
     * neighbouring tiles still in reach of what its own tile gave.
     */
    private void initialNeighbours() {
        Arrays.fill(nnDist, 0, n, r2);
        Arrays.fill(nn, 0, n, -1);
        double[] my = this.my;
        double[] mphi = this.mphi;
        int[] mslot = this.mslot;
        for (int t = 0; t < nTiles; t++) {
            for (int p = tStart[t], e = p + tCount[t]; p < e; p++) {
                int i = mslot[p];
                double yi = my[p];
                double pi = mphi[p];
                for (int q = p + 1; q < e; q++) {
                    double dist = dist(yi, pi, my[q], mphi[q]);
                    int j = mslot[q];
                    if (dist <= nnDist[i] && closer(dist, idx[j], nnDist[i], nnIdx(i))) {
                        nnDist[i] = dist;
                        nn[i] = j;
                    }
                    if (dist <= nnDist[j] && closer(dist, idx[i], nnDist[j], nnIdx(j))) {
                        nnDist[j] = dist;
                        nn[j] = i;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            sBest = nnDist[i];
            sSlot = nn[i];
            sIdx = nnIdx(i);
            scanNeighbourTiles(i);
        }
    }

    /** Continues the search of slot i over the 8 tiles around its own, then stores the result. */
    private void scanNeighbourTiles(int i) {
        int c = tile[i];
        double yi = y[i];
        double pi = ph[i];
        int iy = row[i];
        int rowStart = iy * nphi;
        int ip = c - rowStart;
        double yLo = y0 + iy * tileY;
        double pLo = ip * tilePhi;
        double below = Math.max(0.0, yi - yLo - EDGE_SLACK);
        double above = Math.max(0.0, yLo + tileY - yi - EDGE_SLACK);
        double left = Math.max(0.0, pi - pLo - EDGE_SLACK);
        double right = Math.max(0.0, pLo + tilePhi - pi - EDGE_SLACK);
        double l2 = left * left;
        double r2e = right * right;
        int l = ip == 0 ? nphi - 1 : ip - 1;
        int r = ip == nphi - 1 ? 0 : ip + 1;
        for (int dy = -1; dy <= 1; dy++) {
            int yy = iy + dy;
            if (yy < 0 || yy >= ny) {
                continue;
            }
            double ey = dy < 0 ? below * below : dy > 0 ? above * above : 0.0;
            if (ey > sBest) {
                continue;
            }
            int rs = yy * nphi;
            if (ey + l2 <= sBest) {
                scanTile(i, rs + l, yi, pi);
            }
            if (dy != 0) {
                scanTile(i, rs + ip, yi, pi);
            }
            if (ey + r2e <= sBest) {
                scanTile(i, rs + r, yi, pi);
            }
        }
        double best = sBest;
        nnDist[i] = best;
        nn[i] = sSlot;
        if (best > maxNn[c]) {
            maxNn[c] = best;
        }
    }

    /** Offers every member of tile t (but i itself) as nearest neighbour of i, updating sBest, sSlot, sIdx. */
    private void scanTile(int i, int t, double yi, double pi) {
        double[] my = this.my;
        double[] mphi = this.mphi;
        int[] mslot = this.mslot;
        double best = sBest;
        for (int p = tStart[t], e = p + tCount[t]; p < e; p++) {
            double dist = dist(yi, pi, my[p], mphi[p]);
            if (dist <= best) {
                int j = mslot[p];
                if (j != i && closer(dist, idx[j], best, sIdx)) {
                    best = dist;
                    sSlot = j;
                    sIdx = idx[j];
                }
            }
        }
        sBest = best;
    }

    /**
     * Finds the objects around the given tiles whose nearest neighbour was slot a or b (gone, or replaced by the new jet)
     * and recomputes them. A tile can hold such an object only if its edge is within the tile's largest nnDist;
     * visited tiles get their bound tightened to the exact maximum.
     */
    private void lostNeighbour(int[] tiles, double[] edge, int a, int b) {
        for (int k = 0; k < 9; k++) {
            int t = tiles[k];
            if (t < 0 || tileStamp[t] == stamp || edge[k] > maxNn[t]) {
                continue;
            }
            tileStamp[t] = stamp;
            double max = 0.0;
            for (int p = tStart[t], e = p + tCount[t]; p < e; p++) {
                int j = mslot[p];
                int nj = nn[j];
                if ((nj == a || nj == b) && j != a) {
                    recompute(j);
                    refresh(j);
                }
                if (nnDist[j] > max) {
                    max = nnDist[j];
                }
            }
            maxNn[t] = max;
        }
    }

    /** The new jet in slot a: its own nearest neighbour, and whether it is the new nearest neighbour of others. */
    private void newJet(int a) {
        double bestA = r2;
        int bestSlot = -1;
        int bestIdx = -1;
        int idxA = idx[a];
        int c = tile[a];
        double ya = y[a];
        double pa = ph[a];
        neighbours(ya, pa, row[a], c, tilesA, edgeA);
        for (int m = 0; m < 9; m++) {
            int k = m == 0 ? SELF : m == SELF ? 0 : m; // own tile first: it gives the tightest bound
            int t = tilesA[k];
            if (t < 0 || edgeA[k] > Math.max(maxNn[t], bestA)) {
                continue;
            }
            for (int p = tStart[t], e = p + tCount[t]; p < e; p++) {
                int j = mslot[p];
                if (j == a) {
                    continue;
                }
                double dist = dist(ya, pa, my[p], mphi[p]);
                if (dist <= nnDist[j] && closer(dist, idxA, nnDist[j], nnIdx(j))) {
                    nnDist[j] = dist;
                    nn[j] = a;
                    refresh(j);
                }
                if (dist <= bestA && closer(dist, idx[j], bestA, bestIdx)) {
                    bestA = dist;
                    bestSlot = j;
                    bestIdx = idx[j];
                }
            }
        }
        nnDist[a] = bestA;
        nn[a] = bestSlot;
        if (bestA > maxNn[c]) {
            maxNn[c] = bestA;
        }
        d[a] = diJ(a, nn, nnDist, f);
        if (heap) {
            int v = size + a;
            win[v] = a;
            wd[v] = d[a];
            for (v >>= 1; v >= 1; v >>= 1) {
                match(v);
            }
        } else {
            dd[densePos[a]] = d[a];
        }
    }

    /** Recomputes d_j after its neighbour changed and republishes it when it changed. */
    private void refresh(int j) {
        double v = diJ(j, nn, nnDist, f);
        double old = d[j];
        if (v != old) {
            d[j] = v;
            if (!heap) {
                dd[densePos[j]] = v;
            } else if (v < old) {
                heapDecreased(j);
            } else {
                heapIncreased(j);
            }
        }
    }

    // ---------------------------------------------------------------- minimum search

    private int scanMinimum() {
        double[] dd = this.dd;
        int best = 0;
        double dmin = dd[0];
        for (int p = 1; p < active; p++) {
            double v = dd[p];
            if (v <= dmin) {
                if (v < dmin || idx[denseSlot[p]] < idx[denseSlot[best]]) {
                    dmin = v;
                    best = p;
                }
            }
        }
        return denseSlot[best];
    }

    /** Replays the match at node v from its two children: smaller d, then smaller pseudojet index; −1 is empty. */
    private void match(int v) {
        int l = 2 * v;
        int r = l + 1;
        double dl = wd[l];
        double dr = wd[r];
        int w = dr < dl ? r : l;
        if (dl == dr) {
            int sl = win[l];
            int sr = win[r];
            w = sl < 0 ? r : sr < 0 ? l : idx[sl] < idx[sr] ? l : r;
        }
        win[v] = win[w];
        wd[v] = wd[w];
    }

    /** Key of slot s got smaller (or s entered): it climbs while it beats the winners above; nothing else moves. */
    private void heapDecreased(int s) {
        double ds = d[s];
        int is = idx[s];
        int v = size + s;
        win[v] = s;
        wd[v] = ds;
        for (v >>= 1; v >= 1; v >>= 1) {
            int w = win[v];
            if (w != s) {
                double dw = wd[v];
                if (dw < ds || (dw == ds && w >= 0 && idx[w] < is)) {
                    return;
                }
                win[v] = s;
            }
            wd[v] = ds;
        }
    }

    /** Key of slot s got larger (or s left, leaf already emptied): only the nodes s was winning need a new match. */
    private void heapIncreased(int s) {
        int v = size + s;
        if (win[v] >= 0) {
            wd[v] = d[s];
        }
        for (v >>= 1; v >= 1 && win[v] == s; v >>= 1) {
            match(v);
        }
    }

    private void deactivate(int slot) {
        if (heap) {
            win[size + slot] = -1;
            wd[size + slot] = Double.POSITIVE_INFINITY;
            heapIncreased(slot);
        } else {
            int p = densePos[slot];
            int last = --active;
            int moved = denseSlot[last];
            dd[p] = dd[last];
            denseSlot[p] = moved;
            densePos[moved] = p;
        }
    }

    // ---------------------------------------------------------------- slots and tiles

    private void load(int slot, int jet) {
        idx[slot] = jet;
        double yj = cs.rap[jet];
        double pj = cs.phi[jet];
        y[slot] = yj;
        ph[slot] = pj;
        f[slot] = def.momentumFactor(cs.pt2[jet]);
        int iy = grid.row(yj);
        int ip = grid.column(pj);
        row[slot] = iy;
        tile[slot] = iy * nphi + ip;
    }

    private void insertInTile(int slot) {
        int t = tile[slot];
        if (tCount[t] == tCap[t]) {
            layout(t);
        }
        int p = tStart[t] + tCount[t]++;
        my[p] = y[slot];
        mphi[p] = ph[slot];
        mslot[p] = slot;
        pos[slot] = p;
    }

    private void removeFromTile(int slot) {
        int t = tile[slot];
        int p = pos[slot];
        int last = tStart[t] + --tCount[t];
        if (p != last) {
            int moved = mslot[last];
            my[p] = my[last];
            mphi[p] = mphi[last];
            mslot[p] = moved;
            pos[moved] = p;
        }
    }

    /**
     * Lays the tiles out in the member arrays. Initially ({@code growing} = −1) each tile gets room for exactly
     * its members: a merged jet usually lands in a tile its parents left, and the first one that does not (in
     * nearly every event) makes the one re-layout that follows. Then tile {@code growing} is full and every tile
     * gets room for twice its members plus two (the growing one counting the member about to arrive); the
     * members move to the spare arrays. Σ capacity ≤ 2n + 2·tiles, the size the member arrays have at least.
     */
    private void layout(int growing) {
        int at = 0;
        for (int t = 0; t < nTiles; t++) {
            int count = tCount[t] + (t == growing ? 1 : 0);
            int cap = growing < 0 ? count : 2 * count + 2;
            int oldStart = tStart[t];
            int members = t == growing ? count - 1 : count;
            if (growing >= 0) {
                for (int q = 0; q < members; q++) {
                    spareY[at + q] = my[oldStart + q];
                    sparePhi[at + q] = mphi[oldStart + q];
                    int slot = mslot[oldStart + q];
                    spareSlot[at + q] = slot;
                    pos[slot] = at + q;
                }
            }
            tStart[t] = at;
            tCap[t] = cap;
            at += cap;
        }
        if (growing >= 0) {
            double[] ty = my;
            my = spareY;
            spareY = ty;
            double[] tp = mphi;
            mphi = sparePhi;
            sparePhi = tp;
            int[] ts = mslot;
            mslot = spareSlot;
            spareSlot = ts;
        } else {
            // initial layout: the counts were only reserved; insertInTile fills the tiles from empty
            Arrays.fill(tCount, 0, nTiles, 0);
        }
    }
}
