package org.jetbridge.core.pileup;

import org.jetbridge.core.FourMomentum;

/**
 * A rectangular grid of tiles covering −y_max ≤ y &lt; y_max and 0 ≤ φ &lt; 2π. For a requested spacing s it has
 * n_y = ⌊2y_max/s + ½⌋ rows and n_φ = ⌊2π/s + ½⌋ columns of equal size (the grid of FastJet's
 * {@code GridMedianBackgroundEstimator} and of SoftKiller).
 */
final class RapPhiGrid {
    final double rapMax;
    final int nRap;
    final int nPhi;
    final double dRap;
    final double dPhi;

    RapPhiGrid(double rapMax, double spacing) {
        if (!(rapMax > 0) || !Double.isFinite(rapMax)) {
            throw new IllegalArgumentException("grid rapidity maximum must be positive and finite, got " + rapMax);
        }
        if (!(spacing > 0) || !(spacing <= 2 * rapMax)) {
            throw new IllegalArgumentException("grid spacing must be in (0, 2·rapMax = " + 2 * rapMax + "], got "
                    + spacing);
        }
        this.rapMax = rapMax;
        this.nRap = Math.max(1, (int) Math.floor(2 * rapMax / spacing + 0.5));
        this.nPhi = Math.max(1, (int) Math.floor(2 * Math.PI / spacing + 0.5));
        this.dRap = 2 * rapMax / nRap;
        this.dPhi = 2 * Math.PI / nPhi;
    }

    int tileCount() {
        return nRap * nPhi;
    }

    double tileArea() {
        return dRap * dPhi;
    }

    /** Tile of a momentum, or −1 when |y| ≥ y_max. */
    int tile(FourMomentum p) {
        double y = p.rapidity();
        if (!(Math.abs(y) < rapMax)) {
            return -1;
        }
        // rounding can push a particle just below y_max or 2π onto the non-existent next row/column
        int iy = Math.min(nRap - 1, (int) Math.floor((y + rapMax) / dRap));
        int iphi = Math.min(nPhi - 1, (int) Math.floor(p.phi02pi() / dPhi));
        return iy * nPhi + iphi;
    }
}
