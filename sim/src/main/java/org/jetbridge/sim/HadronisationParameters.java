package org.jetbridge.sim;

/**
 * Independent-fragmentation settings: Lund symmetric a and b (GeV⁻²), Gaussian pT kick sigmaPt (GeV),
 * strangeness suppression s/u, diquark (baryon) probability, vector-meson fraction, Peterson ε for c and b,
 * and the remaining energy (GeV) below which a fragmentation chain stops.
 */
public record HadronisationParameters(double lundA, double lundB, double sigmaPt, double strangeSuppression,
                                      double diquarkProbability, double vectorFraction, double petersonEpsilonC,
                                      double petersonEpsilonB, double stopEnergy) {
    public HadronisationParameters {
        Check.positive("lundA", lundA);
        Check.positive("lundB", lundB);
        Check.nonNegative("sigmaPt", sigmaPt);
        Check.nonNegative("strangeSuppression", strangeSuppression);
        Check.fraction("diquarkProbability", diquarkProbability);
        Check.fraction("vectorFraction", vectorFraction);
        Check.positive("petersonEpsilonC", petersonEpsilonC);
        Check.positive("petersonEpsilonB", petersonEpsilonB);
        Check.positive("stopEnergy", stopEnergy);
    }

    public static HadronisationParameters defaults() {
        return new HadronisationParameters(0.68, 0.98, 0.335, 0.217, 0.08, 0.5, 0.05, 0.003, 3.0);
    }
}
