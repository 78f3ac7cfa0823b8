package org.jetbridge.calib;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.jetbridge.nn.NnRuntime;

/**
 * The Gaussian closure check of the engine: fit a map from the 16-d standard normal to a random Gaussian N(μ, Σ)
 * (μ ~ N(0, 1), Σ eigenvalues log-uniform in [0.3, 3], random rotation; 20 000 rows per side) and compare it on
 * 5 000 fresh points with the closed-form optimal map for the quadratic cost in the fit's (target-standardised)
 * coordinates: mean ‖T_learned(x) − T(x)‖ / mean ‖x − T(x)‖. About 15 s on one core with {@link #config}.
 */
public final class GaussianClosure {

    public static final int DIM = 16;

    private GaussianClosure() {}

    /** The closure training schedule for potentials of the given width and depth: 3000 joint rounds of 256 rows. */
    public static OtConfig config(int width, int depth) {
        return OtConfig.defaults().withWidth(width).withDepth(depth).withSteps(3000).withBatch(256)
                .withLearningRate(1e-2, 3e-5);
    }

    /**
     * Outcome.
     *
     * @param relativeError mean ‖T_learned − T‖ / mean ‖x − T‖
     * @param identityError the same metric for the identity map (≈ 1: shows the map has work to do)
     * @param fit the training result
     */
    public record Result(double relativeError, double identityError, OtTrainer.Result fit) {}

    /** Runs the check with {@code config}, training in {@code workDir}. */
    public static Result run(NnRuntime runtime, OtConfig config, Path workDir) throws IOException {
        SyntheticLatents.Gaussian src = SyntheticLatents.Gaussian.standard(DIM);
        SyntheticLatents.Gaussian tgt = SyntheticLatents.Gaussian.random(DIM, 1.0, 0.3, 3.0, 5);
        Rows x = src.sample(20000, 1);
        Rows y = tgt.sample(20000, 2);
        OtTrainer.FitOutput fit = new OtTrainer(runtime, config).progress(new PrintStream(new ByteArrayOutputStream()))
                .fit(x, null, y, null, List.of(), "gaussian-closure", workDir);
        try (TransportMap map = fit.map()) {
            // standardising with the target's statistics makes the fit optimal for the cost in those coordinates
            GaussianMap exact = GaussianMap.between(src.mean(), src.covariance(), tgt.mean(), tgt.covariance(),
                    map.standardisation().std());
            Rows test = src.sample(5000, 3);
            return new Result(exact.relativeError(test, map.apply(test, null)), exact.relativeError(test, test),
                    fit.result());
        }
    }
}
