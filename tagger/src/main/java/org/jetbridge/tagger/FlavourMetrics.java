package org.jetbridge.tagger;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jetbridge.io.hdf5.TaggingDataset;
import org.jetbridge.report.Roc;

/**
 * Tagging performance of class probabilities against true flavours: mean cross-entropy, jets per flavour, and per
 * {@link Discriminant} the ROC AUC and the background rejection at standard signal efficiencies.
 *
 * @param jets number of jets
 * @param crossEntropy mean −ln p(true flavour)
 * @param counts jets per flavour (light, c, b)
 * @param auc AUC per discriminant (NaN when a class is absent)
 * @param rejection per discriminant, rejection 1/ε_bkg by signal efficiency
 */
public record FlavourMetrics(int jets, double crossEntropy, int[] counts, Map<Discriminant, Double> auc,
        Map<Discriminant, Map<Double, Double>> rejection) {

    /** Signal efficiencies at which rejections are quoted, per discriminant. */
    public static final Map<Discriminant, double[]> EFFICIENCIES = Map.of(
            Discriminant.B_VS_LIGHT, new double[] {0.5, 0.6, 0.7, 0.77, 0.85},
            Discriminant.C_VS_LIGHT, new double[] {0.3, 0.4, 0.5, 0.7},
            Discriminant.B_VS_C, new double[] {0.5, 0.7, 0.85});

    /**
     * Metrics of jets 0 … n−1: probabilities [n, 3] (light, c, b), flavour labels [n]. Non-finite probabilities (a
     * diverging model) give NaN cross-entropy and AUCs and no rejections.
     */
    public static FlavourMetrics of(float[] probabilities, int[] flavour, int n) {
        int[] counts = new int[3];
        double ce = 0;
        boolean finite = true;
        for (int i = 0; i < n; i++) {
            counts[flavour[i]]++;
            ce -= Math.log(Math.max(probabilities[3 * i + flavour[i]], Float.MIN_NORMAL));
            for (int k = 0; k < 3; k++) {
                finite &= Float.isFinite(probabilities[3 * i + k]);
            }
        }
        Map<Discriminant, Double> auc = new EnumMap<>(Discriminant.class);
        Map<Discriminant, Map<Double, Double>> rejection = new EnumMap<>(Discriminant.class);
        for (Discriminant d : Discriminant.values()) {
            if (!finite || counts[d.signal()] == 0 || counts[d.background()] == 0) {
                auc.put(d, Double.NaN);
                rejection.put(d, Map.of());
                continue;
            }
            Roc roc = d.roc(probabilities, flavour, n);
            auc.put(d, roc.auc());
            Map<Double, Double> r = new LinkedHashMap<>();
            for (double e : EFFICIENCIES.get(d)) {
                r.put(e, roc.rejectionAt(e));
            }
            rejection.put(d, r);
        }
        return new FlavourMetrics(n, n == 0 || !finite ? Double.NaN : ce / n, counts, auc, rejection);
    }

    /** One line: jets, cross-entropy and the three AUCs. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%d jets (%d light, %d c, %d b): cross-entropy %.4f, AUC b/light "
                + "%.4f, c/light %.4f, b/c %.4f", jets, counts[TaggingDataset.LIGHT], counts[TaggingDataset.CHARM],
                counts[TaggingDataset.BOTTOM], crossEntropy, auc.get(Discriminant.B_VS_LIGHT),
                auc.get(Discriminant.C_VS_LIGHT), auc.get(Discriminant.B_VS_C));
    }
}
