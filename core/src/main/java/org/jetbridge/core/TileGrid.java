package org.jetbridge.core;

/**
 * The (y, φ) tiling shared by the tiled clustering loops: tiles at least R wide (φ periodic, φ in [0, 2π)) over
 * the occupied rapidity range, beam-like rapidities clamped into the edge rows. Neighbour k of a tile sits at row
 * offset k / 3 − 1 and column offset k % 3 − 1, so k = {@link #SELF} is the tile itself.
 */
final class TileGrid {
    /** Tiles are made this much wider than R so that rounding in the tile index can never hide a neighbour. */
    private static final double TILE_MARGIN = 1.0 + 1e-9;
    /** Edge distances are reduced by this (in units of y and φ) before deciding to skip a tile. */
    static final double EDGE_SLACK = 1e-9;
    /** Rapidities beyond this are beam-like: they do not stretch the tiled range, they are clamped into it. */
    private static final double TILED_RAPIDITY_LIMIT = 1e4;
    static final int SELF = 4;

    final int ny;
    final int nphi;
    final int nTiles;
    final double y0;
    final double tileY;
    final double tilePhi;
    final double invTileY;
    final double invTilePhi;

    /** The grid for the inputs of cs at radius r (r &lt; π/2). */
    TileGrid(ClusterSequence cs, double r) {
        if (r >= ClusteringStrategies.MAX_TILED_RADIUS) {
            throw new IllegalStateException("tiled clustering needs R < π/2, got " + r);
        }
        int n = cs.inputCount();
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
        nTiles = ny * nphi;
    }

    /** Rapidity row of y, clamped into [0, ny). */
    int row(double y) {
        double fy = Math.floor((y - y0) * invTileY);
        return fy < 0 ? 0 : fy >= ny ? ny - 1 : (int) fy;
    }

    /** Azimuthal column of φ ∈ [0, 2π), clamped into [0, nphi) against rounding. */
    int column(double phi) {
        int ip = (int) (phi * invTilePhi);
        return ip >= nphi ? nphi - 1 : ip < 0 ? 0 : ip;
    }

    /**
     * For a point (yv, pv) in the tile of row iy, column ip (possibly clamped into it): edge[k] is a lower bound of
     * the squared distance from the point to anything in neighbour tile k, shrunk by a slack so that rounding can
     * never skip an object whose computed distance would have won or tied.
     */
    void edges(double yv, double pv, int iy, int ip, double[] edge) {
        double yLo = y0 + iy * tileY;
        double pLo = ip * tilePhi;
        double below = Math.max(0.0, yv - yLo - EDGE_SLACK);
        double above = Math.max(0.0, yLo + tileY - yv - EDGE_SLACK);
        double left = Math.max(0.0, pv - pLo - EDGE_SLACK);
        double right = Math.max(0.0, pLo + tilePhi - pv - EDGE_SLACK);
        double b2 = below * below;
        double a2 = above * above;
        double l2 = left * left;
        double r2e = right * right;
        edge[0] = b2 + l2;
        edge[1] = b2;
        edge[2] = b2 + r2e;
        edge[3] = l2;
        edge[4] = 0.0;
        edge[5] = r2e;
        edge[6] = a2 + l2;
        edge[7] = a2;
        edge[8] = a2 + r2e;
    }
}
