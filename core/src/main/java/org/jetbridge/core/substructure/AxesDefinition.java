package org.jetbridge.core.substructure;

/** How the N axes of N-subjettiness are chosen (see {@link NSubjettiness}). */
public enum AxesDefinition {
    /**
     * The N exclusive jets of a kt (E-scheme, unlimited radius) reclustering of the constituents; no
     * minimisation (fjcontrib's KT_Axes).
     */
    EXCLUSIVE_KT,
    /**
     * Seeds from a kt reclustering with winner-take-all pT recombination, then one-pass minimisation of τ_N
     * (fjcontrib's OnePass_WTA_KT_Axes).
     */
    ONEPASS_WTA_KT
}
