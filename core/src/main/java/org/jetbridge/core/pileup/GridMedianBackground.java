package org.jetbridge.core.pileup;

import java.util.Arrays;
import java.util.List;
import org.jetbridge.core.FourMomentum;

/**
 * Grid-median background estimator: sums the pT of the particles with |y| &lt; y_max in each tile of a
 * {@link RapPhiGrid}; ρ = P(½)/A and σ = (P(½) − P((1 − 0.6827)/2))/√A with A the tile area and P the
 * percentile of the sorted tile sums q_0 … q_{n−1} defined by linear interpolation at position x = nf − ½
 * (FastJet's convention). Defaults: y_max 2.5, spacing 0.55 (9 × 11 tiles). Cost O(N + T log T).
 */
public final class GridMedianBackground implements BackgroundEstimator {
    /** Fraction of a Gaussian below −1σ, as used for σ. */
    static final double ONE_SIGMA_LOW = (1 - 0.6827) / 2;

    private final RapPhiGrid grid;

    public GridMedianBackground() {
        this(2.5, 0.55);
    }

    /** A grid over |y| &lt; rapMax with the requested tile spacing (both in units of y and φ). */
    public GridMedianBackground(double rapMax, double spacing) {
        this.grid = new RapPhiGrid(rapMax, spacing);
    }

    /** Area of one tile. */
    public double tileArea() {
        return grid.tileArea();
    }

    public int tileCount() {
        return grid.tileCount();
    }

    @Override
    public BackgroundEstimate estimate(List<FourMomentum> particles) {
        double[] sums = new double[grid.tileCount()];
        for (FourMomentum p : particles) {
            int t = grid.tile(p);
            if (t >= 0) {
                sums[t] += p.pt();
            }
        }
        Arrays.sort(sums);
        double median = percentile(sums, 0.5);
        double low = percentile(sums, ONE_SIGMA_LOW);
        double a = grid.tileArea();
        return new BackgroundEstimate(median / a, (median - low) / Math.sqrt(a));
    }

    /** Percentile of sorted values at fraction f: linear interpolation at position n·f − ½, clamped to the ends. */
    static double percentile(double[] sorted, double f) {
        int n = sorted.length;
        double x = n * f - 0.5;
        if (x <= 0) {
            return sorted[0];
        }
        int i = (int) Math.floor(x);
        if (i >= n - 1) {
            return sorted[n - 1];
        }
        double frac = x - i;
        return sorted[i] * (1 - frac) + sorted[i + 1] * frac;
    }
}
