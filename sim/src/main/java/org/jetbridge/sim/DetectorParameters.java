package org.jetbridge.sim;

/**
 * CMS-inspired detector settings. Tracking: |η| &lt; trackEtaMax, efficiencies for pT &gt; 1 GeV in the barrel
 * (|η| &lt; 1.5) and end-caps, trackEfficiencyLowPt for trackPtMin–1 GeV; relative pT resolution
 * ptResolutionConstant ⊕ ptResolutionSlope·pT (GeV⁻¹). Impact parameters (mm): σ(d0) = d0ResolutionConstant ⊕
 * d0ResolutionPt/pT (mm·GeV), σ(dz) = dzFactor·σ(d0); mis-modelling terms extraD0Core (Gaussian, mm) plus,
 * for a fraction extraD0WideFraction of tracks, extraD0Wide (mm) — not reflected in the stored σ(d0).
 * Calorimeters: ECAL σ/E = ecalStochastic/√E ⊕ ecalConstant, HCAL likewise, energy thresholds (GeV),
 * |η| &lt; caloEtaMax. particleLevel: skip the detector entirely.
 */
public record DetectorParameters(boolean particleLevel, double trackEtaMax, double trackPtMin,
                                 double trackEfficiencyBarrel, double trackEfficiencyEndcap,
                                 double trackEfficiencyLowPt, double ptResolutionConstant, double ptResolutionSlope,
                                 double d0ResolutionConstant, double d0ResolutionPt, double dzFactor,
                                 double extraD0Core, double extraD0Wide, double extraD0WideFraction,
                                 double ecalStochastic, double ecalConstant, double hcalStochastic,
                                 double hcalConstant, double photonThreshold, double neutralHadronThreshold,
                                 double caloEtaMax) {
    public DetectorParameters {
        Check.positive("trackEtaMax", trackEtaMax);
        Check.nonNegative("trackPtMin", trackPtMin);
        Check.fraction("trackEfficiencyBarrel", trackEfficiencyBarrel);
        Check.fraction("trackEfficiencyEndcap", trackEfficiencyEndcap);
        Check.fraction("trackEfficiencyLowPt", trackEfficiencyLowPt);
        Check.nonNegative("ptResolutionConstant", ptResolutionConstant);
        Check.nonNegative("ptResolutionSlope", ptResolutionSlope);
        Check.nonNegative("d0ResolutionConstant", d0ResolutionConstant);
        Check.nonNegative("d0ResolutionPt", d0ResolutionPt);
        Check.nonNegative("dzFactor", dzFactor);
        Check.nonNegative("extraD0Core", extraD0Core);
        Check.nonNegative("extraD0Wide", extraD0Wide);
        Check.fraction("extraD0WideFraction", extraD0WideFraction);
        Check.nonNegative("ecalStochastic", ecalStochastic);
        Check.nonNegative("ecalConstant", ecalConstant);
        Check.nonNegative("hcalStochastic", hcalStochastic);
        Check.nonNegative("hcalConstant", hcalConstant);
        Check.nonNegative("photonThreshold", photonThreshold);
        Check.nonNegative("neutralHadronThreshold", neutralHadronThreshold);
        Check.positive("caloEtaMax", caloEtaMax);
    }

    public static DetectorParameters defaults() {
        return new DetectorParameters(false, 2.5, 0.3, 0.97, 0.85, 0.70, 0.01, 1.0e-4, 0.010, 0.070, 2.0,
                0.0, 0.0, 0.0, 0.03, 0.005, 1.0, 0.05, 0.5, 1.0, 3.0);
    }
}
