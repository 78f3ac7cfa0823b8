package org.jetbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.jetbridge.calib.SyntheticLatents;
import org.jetbridge.io.hdf5.DType;
import org.jetbridge.io.hdf5.Hdf5Writer;

/**
 * Writes a synthetic latent-calibration pair for {@code jetbridge calibrate}: {@code source.h5} and {@code target.h5}
 * in an output directory, each with {@code latent} (float32 [n, d], a Gaussian mixture; the target's components
 * shifted, rescaled and rotated), {@code label} (int32 mixture component, a stand-in for flavour) and {@code pt},
 * {@code eta} (float32 placeholders, log-normal around 100 GeV and uniform in [−2.5, 2.5], independent of the latent).
 *
 * <p>Usage: {@code CalibSyntheticData OUT_DIR [dim=128] [rows=100000] [components=3] [seed=1] [sampleSeed=seed] [weightJitter=0.2]}:
 * the same seed with another sample seed gives held-out rows of the same pair.
 */
public final class CalibSyntheticData {

    private CalibSyntheticData() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int dim = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int components = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        long sampleSeed = args.length > 5 ? Long.parseLong(args[5]) : seed;
        double jitter = args.length > 6 ? Double.parseDouble(args[6]) : 0.2;
        Files.createDirectories(out);
        SyntheticLatents.MixturePair p = SyntheticLatents.mixturePair(dim, components, rows, 1.0, 0.2, 0.5, seed, sampleSeed, jitter);
        write(out.resolve("source.h5"), p.source().values(), p.sourceLabels(), dim, rows, sampleSeed * 2 + 1);
        write(out.resolve("target.h5"), p.target().values(), p.targetLabels(), dim, rows, sampleSeed * 2 + 2);
        System.out.println("wrote " + out.resolve("source.h5") + " and " + out.resolve("target.h5") + ": " + rows
                + " rows × " + dim);
    }

    private static void write(Path file, float[] latent, int[] labels, int dim, int rows, long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        float[] pt = new float[rows];
        float[] eta = new float[rows];
        for (int i = 0; i < rows; i++) {
            pt[i] = (float) (100 * Math.exp(0.5 * r.nextGaussian()));
            eta[i] = (float) (5 * r.nextDouble() - 2.5);
        }
        try (Hdf5Writer w = Hdf5Writer.create(file)) {
            w.dataset("latent", DType.FLOAT32, dim).append(latent, 0, rows);
            w.dataset("label", DType.INT32).append(labels, 0, rows);
            w.dataset("pt", DType.FLOAT32).append(pt, 0, rows);
            w.dataset("eta", DType.FLOAT32).append(eta, 0, rows);
            w.attribute("generator", "CalibSyntheticData");
            w.attribute("seed", seed);
            w.commit();
        }
    }
}
