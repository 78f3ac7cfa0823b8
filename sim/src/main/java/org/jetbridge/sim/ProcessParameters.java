package org.jetbridge.sim;

/**
 * Hard-process settings. Top pairs: top pT from dN/dpT ∝ pT^−topPtPower on [topPtMin, topPtMax] GeV (or flat
 * when topFlatPt), rapidity N(0, topRapiditySigma) truncated to |y| &lt; topRapidityMax; masses and widths
 * (GeV); W helicity fractions F0 and FL (FR = 1 − F0 − FL). Flavour jets: parton pT on [flavourPtMin,
 * flavourPtMax] GeV, ∝ pT^−flavourPtPower or flat in ln pT, |η| &lt; flavourEtaMax; process fractions of b b̄,
 * c c̄, light q q̄ (u, d, s), g g pairs and tt̄ events (normalised internally).
 */
public record ProcessParameters(double topPtMin, double topPtMax, double topPtPower, boolean topFlatPt,
                                double topRapiditySigma, double topRapidityMax, double topMass, double topWidth,
                                double wMass, double wWidth, double wHelicityF0, double wHelicityFL,
                                double flavourPtMin, double flavourPtMax, double flavourPtPower,
                                boolean flavourFlatLogPt, double flavourEtaMax, double fractionBB,
                                double fractionCC, double fractionLightQQ, double fractionGG,
                                double fractionTTbar) {
    public ProcessParameters {
        Check.positive("topPtMin", topPtMin);
        Check.order("topPtMin", topPtMin, "topPtMax", topPtMax);
        Check.nonNegative("topPtPower", topPtPower);
        Check.positive("topRapiditySigma", topRapiditySigma);
        Check.positive("topRapidityMax", topRapidityMax);
        Check.positive("topMass", topMass);
        Check.nonNegative("topWidth", topWidth);
        Check.positive("wMass", wMass);
        Check.nonNegative("wWidth", wWidth);
        Check.order("wMass", wMass, "topMass", topMass);
        Check.fraction("wHelicityF0", wHelicityF0);
        Check.fraction("wHelicityFL", wHelicityFL);
        if (wHelicityF0 + wHelicityFL > 1 + 1e-12) {
            throw new IllegalArgumentException("wHelicityF0 + wHelicityFL must be <= 1, got "
                    + (wHelicityF0 + wHelicityFL));
        }
        Check.positive("flavourPtMin", flavourPtMin);
        Check.order("flavourPtMin", flavourPtMin, "flavourPtMax", flavourPtMax);
        Check.nonNegative("flavourPtPower", flavourPtPower);
        Check.positive("flavourEtaMax", flavourEtaMax);
        Check.nonNegative("fractionBB", fractionBB);
        Check.nonNegative("fractionCC", fractionCC);
        Check.nonNegative("fractionLightQQ", fractionLightQQ);
        Check.nonNegative("fractionGG", fractionGG);
        Check.nonNegative("fractionTTbar", fractionTTbar);
        Check.positive("sum of process fractions", fractionBB + fractionCC + fractionLightQQ + fractionGG
                + fractionTTbar);
    }

    public static ProcessParameters defaults() {
        return new ProcessParameters(250, 3000, 5, false, 1.2, 2.5, 172.5, 1.4, 80.4, 2.1, 0.70, 0.30,
                30, 1000, 3, false, 2.5, 0.3, 0.3, 0.2, 0.2, 0.0);
    }
}
