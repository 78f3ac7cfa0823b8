package org.jetbridge.calib;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.jetbridge.nn.NnRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Learned maps against closed-form optimal maps: 16-d Gaussians and a 1-D non-linear quantile map. */
class GaussianClosureTest {

    @TempDir
    Path tmp;

    /** Sized to finish in ~15 s on one loaded core; measured error 3.6 %. */
    static OtConfig closureConfig() {
        return GaussianClosure.config(64, 2);
    }

    @Test
    void sixteenDimensionalGaussianMapWithinFivePercent() throws Exception {
        GaussianClosure.Result r = GaussianClosure.run(CalibTestRuntime.get(), closureConfig(), tmp.resolve("run"));
        System.out.println("gaussian closure relative error " + r.relativeError() + " in " + r.fit().seconds() + " s");
        assertFalse(r.fit().diverged(), r.fit().message());
        assertTrue(r.relativeError() <= 0.05, "relative error " + r.relativeError());
        // the map moves points substantially, so the metric is not trivially small
        assertTrue(r.identityError() > 0.9, "identity error " + r.identityError());
    }

    /**
     * Measured 6.6 %. Known limitation (not tested): for a bimodal target wider than the source the minimax fit
     * stalls near a contraction (55 % error), in joint and alternating mode alike.
     */
    @Test
    void oneDimensionalMapMatchesTheQuantileMap() throws Exception {
        NnRuntime rt = CalibTestRuntime.get();
        int n = 20000;
        SplittableRandom r = new SplittableRandom(9);
        float[] xs = new float[n];
        float[] ys = new float[n];
        double[] xd = new double[n];
        double[] yd = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) r.nextGaussian();
            // skewed, shifted target (log-normal): the optimal map x ↦ 1 + exp(0.5 x') is clearly non-linear
            ys[i] = (float) (1 + Math.exp(0.5 * r.nextGaussian()));
            xd[i] = xs[i];
            yd[i] = ys[i];
        }
        QuantileMap exact = QuantileMap.fit(xd, yd);
        OtTrainer.FitOutput fit = new OtTrainer(rt, closureConfig().withSteps(2000))
                .progress(new PrintStream(new ByteArrayOutputStream()))
                .fit(new Rows(xs, n, 1), null, new Rows(ys, n, 1), null, List.of(), "", tmp.resolve("run1d"));
        try (TransportMap map = fit.map()) {
            int m = 2000;
            float[] test = new float[m];
            for (int i = 0; i < m; i++) {
                test[i] = (float) r.nextGaussian();
            }
            Rows out = map.apply(new Rows(test, m, 1), null);
            double err = 0;
            double moved = 0;
            for (int i = 0; i < m; i++) {
                double t = exact.apply(test[i]);
                err += Math.abs(out.get(i, 0) - t);
                moved += Math.abs(test[i] - t);
            }
            System.out.println("1-d relative error " + err / moved + " " + fit.result());
            assertTrue(err / moved < 0.08, "1-d relative error " + err / moved);
        }
    }
}
