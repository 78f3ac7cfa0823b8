package org.jetbridge.sim;

import java.util.List;
import org.jetbridge.core.FourMomentum;

/**
 * The generator-level record of one bunch crossing, struct-of-arrays over the stable final-state particles:
 * momentum (GeV), PDG id, charge, production vertex (mm), interaction index (0 hard scatter, k ≥ 1 pile-up) and
 * ancestry flags ({@link #FROM_B}, {@link #FROM_C}). Also the weakly decaying heavy hadrons, the hard partons,
 * the total incoming four-momentum of the hard scatter (GeV) and each interaction's vertex z (mm).
 */
public record TruthEvent(double[] px, double[] py, double[] pz, double[] e, int[] pdg, int[] charge,
                         double[] vx, double[] vy, double[] vz, int[] interaction, int[] flags,
                         List<HeavyHadron> heavyHadrons, List<HardParton> hardPartons, FourMomentum initial,
                         double[] interactionZ) implements MomentumArrays {
    /** Flag bit: descends from a b hadron. */
    public static final int FROM_B = 1;
    /** Flag bit: descends from a c hadron. */
    public static final int FROM_C = 2;


    public boolean fromB(int i) {
        return (flags[i] & FROM_B) != 0;
    }

    public boolean fromC(int i) {
        return (flags[i] & FROM_C) != 0;
    }

    /** Sum of the final-state momenta of one interaction (GeV). */
    public FourMomentum totalMomentum(int interactionIndex) {
        double x = 0, y = 0, z = 0, t = 0;
        for (int i = 0; i < px.length; i++) {
            if (interaction[i] == interactionIndex) {
                x += px[i];
                y += py[i];
                z += pz[i];
                t += e[i];
            }
        }
        return new FourMomentum(x, y, z, t);
    }

    /** Sum of the charges of one interaction. */
    public int totalCharge(int interactionIndex) {
        int q = 0;
        for (int i = 0; i < px.length; i++) {
            if (interaction[i] == interactionIndex) {
                q += charge[i];
            }
        }
        return q;
    }
}
