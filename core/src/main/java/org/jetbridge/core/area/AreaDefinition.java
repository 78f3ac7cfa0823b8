package org.jetbridge.core.area;

/**
 * How active jet areas are measured: a grid of ghosts (massless, pT ≈ {@code meanGhostPt}, negligible next to
 * any real particle) covering |y| &lt; {@code ghostMaxRapidity} and the full azimuth, each cell of area ≈
 * {@code ghostArea} (units of y × φ). The grid is chosen with cells no larger than the requested area: n_y =
 * ⌈y_max/√a⌉ rows per sign of rapidity and n_φ = ⌈2π/√a⌉ columns, so the actual cell area is
 * (y_max/n_y)(2π/n_φ) (0.0099733 for the defaults, 120 × 63 = 7560 ghosts). Each ghost sits at its cell centre
 * moved by {@code gridScatter} × cell size × U(−½, ½) in y and in φ, with pT scaled by
 * 1 + {@code ptScatter} × U(−½, ½). With {@code repeats} &gt; 1 the event is clustered once per ghost set and
 * each real jet's area is averaged over the repeats (see {@link ActiveAreaClustering}). {@code seed} fixes all
 * ghost positions: the same seed gives the same areas.
 *
 * @param ghostMaxRapidity ghosts cover |y| &lt; this (default 6)
 * @param ghostArea requested area per ghost (default 0.01)
 * @param gridScatter relative random displacement of ghosts within their cell, in [0, 1] (default 1)
 * @param ptScatter relative random spread of ghost pT, in [0, 1) (default 0.1)
 * @param meanGhostPt mean ghost pT in GeV (default 1e-100)
 * @param repeats number of independent ghost sets (default 1)
 * @param seed random seed of the ghost positions
 */
public record AreaDefinition(double ghostMaxRapidity, double ghostArea, double gridScatter, double ptScatter,
        double meanGhostPt, int repeats, long seed) {

    public static final double DEFAULT_GHOST_MAX_RAPIDITY = 6.0;
    public static final double DEFAULT_GHOST_AREA = 0.01;
    public static final double DEFAULT_GRID_SCATTER = 1.0;
    public static final double DEFAULT_PT_SCATTER = 0.1;
    public static final double DEFAULT_MEAN_GHOST_PT = 1e-100;

    public AreaDefinition {
        if (!(ghostMaxRapidity > 0) || !Double.isFinite(ghostMaxRapidity)) {
            throw new IllegalArgumentException("ghostMaxRapidity must be positive and finite, got " + ghostMaxRapidity);
        }
        if (!(ghostArea > 0) || !(ghostArea <= 1.0)) {
            throw new IllegalArgumentException("ghostArea must be in (0, 1], got " + ghostArea);
        }
        if (!(gridScatter >= 0 && gridScatter <= 1)) {
            throw new IllegalArgumentException("gridScatter must be in [0, 1], got " + gridScatter);
        }
        if (!(ptScatter >= 0 && ptScatter < 1)) {
            throw new IllegalArgumentException("ptScatter must be in [0, 1), got " + ptScatter);
        }
        // pT² of a ghost must stay a normal double, and ghosts must stay negligible next to real particles.
        if (!(meanGhostPt >= 1e-150 && meanGhostPt <= 1e-30)) {
            throw new IllegalArgumentException("meanGhostPt must be in [1e-150, 1e-30] GeV, got " + meanGhostPt);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
    }

    /** The defaults (y_max 6, area 0.01, full grid scatter, 10 % pT scatter, 1e-100 GeV, one repeat) and a seed. */
    public static AreaDefinition defaults(long seed) {
        return new AreaDefinition(DEFAULT_GHOST_MAX_RAPIDITY, DEFAULT_GHOST_AREA, DEFAULT_GRID_SCATTER,
                DEFAULT_PT_SCATTER, DEFAULT_MEAN_GHOST_PT, 1, seed);
    }

    public AreaDefinition withSeed(long s) {
        return new AreaDefinition(ghostMaxRapidity, ghostArea, gridScatter, ptScatter, meanGhostPt, repeats, s);
    }

    public AreaDefinition withRepeats(int r) {
        return new AreaDefinition(ghostMaxRapidity, ghostArea, gridScatter, ptScatter, meanGhostPt, r, seed);
    }

    public AreaDefinition withGhostArea(double a) {
        return new AreaDefinition(ghostMaxRapidity, a, gridScatter, ptScatter, meanGhostPt, repeats, seed);
    }

    /** Ghost rows per sign of rapidity. */
    public int rapidityRowsPerSide() {
        return (int) Math.ceil(ghostMaxRapidity / Math.sqrt(ghostArea));
    }

    /** Ghost columns in azimuth. */
    public int phiColumns() {
        return (int) Math.ceil(2 * Math.PI / Math.sqrt(ghostArea));
    }

    /** Actual area of one ghost cell (≤ the requested {@link #ghostArea}). */
    public double actualGhostArea() {
        return (ghostMaxRapidity / rapidityRowsPerSide()) * (2 * Math.PI / phiColumns());
    }

    /** Number of ghosts in one ghost set. */
    public int ghostCount() {
        return 2 * rapidityRowsPerSide() * phiColumns();
    }
}
