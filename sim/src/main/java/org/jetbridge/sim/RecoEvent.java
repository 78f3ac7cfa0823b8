package org.jetbridge.sim;

/**
 * Reconstructed (particle-flow-like) candidates of one event, struct-of-arrays: momentum (GeV), charge,
 * {@link ParticleClass} code, transverse and longitudinal impact parameters d0, dz with their resolutions (mm;
 * dz relative to the hard-scatter vertex; all zero for neutrals), and truth: origin interaction (0 hard
 * scatter), {@link TruthEvent} ancestry flags and the index of the truth particle.
 */
public record RecoEvent(double[] px, double[] py, double[] pz, double[] e, int[] charge, int[] pidClass,
                        double[] d0, double[] d0err, double[] dz, double[] dzerr, int[] vertex, int[] flags,
                        int[] truthIndex) implements MomentumArrays {
}
