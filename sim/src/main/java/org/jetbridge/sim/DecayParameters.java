package org.jetbridge.sim;

/**
 * Heavy-flavour production fractions and decay settings. b-hadron fractions B⁰ : B⁺ : B_s : b-baryon and
 * c-hadron fractions D⁰ : D⁺ : D_s : Λ_c (normalised internally); semileptonic branching fractions per lepton
 * flavour; lifetimeScale multiplies every cτ (1 = PDG values); decayLongLived: decay K_S and Λ (else stable).
 */
public record DecayParameters(double fractionB0, double fractionBplus, double fractionBs, double fractionBbaryon,
                              double fractionD0, double fractionDplus, double fractionDs, double fractionLambdaC,
                              double semileptonicB, double semileptonicD0, double semileptonicDplus,
                              double lifetimeScale, boolean decayLongLived) {
    public DecayParameters {
        Check.nonNegative("fractionB0", fractionB0);
        Check.nonNegative("fractionBplus", fractionBplus);
        Check.nonNegative("fractionBs", fractionBs);
        Check.nonNegative("fractionBbaryon", fractionBbaryon);
        Check.positive("sum of b-hadron fractions", fractionB0 + fractionBplus + fractionBs + fractionBbaryon);
        Check.nonNegative("fractionD0", fractionD0);
        Check.nonNegative("fractionDplus", fractionDplus);
        Check.nonNegative("fractionDs", fractionDs);
        Check.nonNegative("fractionLambdaC", fractionLambdaC);
        Check.positive("sum of c-hadron fractions", fractionD0 + fractionDplus + fractionDs + fractionLambdaC);
        Check.fraction("semileptonicB", semileptonicB);
        Check.fraction("semileptonicD0", semileptonicD0);
        Check.fraction("semileptonicDplus", semileptonicDplus);
        if (semileptonicB > 0.4 || semileptonicD0 > 0.4 || semileptonicDplus > 0.4) {
            throw new IllegalArgumentException("semileptonic fractions are per lepton flavour and must be <= 0.4");
        }
        Check.positive("lifetimeScale", lifetimeScale);
    }

    public static DecayParameters defaults() {
        return new DecayParameters(0.404, 0.404, 0.103, 0.089, 0.60, 0.25, 0.10, 0.05, 0.105, 0.065, 0.16, 1.0,
                true);
    }
}
