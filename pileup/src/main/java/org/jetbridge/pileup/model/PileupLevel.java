package org.jetbridge.pileup.model;

import java.util.Locale;
import org.jetbridge.sim.RandomStream;

/**
 * What the model is told about the pile-up level of a crossing. {@code TRUE}: the true number of pile-up
 * interactions N_PU (as the reference study). {@code VERTICES}: an observable proxy, the number of reconstructed
 * primary vertices N_vtx ~ Binomial(N_PU, ε) — each pile-up vertex is found with efficiency ε (merged or too few
 * tracks otherwise), so N_vtx fluctuates around ε·N_PU with variance ε(1 − ε)·N_PU, as in data where only N_vtx (or
 * ⟨μ⟩) is known.
 *
 * @param vertices whether the proxy is used
 * @param efficiency ε of the proxy, in (0, 1]
 */
public record PileupLevel(boolean vertices, double efficiency) {

    public PileupLevel {
        if (!(efficiency > 0 && efficiency <= 1)) {
            throw new IllegalArgumentException("vertex efficiency: expected in (0, 1], got " + efficiency);
        }
    }

    /** "true" or "vertices". */
    public static PileupLevel of(String name, double efficiency) {
        if (name == null) {
            throw new IllegalArgumentException("pile-up level: expected 'true' or 'vertices', got null");
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "true" -> new PileupLevel(false, efficiency);
            case "vertices" -> new PileupLevel(true, efficiency);
            default -> throw new IllegalArgumentException("pile-up level: expected 'true' or 'vertices', got '"
                    + name + "'");
        };
    }

    /** The level the model sees for a crossing with {@code nPileup} interactions (draws from {@code rng} for the proxy). */
    public int observe(int nPileup, RandomStream rng) {
        if (!vertices) {
            return nPileup;
        }
        int n = 0;
        for (int i = 0; i < nPileup; i++) {
            if (rng.uniform() < efficiency) {
                n++;
            }
        }
        return n;
    }
}
