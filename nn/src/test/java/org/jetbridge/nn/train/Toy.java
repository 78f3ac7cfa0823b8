package org.jetbridge.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.jetbridge.nn.MlpHead;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.ParameterStore;

/** A learnable toy problem: y = sin(2·x₁) + x₂² on the unit square, fitted by a small GELU MLP with MSE. */
final class Toy implements TrainableModel, AutoCloseable {

    static final int BATCH = 32;
    static final int PER_EPOCH = 8;

    final ParameterStore store;
    final MlpHead mlp;

    Toy(NnRuntime rt, long seed) {
        store = new ParameterStore(rt, seed);
        mlp = new MlpHead(store, "mlp", 2, 32, 32, 1);
    }

    @Override
    public ParameterStore parameters() {
        return store;
    }

    @Override
    public NDArray loss(NDList batch) {
        return mlp.forward(batch.get(0)).sub(batch.get(1)).square().mean();
    }

    /** Batch contents depend only on (seed, epoch, index). */
    static NDList batch(long seed, long epoch, long index, NDManager m) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + epoch * 7919L + index);
        float[] x = new float[2 * BATCH];
        float[] y = new float[BATCH];
        for (int i = 0; i < BATCH; i++) {
            x[2 * i] = (float) (2 * r.nextDouble() - 1);
            x[2 * i + 1] = (float) (2 * r.nextDouble() - 1);
            y[i] = (float) (Math.sin(2 * x[2 * i]) + x[2 * i + 1] * x[2 * i + 1]);
        }
        return new NDList(m.create(x, new Shape(BATCH, 2)), m.create(y, new Shape(BATCH, 1)));
    }

    static BatchSource source() {
        return new BatchSource() {
            @Override
            public long batchesPerEpoch() {
                return PER_EPOCH;
            }

            @Override
            public NDList batch(long epoch, long index, NDManager manager) {
                return Toy.batch(1, epoch, index, manager);
            }
        };
    }

    /** Validation MSE on a fixed held-out set (seed 2). */
    static ValidationHook validation(NnRuntime rt) {
        return (model, step) -> {
            try (NDManager m = rt.newManager()) {
                double sum = 0;
                for (int i = 0; i < 4; i++) {
                    sum += model.loss(batch(2, 0, i, m)).getFloat();
                }
                return sum / 4;
            }
        };
    }

    /** The configuration shared by the resume tests (in-process and separate JVM). */
    static TrainerConfig resumeConfig() {
        return TrainerConfig.defaults(60).withSchedule(new LearningRateSchedule(LearningRateSchedule.Kind.COSINE,
                3e-3, 5, 60, 0.1)).withClipNorm(0.5).withEmaDecay(0.9).withValidation(20, 0)
                .withCheckpointEvery(10).withLogEvery(1000).withSeed(7);
    }

    @Override
    public void close() {
        store.close();
    }
}
