package org.jetbridge.sim;

/**
 * Minimum-bias (pile-up) interaction settings: charged density dNch/dη on the plateau |η| &lt; 2.5 (falling
 * linearly to 60 % at |η| = 4 beyond it), generated up to etaMax; negative-binomial shape k; Tsallis
 * (Lévy) exponent n and mean charged pT (GeV); π⁰ per charged pion; neutral hadrons (K_L, n) per charged
 * particle; fraction of interactions with a soft 2 → 2 minijet pair of pT in [minijetPtMin, minijetPtMax]
 * GeV; vertex z spread (mm).
 */
public record MinBiasParameters(double dNchdEta, double etaMax, double negativeBinomialK, double tsallisN,
                                double meanPt, double pi0PerChargedPion, double neutralHadronFraction,
                                double minijetFraction, double minijetPtMin, double minijetPtMax,
                                double vertexSigmaZ) {
    public MinBiasParameters {
        Check.nonNegative("dNchdEta", dNchdEta);
        Check.positive("etaMax", etaMax);
        if (etaMax > 5) {
            throw new IllegalArgumentException("etaMax must be <= 5, got " + etaMax);
        }
        Check.positive("negativeBinomialK", negativeBinomialK);
        if (!(tsallisN > 3.5) || !Double.isFinite(tsallisN)) {
            throw new IllegalArgumentException("tsallisN must be finite and > 3.5 (finite mean pT), got " + tsallisN);
        }
        Check.positive("meanPt", meanPt);
        Check.nonNegative("pi0PerChargedPion", pi0PerChargedPion);
        Check.nonNegative("neutralHadronFraction", neutralHadronFraction);
        Check.fraction("minijetFraction", minijetFraction);
        Check.positive("minijetPtMin", minijetPtMin);
        Check.order("minijetPtMin", minijetPtMin, "minijetPtMax", minijetPtMax);
        Check.nonNegative("vertexSigmaZ", vertexSigmaZ);
    }

    public static MinBiasParameters defaults() {
        return new MinBiasParameters(6.0, 2.5, 1.8, 7.5, 0.55, 0.5, 0.10, 0.07, 3.0, 15.0, 45.0);
    }
}
