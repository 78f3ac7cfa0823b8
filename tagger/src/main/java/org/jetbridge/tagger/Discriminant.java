package org.jetbridge.tagger;

import org.jetbridge.io.hdf5.TaggingDataset;
import org.jetbridge.report.Roc;

/**
 * The standard flavour discriminants built from the class probabilities (p_l, p_c, p_b), each with its signal and
 * background flavour: b vs light D_b = p_b / (p_c + p_l); c vs light CvsL = p_c / (p_c + p_l); b vs c
 * BvsC = p_b / (p_b + p_c). Each is a monotone function of a likelihood ratio of the two classes it separates.
 */
public enum Discriminant {
    B_VS_LIGHT("b_vs_light", TaggingDataset.BOTTOM, TaggingDataset.LIGHT),
    C_VS_LIGHT("c_vs_light", TaggingDataset.CHARM, TaggingDataset.LIGHT),
    B_VS_C("b_vs_c", TaggingDataset.BOTTOM, TaggingDataset.CHARM);

    private final String key;
    private final int signal;
    private final int background;

    Discriminant(String key, int signal, int background) {
        this.key = key;
        this.signal = signal;
        this.background = background;
    }

    /** Stable name used in metrics files. */
    public String key() {
        return key;
    }

    /** The formula, e.g. "p_b / (p_c + p_light)". */
    public String formula() {
        return switch (this) {
            case B_VS_LIGHT -> "p_b / (p_c + p_light)";
            case C_VS_LIGHT -> "p_c / (p_c + p_light)";
            case B_VS_C -> "p_b / (p_b + p_c)";
        };
    }

    /** Signal flavour label (dataset code). */
    public int signal() {
        return signal;
    }

    /** Background flavour label (dataset code). */
    public int background() {
        return background;
    }

    /** The discriminant of probabilities {@code p} (light, c, b) starting at {@code at}. */
    public double value(float[] p, int at) {
        double pl = p[at + TaggingDataset.LIGHT];
        double pc = p[at + TaggingDataset.CHARM];
        double pb = p[at + TaggingDataset.BOTTOM];
        return switch (this) {
            case B_VS_LIGHT -> pb / (pc + pl);
            case C_VS_LIGHT -> pc / (pc + pl);
            case B_VS_C -> pb / (pb + pc);
        };
    }

    /** ROC of this discriminant over the signal and background jets among 0 … n−1 (probabilities [n, 3]). */
    public Roc roc(float[] probabilities, int[] flavour, int n) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            m += flavour[i] == signal || flavour[i] == background ? 1 : 0;
        }
        double[] scores = new double[m];
        boolean[] isSignal = new boolean[m];
        m = 0;
        for (int i = 0; i < n; i++) {
            if (flavour[i] == signal || flavour[i] == background) {
                scores[m] = value(probabilities, 3 * i);
                isSignal[m++] = flavour[i] == signal;
            }
        }
        return Roc.of(scores, isSignal);
    }
}
