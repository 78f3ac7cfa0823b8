package org.jetbridge.sim;

import java.util.Arrays;
import java.util.List;

/**
 * A pool of minimum-bias interactions at particle level from which pile-up is overlaid: interaction k owns
 * particles offsets[k] … offsets[k+1]−1 (visible stable particles: pT in GeV, η, φ, energy in GeV, charge)
 * and has vertex z vertexZ[k] (mm).
 */
public record MinBiasPool(int[] offsets, double[] pt, double[] eta, double[] phi, double[] e, int[] charge,
                          double[] vertexZ) {
    public MinBiasPool {
        if (offsets.length != vertexZ.length + 1) {
            throw new IllegalArgumentException("offsets must have one entry more than vertexZ");
        }
    }

    public int interactions() {
        return vertexZ.length;
    }

    /** Interactions first … first+count−1 of the run with this seed, generated on the given threads. */
    public static MinBiasPool generate(GeneratorSettings settings, long seed, long first, int count, int threads) {
        Generator g = new Generator(settings);
        List<TruthEvent> evs = EventLoop.run(seed, first, count, threads, (i, rng) -> g.minBiasEvent(rng));
        int total = 0;
        for (TruthEvent t : evs) {
            total += t.size();
        }
        int[] off = new int[count + 1];
        double[] pt = new double[total], eta = new double[total], phi = new double[total], e = new double[total];
        int[] q = new int[total];
        double[] vz = new double[count];
        int n = 0;
        for (int k = 0; k < count; k++) {
            TruthEvent t = evs.get(k);
            off[k] = n;
            vz[k] = t.interactionZ()[0];
            for (int i = 0; i < t.size(); i++) {
                if (Species.isNeutrino(t.pdg()[i]) || t.pt(i) == 0) {
                    continue;
                }
                var p = t.momentum(i);
                pt[n] = p.pt();
                eta[n] = p.eta();
                phi[n] = p.phi();
                e[n] = p.e();
                q[n] = t.charge()[i];
                n++;
            }
        }
        off[count] = n;
        return new MinBiasPool(off, Arrays.copyOf(pt, n), Arrays.copyOf(eta, n), Arrays.copyOf(phi, n),
                Arrays.copyOf(e, n), Arrays.copyOf(q, n), vz);
    }
}
