package org.jetbridge.core;

/**
 * Sequential-recombination algorithms of the generalised-kt family, d_ij = min(kt_i^{2p}, kt_j^{2p}) ΔR²_ij/R²,
 * d_iB = kt_i^{2p}.
 */
public enum JetAlgorithm {
    /** p = 1: soft and close pairs merge first. */
    KT(1.0),
    /** p = 0: purely angular ordering (Cambridge/Aachen). */
    CAMBRIDGE(0.0),
    /** p = −1: hard particles accrete their soft neighbourhood; cone-like, the LHC default. */
    ANTIKT(-1.0),
    /** Any p, given in the {@link JetDefinition}. */
    GENKT(Double.NaN);

    private final double p;

    JetAlgorithm(double p) {
        this.p = p;
    }

    /** The exponent p of this algorithm (NaN for {@link #GENKT}, whose p lives in the definition). */
    public double defaultP() {
        return p;
    }
}
