package org.jetbridge.pileup.model;

/**
 * One jet as the networks see it, before normalisation: per observed constituent (Δη, Δφ, ln(pT/GeV)) relative to
 * the observed jet axis, the jet context (observed η, φ, ln(pT/GeV), mass in GeV, pile-up level, observed
 * multiplicity), and for training the hard-scatter target in the same frame and the per-particle HS labels.
 *
 * @param observed {@code nObserved × 3} features, pT-descending
 * @param nObserved observed constituents (≥ 1)
 * @param context {@link JetFeatures#CONTEXT} values
 * @param axisEta η of the observed axis (to return to the lab frame)
 * @param axisPhi φ of the observed axis
 * @param hardScatter {@code nHardScatter × 3} target features, or null when unknown
 * @param nHardScatter hard-scatter constituents in the target (0 when unknown)
 * @param isHardScatter per observed constituent 1 if it comes from the hard scatter, or null when unknown
 */
public record EncodedJet(float[] observed, int nObserved, float[] context, double axisEta, double axisPhi,
        float[] hardScatter, int nHardScatter, byte[] isHardScatter) {
}
