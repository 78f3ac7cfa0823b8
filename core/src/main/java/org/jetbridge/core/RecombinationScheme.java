package org.jetbridge.core;

/** How two objects are merged during clustering. */
public enum RecombinationScheme {
    /** Four-vector sum. */
    E_SCHEME,
    /**
     * Winner-take-all in pT: the merged object has pT1 + pT2 and the rapidity, azimuth and mass of the harder
     * input (the first input on an exact tie). Recoil-free axes for N-subjettiness.
     */
    WTA_PT
}
