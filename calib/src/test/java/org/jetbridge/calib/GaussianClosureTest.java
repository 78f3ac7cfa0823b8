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
        return OtConfig.defaults().withWidth(64).withDepth(2).withSteps(3000).withBatch(256)
                .withLearningRate(1e-2, 3e-5);
    }

    @Test
    void sixteenDimensionalGaussianMapWithinFivePercent() throws Exception {
        NnRuntime rt = CalibTestRuntime.get();
        int d = 16;
        SyntheticLatents.Gaussian src = SyntheticLatents.Gaussian.standard(d);
        SyntheticLatents.Gaussian tgt = SyntheticLatents.Gaussian.random(d, 1.0, 0.3, 3.0, 5);
        Rows x = src.sample(20000, 1);
        Rows y = tgt.sample(20000, 2);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        OtTrainer.FitOutput fit = new OtTrainer(rt, closureConfig()).progress(new PrintStream(log))
                .fit(x, null, y, null, List.of(), "", tmp.resolve("run"));
        try (TransportMap map = fit.map()) {
            assertFalse(fit.result().diverged(), fit.result().message());
            // the fit standardises with the target's statistics, so it approximates the optimal map for the quadratic
            // cost in those coordinates: compare with that closed form
            GaussianMap exact = GaussianMap.between(src.mean(), src.covariance(), tgt.mean(), tgt.covariance(),
                    map.standardisation().std());
            Rows test = src.sample(5000, 3);
            double err = exact.relativeError(test, map.apply(test, null));
            System.out.println("gaussian closure relative error " + err + " in " + fit.result().seconds() + " s");
            assertTrue(err <= 0.05, "relative error " + err);
            // and the map moves points substantially, so the metric is not trivially small
            double identity = exact.relativeError(test, test);
            assertTrue(identity > 0.9, "identity error " + identity);
        }
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
