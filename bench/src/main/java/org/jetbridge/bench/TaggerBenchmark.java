package org.jetbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.NnSettings;
import java.util.List;
import org.jetbridge.tagger.ConstituentFeatures;
import org.jetbridge.tagger.Inference;
import org.jetbridge.tagger.Normalisation;
import org.jetbridge.tagger.TaggerConfig;
import org.jetbridge.tagger.TaggerModel;
import org.jetbridge.tagger.TaggingBatchSource;
import org.jetbridge.tagger.TaggingFile;
import org.jetbridge.tagger.TrainingRun;

/**
 * Tagger throughput on this machine: training jets/s (AdamW steps with EMA, batch 256, as {@code tagger train}
 * runs them) and inference jets/s (forward passes of 512 jets, as {@code tagger embed} runs them) for the given
 * presets. Usage: {@code TaggerBenchmark FILE.h5 [threads (default: cores)] [train-steps (default 100)]
 * [presets (default: default,paper)]}. Plain harness, not JMH. libtorch pays a one-off cost (~0.3 s) the first
 * time it meets a tensor shape, and length-bucketed batches come in up to 64 shapes, so each figure follows a
 * warm-up of the same length (train-steps steps; 16 chunks of inference) that meets most shapes first.
 */
public final class TaggerBenchmark {
    private TaggerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TaggerBenchmark FILE.h5 [threads] [train-steps] [presets]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        String[] presets = (args.length > 3 ? args[3] : "default,paper").split(",");
        NnRuntime rt = NnRuntime.start(NnSettings.defaults().withThreads(threads));
        double load = loadAverage();
        System.out.printf(Locale.ROOT, "tagger benchmark: %s, %d threads, load average %.2f%n", file, threads, load);
        try (TaggingFile in = TaggingFile.open(file)) {
            for (String preset : presets) {
                TaggerConfig config = TaggerConfig.preset(preset);
                double[] r = measure(rt, in, config, steps);
                System.out.printf(Locale.ROOT,
                        "%-8s %9d parameters  training %8.1f jets/s  inference %8.1f jets/s%n",
                        preset, (long) r[2], r[0], r[1]);
            }
        }
    }

    /**
     * Training and inference jets/s of a fresh tagger of the given configuration on {@code in}, and its parameter
     * count: {train, inference, parameters}.
     */
    static double[] measure(NnRuntime rt, TaggingFile in, TaggerConfig config, int steps) throws Exception {
        Normalisation norm = TrainingRun.fit(in, config.maxConstituents(), 20_000);
        try (TaggerModel model = new TaggerModel(rt, config, norm, 1)) {
            TaggingBatchSource source = new TaggingBatchSource(in, norm, config.maxConstituents(), BATCH,
                    TaggingBatchSource.DEFAULT_BLOCK_ROWS, 1);
            double train = 256.0 * TrainingSteps.perSecond(rt, model, source, steps);
            long jets = Math.min(in.jets(), 16L * Inference.CHUNK);
            Inference.run(rt, model, in, jets, Inference.CHUNK, c -> { }); // warm-up
            long t0 = System.nanoTime();
            Inference.run(rt, model, in, jets, Inference.CHUNK, c -> { });
            double infer = jets / ((System.nanoTime() - t0) * 1e-9);
            return new double[] {train, infer, model.parameters().count()};
        }
    }

    /**
     * The suite's entry: the {@code default} preset on a generated tagging file ({@code 3000 × scale} flavour events
     * through {@code jetbridge generate}), {@code max(10, 30 × scale)} timed training steps, side by side with the
     * same model in python3-torch ({@link #TORCH}) on the same file's jets.
     */
    static List<Suite.Row> suite(Suite.Options o) throws Exception {
        Path file = o.workDir().resolve("tagging.h5");
        int events = (int) Math.max(1000, Math.round(3000 * o.scale()));
        Suite.generate("flavour", events, file);
        int steps = Math.max(10, (int) Math.round(30 * o.scale()));
        TaggerConfig config = TaggerConfig.preset("default");
        NnRuntime rt = NnRuntime.start(NnSettings.defaults().withThreads(o.threads()));
        double[] ours;
        try (TaggingFile in = TaggingFile.open(file)) {
            ours = measure(rt, in, config, steps);
        }
        List<String> args = new java.util.ArrayList<>(List.of(file.toString(), String.valueOf(config.dim()),
                String.valueOf(config.layers()), String.valueOf(config.heads()), String.valueOf(config.hidden()),
                String.valueOf(config.maxConstituents()), String.valueOf(ConstituentFeatures.COUNT)));
        StringBuilder head = new StringBuilder();
        for (int w : config.headWidths()) {
            head.append(head.length() == 0 ? "" : ",").append(w);
        }
        args.addAll(List.of(head.toString(), String.valueOf(steps), String.valueOf(o.threads()),
                String.valueOf(BATCH), String.valueOf(16 * Inference.CHUNK)));
        double[] torch = PythonTorch.run(TORCH, args, o.threads());
        String what = "tagger, default preset (" + (long) ours[2] + " parameters), " + o.threads() + " thread"
                + (o.threads() > 1 ? "s" : "");
        String note = "same jets, length-bucketed batches on both sides; " + PythonTorch.label();
        return List.of(
                Suite.Row.rate("tagger", what + ": training (AdamW, clipping, EMA; batch 256)", ours[0],
                        torch == null ? null : torch[0], "python3-torch", "jets/s", note + "; " + steps + " steps"),
                Suite.Row.rate("tagger", what + ": inference", ours[1], torch == null ? null : torch[1],
                        "python3-torch", "jets/s", note));
    }

    private static final int BATCH = 256;

    /**
     * The default tagger in plain PyTorch, as a PyTorch user would write it: linear embedding, class token, pre-LN
     * encoder (nn.TransformerEncoderLayer, GELU, padding mask), final LayerNorm, GELU MLP head; AdamW with gradient
     * clipping and a weight EMA. Batches of jets sorted by length (padded to the longest in the batch), as
     * jetbridge's batch source and inference do; inputs are random features of the file's constituent counts.
     * Prints "training-jets/s inference-jets/s", each timed after a warm-up of the same length.
     */
    static final String TORCH = """
            import sys, time
            import h5py, numpy as np, torch
            path = sys.argv[1]
            d, layers, heads, hidden, nmax, nfeat = (int(a) for a in sys.argv[2:8])
            head = [int(w) for w in sys.argv[8].split(",")]
            steps, threads, batch, ninfer = (int(a) for a in sys.argv[9:13])
            torch.set_num_threads(threads)
            torch.manual_seed(1)
            with h5py.File(path, "r") as f:
                lengths = np.minimum(f["mask"][:, :nmax].sum(axis=1), nmax).astype(np.int64)
                labels = torch.from_numpy(f["flavour"][()].astype(np.int64))
            n = len(lengths)
            x_all = torch.randn(n, nmax, nfeat)

            class Tagger(torch.nn.Module):
                def __init__(self):
                    super().__init__()
                    self.embed = torch.nn.Linear(nfeat, d)
                    self.cls = torch.nn.Parameter(torch.zeros(1, 1, d))
                    self.blocks = torch.nn.ModuleList([torch.nn.TransformerEncoderLayer(d, heads, hidden, dropout=0.0,
                        activation="gelu", batch_first=True, norm_first=True) for _ in range(layers)])
                    self.norm = torch.nn.LayerNorm(d)
                    mods, w = [], [d] + head
                    for a, b in zip(w[:-1], w[1:]):
                        mods += [torch.nn.Linear(a, b), torch.nn.GELU()]
                    self.head = torch.nn.Sequential(*mods[:-1])
                def forward(self, x, pad):
                    h = self.embed(x)
                    h = torch.cat([self.cls.expand(h.shape[0], -1, -1), h], 1)
                    pad = torch.cat([torch.zeros(h.shape[0], 1, dtype=torch.bool), pad], 1)
                    for blk in self.blocks:
                        h = blk(h, src_key_padding_mask=pad)
                    return self.head(self.norm(h[:, 0]))

            def batches(idx, size):
                idx = idx[np.argsort(lengths[idx], kind="stable")]
                out = []
                for s in range(0, len(idx), size):
                    b = idx[s:s + size]
                    m = max(1, int(lengths[b].max()))
                    pad = torch.arange(m)[None, :] >= torch.from_numpy(lengths[b])[:, None]
                    out.append((x_all[b, :m], pad, labels[b]))
                return out

            model = Tagger()
            opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-2)
            ema = [p.detach().clone() for p in model.parameters()]
            rng = np.random.default_rng(1)
            train = batches(rng.permutation(n), batch)
            order = [train[i % len(train)] for i in rng.permutation(2 * steps)]
            model.train()
            t0 = 0.0
            for i, (x, pad, y) in enumerate(order):
                if i == steps:
                    t0 = time.perf_counter()
                loss = torch.nn.functional.cross_entropy(model(x, pad), y)
                opt.zero_grad(set_to_none=True)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
                with torch.no_grad():
                    for e, p in zip(ema, model.parameters()):
                        e.mul_(0.995).add_(p, alpha=0.005)
                loss.item()
            train_rate = steps * batch / (time.perf_counter() - t0)
            model.eval()
            m = min(n, ninfer)
            chunks = [batches(np.arange(s, min(m, s + 512)), 128) for s in range(0, m, 512)]
            def infer():
                with torch.no_grad():
                    for c in chunks:
                        for x, pad, _ in c:
                            model(x, pad).softmax(-1).sum().item()
            infer()
            t0 = time.perf_counter()
            infer()
            infer_rate = m / (time.perf_counter() - t0)
            print(torch.__version__)
            print(train_rate, infer_rate)
            """;

    /** The 1-minute load average from /proc/loadavg (the machine is shared; NaN where unavailable). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
