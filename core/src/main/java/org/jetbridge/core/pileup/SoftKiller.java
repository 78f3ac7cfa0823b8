package org.jetbridge.core.pileup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Particle;

/**
 * SoftKiller (Cacciari, Salam, Soyez 2015): the smallest pT cut (GeV) that leaves half of the tiles of a
 * y–φ grid empty. On a {@link RapPhiGrid} (defaults y_max 2.5, spacing 0.4: 13 × 16 tiles) take in each tile the
 * largest pT of a particle with |y| &lt; y_max (0 for an empty tile), sort the T values and take the one at
 * 0-based position ⌊T/2⌋; the cut is √((1 + 10⁻¹²) pT²) of that value, so that particle itself is removed
 * (and the cut is 0 when more than half the tiles are empty). Particles with pT² ≥ cut² are kept, at every
 * rapidity: the cut is measured centrally and applied to the whole event.
 */
public final class SoftKiller implements ParticleMitigator {
    private final double spacing;
    private final RapPhiGrid grid;

    /** The reference settings: y_max 2.5, spacing 0.4. */
    public SoftKiller() {
        this(2.5, 0.4);
    }

    public SoftKiller(double rapMax, double spacing) {
        this.grid = new RapPhiGrid(rapMax, spacing);
        this.spacing = spacing;
    }

    @Override
    public String name() {
        return "SoftKiller(" + spacing + ")";
    }

    /** The pT cut (GeV) for an event. */
    public double ptCut(List<FourMomentum> particles) {
        return Math.sqrt(ptCut2(particles));
    }

    private double ptCut2(List<FourMomentum> particles) {
        double[] max2 = new double[grid.tileCount()];
        for (FourMomentum p : particles) {
            int t = grid.tile(p);
            if (t >= 0) {
                max2[t] = Math.max(max2[t], p.pt2());
            }
        }
        Arrays.sort(max2);
        double cut = Math.sqrt((1 + 1e-12) * max2[max2.length / 2]);
        return cut * cut;
    }

    @Override
    public List<Particle> apply(List<Particle> event) {
        List<FourMomentum> momenta = new ArrayList<>(event.size());
        for (Particle p : event) {
            momenta.add(p.momentum());
        }
        double cut2 = ptCut2(momenta);
        List<Particle> kept = new ArrayList<>();
        for (Particle p : event) {
            if (p.momentum().pt2() >= cut2) {
                kept.add(p);
            }
        }
        return kept;
    }
}
