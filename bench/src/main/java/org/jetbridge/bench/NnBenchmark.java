package org.jetbridge.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jetbridge.nn.FeedForward;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.NnSettings;
import org.jetbridge.nn.ParameterStore;
import org.jetbridge.nn.TransformerEncoder;

/**
 * Side-by-side timing of the reference transformer (pre-LN, GELU MLP 4×, padding mask) in jetbridge-nn (DJL +
 * libtorch 2.7.1) and in Debian's python3-torch on the same machine in the same run: forward + backward (training
 * step without optimiser) and forward only. Plain main; defaults are the ml-runtime.md reference
 * (batch 256 × 64 particles × width 128, 4 layers, 8 heads).
 *
 * <pre>java -cp ... org.jetbridge.bench.NnBenchmark [batch] [particles] [width] [layers] [heads] [steps] [threads]</pre>
 *
 * <p>Debian's python3-torch links the reference BLAS (≈ 4 GFLOP/s); {@code -Dnn.bench.pythonLibraryPath=DIR} runs
 * the python side with {@code LD_LIBRARY_PATH=DIR}, e.g. the {@code openblas-pthread} directory unpacked from
 * Debian's {@code libopenblas0-pthread} package, without touching the system BLAS.
 */
public final class NnBenchmark {

    private NnBenchmark() {}

    public static void main(String[] args) throws Exception {
        int[] p = {256, 64, 128, 4, 8, 5, Runtime.getRuntime().availableProcessors()};
        for (int i = 0; i < args.length && i < p.length; i++) {
            p[i] = Integer.parseInt(args[i]);
        }
        int batch = p[0];
        int particles = p[1];
        int width = p[2];
        int layers = p[3];
        int heads = p[4];
        int steps = p[5];
        int threads = p[6];
        System.out.printf(Locale.ROOT, "reference transformer: batch %d x %d particles x width %d, %d layers, %d heads,"
                + " MLP %d, %d threads, %d timed steps after 2 warm-up%n", batch, particles, width, layers, heads,
                4 * width, threads, steps);
        double[] djl = djl(batch, particles, width, layers, heads, steps, threads);
        report("jetbridge-nn (DJL " + NnRuntime.versions().djl() + ", libtorch " + NnRuntime.versions().torch() + ")",
                djl, batch);
        double[] torch = python(batch, particles, width, layers, heads, steps, threads);
        if (torch != null) {
            report(PythonTorch.label(), torch, batch);
            System.out.printf(Locale.ROOT, "ratio DJL/python: train %.2f, inference %.2f%n", djl[0] / torch[0],
                    djl[1] / torch[1]);
        }
    }

    /**
     * The suite's entry: the default tagger's encoder sizes (batch 256 × 64 constituents, width 64, 3 blocks, 4
     * heads, MLP 4×), {@code max(3, 5 × scale)} timed steps, the suite's thread count on both sides.
     */
    static List<Suite.Row> suite(Suite.Options o) throws IOException, InterruptedException {
        int batch = 256;
        int steps = Math.max(3, (int) Math.round(5 * o.scale()));
        double[] djl = djl(batch, 64, 64, 3, 4, steps, o.threads());
        double[] torch = python(batch, 64, 64, 3, 4, steps, o.threads());
        String what = "transformer encoder (batch 256 × 64, width 64, 3 blocks, 4 heads), " + o.threads()
                + " thread" + (o.threads() > 1 ? "s" : "");
        String note = "median of " + steps + " steps; " + PythonTorch.label();
        return List.of(
                Suite.Row.rate("nn", what + ": forward + backward", batch / djl[0],
                        torch == null ? null : batch / torch[0], "python3-torch", "jets/s", note),
                Suite.Row.rate("nn", what + ": forward", batch / djl[1],
                        torch == null ? null : batch / torch[1], "python3-torch", "jets/s", note));
    }

    private static void report(String who, double[] seconds, int batch) {
        System.out.printf(Locale.ROOT, "%-45s fwd+bwd %.3f s/step (%.0f jets/s)   fwd %.3f s/step (%.0f jets/s)%n",
                who, seconds[0], batch / seconds[0], seconds[1], batch / seconds[1]);
    }

    /** Median seconds per step: {forward+backward, forward}. */
    private static double[] djl(int batch, int particles, int width, int layers, int heads, int steps, int threads) {
        NnRuntime rt = NnRuntime.start(NnSettings.defaults().withThreads(threads));
        try (ParameterStore store = new ParameterStore(rt, 1); NDManager data = rt.newManager()) {
            TransformerEncoder enc = new TransformerEncoder(store, "enc",
                    new TransformerEncoder.Config(width, layers, heads, 4 * width, FeedForward.Kind.GELU));
            NDArray x = data.create(random(batch * particles * width, 1), new Shape(batch, particles, width));
            NDArray mask = data.create(mask(batch, particles), new Shape(batch, particles));
            double[] train = new double[steps];
            double[] infer = new double[steps];
            for (int i = -2; i < steps; i++) {
                long t0 = System.nanoTime();
                // Inputs copied onto a per-step manager so that every intermediate is freed with it.
                try (NDManager step = data.newSubManager();
                        GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                    NDArray loss = enc.forward(onto(x, step), onto(mask, step)).square().mean();
                    gc.backward(loss);
                    loss.getFloat();
                }
                long t1 = System.nanoTime();
                try (NDManager step = data.newSubManager()) {
                    enc.forward(onto(x, step), onto(mask, step)).sum().getFloat();
                }
                long t2 = System.nanoTime();
                if (i >= 0) {
                    train[i] = (t1 - t0) * 1e-9;
                    infer[i] = (t2 - t1) * 1e-9;
                }
            }
            return new double[] {median(train), median(infer)};
        }
    }

    private static NDArray onto(NDArray a, NDManager step) {
        NDArray copy = a.duplicate();
        copy.attach(step);
        return copy;
    }

    private static double[] python(int batch, int particles, int width, int layers, int heads, int steps,
            int threads) throws IOException, InterruptedException {
        return PythonTorch.run(PYTHON, List.of(Integer.toString(batch), Integer.toString(particles),
                Integer.toString(width), Integer.toString(layers), Integer.toString(heads), Integer.toString(steps),
                Integer.toString(threads)), threads);
    }

    private static final String PYTHON = """
            import sys, time, statistics
            import torch
            b, n, d, layers, heads, steps, threads = (int(a) for a in sys.argv[1:8])
            torch.set_num_threads(threads)
            torch.manual_seed(1)
            layer = lambda: torch.nn.TransformerEncoderLayer(d, heads, 4 * d, dropout=0.0, activation="gelu",
                                                             batch_first=True, norm_first=True)
            blocks = torch.nn.ModuleList([layer() for _ in range(layers)])
            norm = torch.nn.LayerNorm(d)
            def forward(x, pad):
                for blk in blocks:
                    x = blk(x, src_key_padding_mask=pad)
                return norm(x)
            x = torch.rand(b, n, d) * 2 - 1
            lengths = torch.arange(b) % n + 1
            pad = torch.arange(n)[None, :] >= lengths[:, None]
            train, infer = [], []
            for i in range(steps + 2):
                t0 = time.perf_counter()
                loss = forward(x, pad).square().mean()
                loss.backward()
                for p in blocks.parameters():
                    p.grad = None
                t1 = time.perf_counter()
                with torch.no_grad():
                    blocks.train()  # same kernels as the training pass (no nested-tensor fast path)
                    forward(x, pad).sum().item()
                t2 = time.perf_counter()
                if i >= 2:
                    train.append(t1 - t0)
                    infer.append(t2 - t1)
            print(torch.__version__)
            print(statistics.median(train), statistics.median(infer))
            """;

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (2 * r.nextDouble() - 1);
        }
        return v;
    }

    /** Jet i has 1 + (i mod particles) real constituents, the rest padding (as in the python side). */
    private static float[] mask(int batch, int particles) {
        float[] m = new float[batch * particles];
        for (int b = 0; b < batch; b++) {
            Arrays.fill(m, b * particles, b * particles + 1 + b % particles, 1f);
        }
        return m;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
