package org.jetbridge.sim;

/** Particle-flow candidate classes, with the integer codes stored in datasets. */
public enum ParticleClass {
    PHOTON(0), NEUTRAL_HADRON(1), CHARGED_HADRON(2), ELECTRON(3), MUON(4);

    private final int code;

    ParticleClass(int code) {
        this.code = code;
    }

    /** The dataset code: 0 photon, 1 neutral hadron, 2 charged hadron, 3 electron, 4 muon. */
    public int code() {
        return code;
    }

    /** The class a perfect detector would assign to a stable particle id. */
    public static ParticleClass of(int pdg, int charge) {
        int a = Math.abs(pdg);
        if (a == 11) {
            return ELECTRON;
        }
        if (a == 13) {
            return MUON;
        }
        if (a == 22) {
            return PHOTON;
        }
        return charge != 0 ? CHARGED_HADRON : NEUTRAL_HADRON;
    }
}
