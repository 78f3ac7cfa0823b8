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
 * Requires R &lt; π/2 (the caller falls back to the plain loop otherwise). All arrays are allocated once.
 */
final class TiledClustering {
    /** Tiles are made this much wider than R so that rounding in the tile index can never hide a neighbour. */
    private static final double TILE_MARGIN = 1.0 + 1e-9;
    /** Edge distances are reduced by this (in units of y and φ) before deciding to skip a tile. */
    private static final double EDGE_SLACK = 1e-9;
    /** Rapidities beyond this are beam-like: they do not stretch the tiled range, they are clamped into it. */
    private static final double TILED_RAPIDITY_LIMIT = 1e4;
    /** Neighbour k of a tile sits at row offset k / 3 − 1 and column offset k % 3 − 1; k = 4 is the tile itself. */
    private static final int SELF = 4;

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
    private final double tileY;
    private final double tilePhi;
    private final double invTileY;
    private final double invTilePhi;
    private final int[] head; // first slot of each tile, or -1
    private final int[] nbr; // 9 entries per tile (index k as for SELF), -1 where the row does not exist
    private final double[] tileYLo; // lower rapidity edge of each tile (nominal; edge rows extend to ±∞)
    private final double[] tilePhiLo; // lower azimuth edge of each tile
    private final double[] maxNn; // per tile: upper bound of nnDist of its objects
    private final int[] tileStamp;
    private int stamp;
    // squared lower bounds of the distance from a point to each of its 9 tiles
    private final double[] edgeR = new double[9];
    private final double[] edgeA = new double[9];
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
        nphi = Math.max(3, (int) Math.floor(2 * Math.PI / minWidth));
        long nyWanted = (long) Math.floor((hi - lo) / minWidth);
        ny = (int) Math.max(1, Math.min(nyWanted, 2L * n + 1));
        tileY = Math.max(minWidth, (hi - lo) / ny);
        tilePhi = 2 * Math.PI / nphi;
        y0 = lo;
        invTileY = 1.0 / tileY;
        invTilePhi = 1.0 / tilePhi;
        int nTiles = ny * nphi;
        head = new int[nTiles];
        Arrays.fill(head, -1);
        tileStamp = new int[nTiles];
        maxNn = new double[nTiles];
        tileYLo = new double[nTiles];
        tilePhiLo = new double[nTiles];
        nbr = new int[9 * nTiles];
        for (int iy = 0; iy < ny; iy++) {
            for (int ip = 0; ip < nphi; ip++) {
                int base = 9 * (iy * nphi + ip);
                tileYLo[iy * nphi + ip] = y0 + iy * tileY;
                tilePhiLo[iy * nphi + ip] = ip * tilePhi;
                int left = ip == 0 ? nphi - 1 : ip - 1;
                int right = ip == nphi - 1 ? 0 : ip + 1;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = iy + dy;
                    int k = base + 3 * (dy + 1);
                    boolean exists = yy >= 0 && yy < ny;
                    int row = yy * nphi;
                    nbr[k] = exists ? row + left : -1;
                    nbr[k + 1] = exists ? row + ip : -1;
                    nbr[k + 2] = exists ? row + right : -1;
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
            wd = new double[2 * s];
            dd = null;
            denseSlot = null;
            densePos = null;
        } else {
            size = 0;
            win = null;
            wd = null;
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
        for (int i = 0; i < n; i++) {
            recompute(i);
        }
        for (int i = 0; i < n; i++) {
            d[i] = diJ(i, nn, nnDist, f);
        }
        if (heap) {
            Arrays.fill(win, -1);
            Arrays.fill(wd, Double.POSITIVE_INFINITY);
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
                edges(y[a], ph[a], tile[a], edgeA);
                edges(y[b], ph[b], tile[b], edgeB);
                int ta = tile[a];
                int tb = tile[b];
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
                lostNeighbour(ta, edgeA, a, b);
                lostNeighbour(tb, edgeB, a, b);
                newJet(a);
            } else {
                cs.mergeWithBeam(idx[a], dmin);
                edges(y[a], ph[a], tile[a], edgeA);
                int ta = tile[a];
                removeFromTile(a);
                deactivate(a);
                stamp++;
                lostNeighbour(ta, edgeA, a, a);
            }
        }
    }

    // ---------------------------------------------------------------- neighbour bookkeeping

    /**
     * Fills out[k] with a lower bound of the squared distance from (yv, pv), which lies in tile c (possibly clamped
     * into it), to anything in neighbour tile k of c.
     */
    private void edges(double yv, double pv, int c, double[] out) {
        double yLo = tileYLo[c];
        double pLo = tilePhiLo[c];
        double below = Math.max(0.0, yv - yLo - EDGE_SLACK);
        double above = Math.max(0.0, yLo + tileY - yv - EDGE_SLACK);
        double left = Math.max(0.0, pv - pLo - EDGE_SLACK);
        double right = Math.max(0.0, pLo + tilePhi - pv - EDGE_SLACK);
        double b2 = below * below;
        double a2 = above * above;
        double l2 = left * left;
        double r2e = right * right;
        out[0] = b2 + l2;
        out[1] = b2;
        out[2] = b2 + r2e;
        out[3] = l2;
        out[4] = 0.0;
        out[5] = r2e;
        out[6] = a2 + l2;
        out[7] = a2;
        out[8] = a2 + r2e;
    }

    private int nnIdx(int i) {
        int j = nn[i];
        return j >= 0 ? idx[j] : -1;
    }

    /** Nearest neighbour of slot i (which must be in its tile): own tile first, then the tiles still in reach. */
    private void recompute(int i) {
        double best = r2;
        int bestSlot = -1;
        int bestIdx = -1;
        int c = tile[i];
        double yi = y[i];
        double pi = ph[i];
        for (int j = head[c]; j >= 0; j = next[j]) {
            if (j != i) {
                double dist = dist(y, ph, i, j);
                if (dist <= best && closer(dist, idx[j], best, bestIdx)) {
                    best = dist;
                    bestSlot = j;
                    bestIdx = idx[j];
                }
            }
        }
        double[] edge = edgeR;
        edges(yi, pi, c, edge);
        int base = 9 * c;
        for (int k = 0; k < 9; k++) {
            int t = nbr[base + k];
            if (k == SELF || t < 0 || edge[k] > best) {
                continue;
            }
            for (int j = head[t]; j >= 0; j = next[j]) {
                double dist = dist(y, ph, i, j);
                if (dist <= best && closer(dist, idx[j], best, bestIdx)) {
                    best = dist;
                    bestSlot = j;
                    bestIdx = idx[j];
                }
            }
        }
        nnDist[i] = best;
        nn[i] = bestSlot;
        if (best > maxNn[c]) {
            maxNn[c] = best;
        }
    }

    /**
     * Finds the objects around tile c whose nearest neighbour was slot a or b (gone, or replaced by the new jet)
     * and recomputes them. A tile can hold such an object only if its edge is within the tile's largest nnDist;
     * visited tiles get their bound tightened to the exact maximum.
     */
    private void lostNeighbour(int c, double[] edge, int a, int b) {
        int base = 9 * c;
        for (int k = 0; k < 9; k++) {
            int t = nbr[base + k];
            if (t < 0 || tileStamp[t] == stamp || edge[k] > maxNn[t]) {
                continue;
            }
            tileStamp[t] = stamp;
            double max = 0.0;
            for (int j = head[t]; j >= 0; j = next[j]) {
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
        edges(y[a], ph[a], c, edgeA);
        int base = 9 * c;
        for (int m = 0; m < 9; m++) {
            int k = m == 0 ? SELF : m == SELF ? 0 : m; // own tile first: it gives the tightest bound
            int t = nbr[base + k];
            if (t < 0 || edgeA[k] > Math.max(maxNn[t], bestA)) {
                continue;
            }
            for (int j = head[t]; j >= 0; j = next[j]) {
                if (j == a) {
                    continue;
                }
                double dist = dist(y, ph, a, j);
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
        int w;
        if (dl < dr) {
            w = l;
        } else if (dr < dl) {
            w = r;
        } else {
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
