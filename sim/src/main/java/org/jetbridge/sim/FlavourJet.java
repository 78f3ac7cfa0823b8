package org.jetbridge.sim;

/**
 * One labelled jet for flavour tagging: event index, jet pT (GeV), η, φ, mass (GeV), hadron-flavour label
 * ({@link #LIGHT}, {@link #CHARM}, {@link #BOTTOM}), initiating parton id (PDG, 0 if none within R), and its
 * constituents sorted by decreasing pT as primitive arrays: pt, eta, phi, deta, dphi (relative to the axis),
 * d0 (mm, signed positive when the track's closest approach lies on the jet side of the beam line), d0err,
 * dz (mm, relative to the hard-scatter vertex), dzerr, charge, pid class ({@link ParticleClass#code()}) and
 * truth ancestry flags ({@link TruthEvent#FROM_B} | {@link TruthEvent#FROM_C}) and origin interaction.
 */
public record FlavourJet(long event, double pt, double eta, double phi, double mass, int flavour, int partonId,
                         double[] cPt, double[] cEta, double[] cPhi, double[] cDeta, double[] cDphi, double[] cD0,
                         double[] cD0err, double[] cDz, double[] cDzerr, int[] cCharge, int[] cClass, int[] cFlags,
                         int[] cOrigin) {
    public static final int LIGHT = 0;
    public static final int CHARM = 1;
    public static final int BOTTOM = 2;

    public int size() {
        return cPt.length;
    }
}
