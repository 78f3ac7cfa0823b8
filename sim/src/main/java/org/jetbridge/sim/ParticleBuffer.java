package org.jetbridge.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jetbridge.core.FourMomentum;

/** Growable struct-of-arrays collector of final-state particles while an event is built. */
final class ParticleBuffer {
    int n;
    double[] px = new double[256], py = new double[256], pz = new double[256], e = new double[256];
    double[] vx = new double[256], vy = new double[256], vz = new double[256];
    int[] pdg = new int[256], charge = new int[256], interaction = new int[256], flags = new int[256];
    final List<HeavyHadron> heavy = new ArrayList<>();
    final List<HardParton> partons = new ArrayList<>();
    double[] interactionZ = new double[8];
    int nInteractions;

    void add(int id, FourMomentum p, double x, double y, double z, int inter, int flag) {
        if (n == px.length) {
            int c = 2 * n;
            px = Arrays.copyOf(px, c);
            py = Arrays.copyOf(py, c);
            pz = Arrays.copyOf(pz, c);
            e = Arrays.copyOf(e, c);
            vx = Arrays.copyOf(vx, c);
            vy = Arrays.copyOf(vy, c);
            vz = Arrays.copyOf(vz, c);
            pdg = Arrays.copyOf(pdg, c);
            charge = Arrays.copyOf(charge, c);
            interaction = Arrays.copyOf(interaction, c);
            flags = Arrays.copyOf(flags, c);
        }
        px[n] = p.px();
        py[n] = p.py();
        pz[n] = p.pz();
        e[n] = p.e();
        vx[n] = x;
        vy[n] = y;
        vz[n] = z;
        pdg[n] = id;
        charge[n] = Species.charge(id);
        interaction[n] = inter;
        flags[n] = flag;
        n++;
    }

    /** Registers interaction k with its vertex z (mm); interactions must be added in order 0, 1, 2, … */
    void setInteractionZ(int k, double z) {
        if (k >= interactionZ.length) {
            interactionZ = Arrays.copyOf(interactionZ, Math.max(2 * interactionZ.length, k + 1));
        }
        interactionZ[k] = z;
        nInteractions = Math.max(nInteractions, k + 1);
    }

    TruthEvent build(FourMomentum initial) {
        return new TruthEvent(Arrays.copyOf(px, n), Arrays.copyOf(py, n), Arrays.copyOf(pz, n), Arrays.copyOf(e, n),
                Arrays.copyOf(pdg, n), Arrays.copyOf(charge, n), Arrays.copyOf(vx, n), Arrays.copyOf(vy, n),
                Arrays.copyOf(vz, n), Arrays.copyOf(interaction, n), Arrays.copyOf(flags, n), List.copyOf(heavy),
                List.copyOf(partons), initial, Arrays.copyOf(interactionZ, nInteractions));
    }
}
