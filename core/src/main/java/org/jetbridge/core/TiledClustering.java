package org.jetbridge.core;

import static org.jetbridge.core.ClusteringStrategies.closer;
import static org.jetbridge.core.ClusteringStrategies.diJ;
import static org.jetbridge.core.ClusteringStrategies.dist;

/**
 * Tiled nearest-neighbour clustering: the (y, φ) plane is cut into tiles at least R wide, so an object's
 * neighbours within R lie in its own tile or one of the 8 around it (φ periodic, y clamped at the edges of the
 * occupied range, beam-like rapidities clamped into the edge tiles). After each step only the objects in the
 * tiles around the merged objects can change their nearest neighbour. The smallest d_i is found either by a
 * linear scan over a dense array ({@link ClusteringStrategy#N2_TILED}) or from a tournament tree (a binary
 * min-heap over slots updated in place, {@link ClusteringStrategy#N2_MINHEAP_TILED}).
 *
 * <p>Requires R &lt; π/2 (the caller falls back to the plain loop otherwise). All arrays are allocated once.
 */
final class TiledClustering {
    /** Tiles are made this much wider than R so that rounding in the tile index can never hide a neighbour. */
    private static final double TILE_MARGIN = 1.0 + 1e-9;
    /** Rapidities beyond this are beam-like: they do not stretch the tiled range, they are clamped into it. */
    private static final double TILED_RAPIDITY_LIMIT = 1e4;

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
    private final int[] next; // next slot in the same tile, or -1
    private final int[] prev; // previous slot in the same tile, or -1

    // tiles
    private final int ny;
    private final int nphi;
    private final double y0;
    private final double invTileY;
    private final double invTilePhi;
    private final int[] head; // first slot of each tile, or -1
    private final int[] nbr; // 9 entries per tile: the tile and its neighbours, -1 padded
    private final int[] tileStamp;
    private int stamp;
    private final int[] touched = new int[27];
    private final boolean[] nearNew; // per tile of touched: is it in the new jet's neighbourhood

    // linear variant: dense array of d over active slots
    private final double[] dd;
    private final int[] denseSlot;
    private final int[] densePos;
    private int active;

    // heap variant: tournament tree over slots, leaves at [size, 2 size)
    private final int size;
    private final int[] win;

    TiledClustering(ClusterSequence cs, boolean heap) {
        this.cs = cs;
        this.def = cs.definition();
        this.heap = heap;
        this.n = cs.inputCount();
        double r = def.radius();
        if (r >= ClusteringStrategies.MAX_TILED_RADIUS) {
            throw new IllegalStateException("tiled clustering needs R < π/2, got " + r);
        }
        this.r2 = r * r;
        idx = new int[n];
        y = new double[n];
        ph = new double[n];
        f = new double[n];
        nnDist = new double[n];
        nn = new int[n];
        d = new double[n];
        tile = new int[n];
        next = new int[n];
        prev = new int[n];

        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double yi = cs.rap[i];
            if (Math.abs(yi) < TILED_RAPIDITY_LIMIT) {
                lo = Math.min(lo, yi);
                hi = Math.max(hi, yi);
            }
        }
        if (!(lo <= hi)) {
            lo = 0.0;
            hi = 0.0;
        }
        double minWidth = r * TILE_MARGIN;
        int np = (int) Math.floor(2 * Math.PI / minWidth);
        nphi = Math.max(3, np);
        long nyWanted = (long) Math.floor((hi - lo) / minWidth);
        ny = (int) Math.max(1, Math.min(nyWanted, 2L * n + 1));
        double tileY = Math.max(minWidth, (hi - lo) / ny);
        y0 = lo;
        invTileY = 1.0 / tileY;
        invTilePhi = nphi / (2 * Math.PI);
        int nTiles = ny * nphi;
        head = new int[nTiles];
        java.util.Arrays.fill(head, -1);
        tileStamp = new int[nTiles];
        nearNew = new boolean[27];
        nbr = new int[9 * nTiles];
        java.util.Arrays.fill(nbr, -1);
        for (int iy = 0; iy < ny; iy++) {
            for (int ip = 0; ip < nphi; ip++) {
                int t = iy * nphi + ip;
                int k = 9 * t;
                nbr[k++] = t;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = iy + dy;
                    if (yy < 0 || yy >= ny) {
                        continue;
                    }
                    for (int dp = -1; dp <= 1; dp++) {
                        if (dy == 0 && dp == 0) {
                            continue;
                        }
                        int pp = ip + dp;
                        pp = pp < 0 ? pp + nphi : pp >= nphi ? pp - nphi : pp;
                        nbr[k++] = yy * nphi + pp;
                    }
                }
            }
        }

        if (heap) {
            int s = 1;
            while (s < Math.max(1, n)) {
                s <<= 1;
            }
            size = s;
            win = new int[2 * s];
            dd = null;
            denseSlot = null;
            densePos = null;
        } else {
            size = 0;
            win = null;
            dd = new double[n];
            denseSlot = new int[n];
            densePos = new int[n];
        }
    }

    void run() {
        for (int i = 0; i < n; i++) {
            load(i, i);
            insertInTile(i);
        }
        initialNeighbours();
        for (int i = 0; i < n; i++) {
            d[i] = diJ(i, nn, nnDist, f);
        }
        if (heap) {
            java.util.Arrays.fill(win, -1);
            for (int i = 0; i < n; i++) {
                win[size + i] = i;
            }
            for (int v = size - 1; v >= 1; v--) {
                win[v] = better(win[2 * v], win[2 * v + 1]);
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
                int ta = tile[a];
                int tb = tile[b];
                removeFromTile(a);
                removeFromTile(b);
                deactivate(b);
                load(a, k);
                insertInTile(a);
                afterMerge(a, b, ta, tb);
            } else {
                cs.mergeWithBeam(idx[a], dmin);
                int ta = tile[a];
                removeFromTile(a);
                deactivate(a);
                afterBeam(a, ta);
            }
        }
    }

    // ---------------------------------------------------------------- neighbour bookkeeping

    private void initialNeighbours() {
        for (int i = 0; i < n; i++) {
            nnDist[i] = r2;
            nn[i] = -1;
        }
        // each unordered pair of tiles once: the tile itself and the 4 "forward" neighbours
        for (int iy = 0; iy < ny; iy++) {
            for (int ip = 0; ip < nphi; ip++) {
                int t = iy * nphi + ip;
                for (int i = head[t]; i >= 0; i = next[i]) {
                    for (int j = next[i]; j >= 0; j = next[j]) {
                        pair(i, j);
                    }
                }
                int right = iy * nphi + (ip + 1 == nphi ? 0 : ip + 1);
                pairTiles(t, right);
                if (iy + 1 < ny) {
                    int up = (iy + 1) * nphi;
                    pairTiles(t, up + (ip == 0 ? nphi - 1 : ip - 1));
                    pairTiles(t, up + ip);
                    pairTiles(t, up + (ip + 1 == nphi ? 0 : ip + 1));
                }
            }
        }
    }

    private void pairTiles(int t, int u) {
        for (int i = head[t]; i >= 0; i = next[i]) {
            for (int j = head[u]; j >= 0; j = next[j]) {
                pair(i, j);
            }
        }
    }

    private void pair(int i, int j) {
        double dist = dist(y, ph, i, j);
        if (dist <= nnDist[i] && closer(dist, idx[j], nnDist[i], nnIdx(i))) {
            nnDist[i] = dist;
            nn[i] = j;
        }
        if (dist <= nnDist[j] && closer(dist, idx[i], nnDist[j], nnIdx(j))) {
            nnDist[j] = dist;
            nn[j] = i;
        }
    }

    private int nnIdx(int i) {
        int j = nn[i];
        return j >= 0 ? idx[j] : -1;
    }

    /** Nearest neighbour of slot i over its 9 tiles (it must be in its tile already). */
    private void recompute(int i) {
        double best = r2;
        int bestSlot = -1;
        int bestIdx = -1;
        int base = 9 * tile[i];
        for (int k = base; k < base + 9; k++) {
            int t = nbr[k];
            if (t < 0) {
                break;
            }
            for (int j = head[t]; j >= 0; j = next[j]) {
                if (j != i) {
                    double dist = dist(y, ph, i, j);
                    if (dist <= best && closer(dist, idx[j], best, bestIdx)) {
                        best = dist;
                        bestSlot = j;
                        bestIdx = idx[j];
                    }
                }
            }
        }
        nnDist[i] = best;
        nn[i] = bestSlot;
    }

    /** Collects the distinct tiles of the neighbourhoods of t (flagged as near the new jet when asked). */
    private int collect(int count, int t, boolean flagNear) {
        int base = 9 * t;
        for (int k = base; k < base + 9; k++) {
            int u = nbr[k];
            if (u < 0) {
                break;
            }
            if (tileStamp[u] != stamp) {
                tileStamp[u] = stamp;
                nearNew[count] = flagNear;
                touched[count++] = u;
            }
        }
        return count;
    }

    private void afterMerge(int a, int b, int ta, int tb) {
        stamp++;
        int count = collect(0, tile[a], true);
        count = collect(count, ta, false);
        count = collect(count, tb, false);
        double bestA = r2;
        int bestSlot = -1;
        int bestIdx = -1;
        int idxA = idx[a];
        for (int c = 0; c < count; c++) {
            boolean near = nearNew[c];
            for (int j = head[touched[c]]; j >= 0; j = next[j]) {
                if (j == a) {
                    continue;
                }
                int nj = nn[j];
                if (nj == a || nj == b) {
                    recompute(j);
                } else if (near) {
                    double dist = dist(y, ph, j, a);
                    if (dist <= nnDist[j] && closer(dist, idxA, nnDist[j], nnIdx(j))) {
                        nnDist[j] = dist;
                        nn[j] = a;
                    }
                }
                if (near) {
                    // the new jet's own neighbour, from the same (symmetric) distances
                    double dist = dist(y, ph, a, j);
                    if (dist <= bestA && closer(dist, idx[j], bestA, bestIdx)) {
                        bestA = dist;
                        bestSlot = j;
                        bestIdx = idx[j];
                    }
                }
                refresh(j);
            }
        }
        nnDist[a] = bestA;
        nn[a] = bestSlot;
        d[a] = diJ(a, nn, nnDist, f);
        publish(a);
    }

    private void afterBeam(int a, int ta) {
        stamp++;
        int count = collect(0, ta, false);
        for (int c = 0; c < count; c++) {
            for (int j = head[touched[c]]; j >= 0; j = next[j]) {
                if (nn[j] == a) {
                    recompute(j);
                }
                refresh(j);
            }
        }
    }

    /** Recomputes d_j and republishes it when it changed (f of a neighbour may have changed). */
    private void refresh(int j) {
        double v = diJ(j, nn, nnDist, f);
        if (v != d[j]) {
            d[j] = v;
            publish(j);
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

    /** The winner of two heap entries: smaller d, then smaller pseudojet index; −1 means empty. */
    private int better(int s, int t) {
        if (s < 0) {
            return t;
        }
        if (t < 0) {
            return s;
        }
        double ds = d[s];
        double dt = d[t];
        return ds < dt || (ds == dt && idx[s] < idx[t]) ? s : t;
    }

    private void publish(int slot) {
        if (heap) {
            int v = (size + slot) >> 1;
            while (v >= 1) {
                win[v] = better(win[2 * v], win[2 * v + 1]);
                v >>= 1;
            }
        } else {
            dd[densePos[slot]] = d[slot];
        }
    }

    private void deactivate(int slot) {
        if (heap) {
            win[size + slot] = -1;
            publish(slot);
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
        double fy = Math.floor((yj - y0) * invTileY);
        int iy = fy < 0 ? 0 : fy >= ny ? ny - 1 : (int) fy;
        int ip = (int) (pj * invTilePhi);
        if (ip >= nphi) {
            ip = nphi - 1;
        } else if (ip < 0) {
            ip = 0;
        }
        tile[slot] = iy * nphi + ip;
    }

    private void insertInTile(int slot) {
        int t = tile[slot];
        int h = head[t];
        next[slot] = h;
        prev[slot] = -1;
        if (h >= 0) {
            prev[h] = slot;
        }
        head[t] = slot;
    }

    private void removeFromTile(int slot) {
        int p = prev[slot];
        int q = next[slot];
        if (p >= 0) {
            next[p] = q;
        } else {
            head[tile[slot]] = q;
        }
        if (q >= 0) {
            prev[q] = p;
        }
    }
}
