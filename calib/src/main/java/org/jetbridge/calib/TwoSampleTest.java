package org.jetbridge.calib;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jetbridge.nn.MlpHead;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.ParameterStore;
import org.jetbridge.nn.train.AdamW;
import org.jetbridge.report.Roc;
import org.jetbridge.nn.train.Shuffle;

/**
 * Classifier two-sample test (C2ST): a fresh MLP (width 64, two hidden GELU layers) learns to tell sample B (signal)
 * from sample A on one half of each, and its ROC AUC on the other, held-out half measures how distinguishable they
 * are: 0.5 means indistinguishable. Both samples are cut to the same size; inputs are standardised with the training
 * half's statistics. Deterministic for a seed and thread count.
 */
public final class TwoSampleTest {

    /** Training settings of the classifier. */
    public record Settings(int width, int steps, int batch, double learningRate, long seed) {
        public static Settings defaults() {
            return new Settings(64, 600, 512, 2e-3, 7);
        }
    }

    /**
     * Result on the held-out half.
     *
     * @param auc ROC AUC of "B" against "A"
     * @param roc the ROC curve
     * @param testRows held-out rows per sample
     */
    public record Result(double auc, Roc roc, int testRows) {}

    private TwoSampleTest() {}

    /** Runs the test of {@code a} against {@code b} (same width). */
    public static Result run(NnRuntime runtime, Rows a, Rows b, Settings s) {
        if (a.cols() != b.cols()) {
            throw new IllegalArgumentException("c2st: samples of width " + a.cols() + " and " + b.cols());
        }
        int n = Math.min(a.rows(), b.rows());
        if (n < 20) {
            throw new IllegalArgumentException("c2st: need at least 20 rows per sample, got " + n);
        }
        SplittableRandom r = new SplittableRandom(s.seed());
        int[] ia = Shuffle.permutation(a.rows(), r);
        int[] ib = Shuffle.permutation(b.rows(), r);
        int half = n / 2;
        Rows trainA = a.select(java.util.Arrays.copyOfRange(ia, 0, half));
        Rows trainB = b.select(java.util.Arrays.copyOfRange(ib, 0, half));
        Rows testA = a.select(java.util.Arrays.copyOfRange(ia, half, n));
        Rows testB = b.select(java.util.Arrays.copyOfRange(ib, half, n));
        int d = a.cols();
        float[] both = new float[2 * half * d];
        System.arraycopy(trainA.values(), 0, both, 0, half * d);
        System.arraycopy(trainB.values(), 0, both, half * d, half * d);
        Standardisation st = Standardisation.fit(new Rows(both, 2 * half, d));
        st.forward(both, both, 2 * half);
        try (ParameterStore store = new ParameterStore(runtime, s.seed());
                NDManager root = runtime.newManager()) {
            MlpHead mlp = new MlpHead(store, "c2st", d, s.width(), s.width(), 1);
            try (AdamW adam = new AdamW(store, 0.9, 0.999, 1e-8, 1e-4)) {
                int batch = Math.min(s.batch(), 2 * half);
                for (int step = 0; step < s.steps(); step++) {
                    double lr = s.learningRate() * 0.5 * (1 + Math.cos(Math.PI * step / s.steps()));
                    try (NDManager m = root.newSubManager()) {
                        float[] x = new float[batch * d];
                        float[] y = new float[batch];
                        for (int i = 0; i < batch; i++) {
                            int row = r.nextInt(2 * half);
                            System.arraycopy(both, row * d, x, i * d, d);
                            y[i] = row >= half ? 1 : 0;
                        }
                        try (GradientCollector gc = runtime.engine().newGradientCollector()) {
                            NDArray logit = mlp.forward(m.create(x, new Shape(batch, d))).reshape(-1);
                            // binary cross-entropy with logits: softplus(z) − y·z
                            NDArray loss = Activation.softPlus(logit).sub(logit.mul(m.create(y))).mean();
                            gc.backward(loss);
                        }
                        List<NDArray> grads = new ArrayList<>();
                        for (ParameterStore.Parameter p : store.parameters()) {
                            NDArray g = p.array().getGradient();
                            g.attach(m);
                            grads.add(g);
                        }
                        adam.update(grads, lr, m);
                        for (NDArray g : grads) {
                            g.muli(0f);
                        }
                    }
                }
            }
            int t = n - half;
            double[] scores = new double[2 * t];
            boolean[] signal = new boolean[2 * t];
            score(mlp, root, st, testA, scores, 0);
            score(mlp, root, st, testB, scores, t);
            for (int i = t; i < 2 * t; i++) {
                signal[i] = true;
            }
            Roc roc = Roc.of(scores, signal);
            return new Result(roc.auc(), roc, t);
        }
    }

    private static void score(MlpHead mlp, NDManager root, Standardisation st, Rows rows, double[] out, int offset) {
        int d = rows.cols();
        for (int start = 0; start < rows.rows(); start += 8192) {
            int k = Math.min(8192, rows.rows() - start);
            float[] x = java.util.Arrays.copyOfRange(rows.values(), start * d, (start + k) * d);
            st.forward(x, x, k);
            try (NDManager m = root.newSubManager()) {
                float[] s = mlp.forward(m.create(x, new Shape(k, d))).toFloatArray();
                for (int i = 0; i < k; i++) {
                    out[offset + start + i] = s[i];
                }
            }
        }
    }
}
