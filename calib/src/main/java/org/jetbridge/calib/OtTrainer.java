package org.jetbridge.calib;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jetbridge.nn.HostArray;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.Npz;
import org.jetbridge.nn.ParameterStore;
import org.jetbridge.nn.train.AdamW;
import org.jetbridge.nn.train.Ema;
import org.jetbridge.nn.train.GradientClipping;
import org.jetbridge.nn.train.LearningRateSchedule;
import org.jetbridge.report.Json;

/**
 * Fits a transport map source → target with the minimax dual of Makkuva et al. (2020): two input-convex potentials,
 * f on the target side and g on the source side with T = ∇g,
 * <pre>
 *   f minimises E_y f(y) − E_x f(∇g(x)),   g minimises E_x [f(∇g(x)) − ⟨∇g(x), x⟩],
 * </pre>
 * on inputs standardised with the target's mean and standard deviation. JOINT mode updates both from one backward
 * pass (the gradient reaching f's input ∇g(x) is reversed); ALTERNATING mode runs gSteps g-updates then fSteps
 * f-updates per round. AdamW + warm-up/cosine schedule and global-norm clipping come from nn's training kit.
 * Batches are drawn with replacement from generators seeded by (seed, round, update), so an interrupted run resumed
 * from {@value #LAST} ends with the same bits as a straight one (same thread count). Divergence guard: a non-finite
 * or exploding f-loss stops training, restores the last good checkpoint and says so. Only one fit per JVM at a time
 * (libtorch allows one gradient recorder).
 */
public final class OtTrainer {

    public static final String LAST = "last.ckpt";
    public static final String LOG = "training-log.json";
    static final String FORMAT = "jetbridge-ot-checkpoint/1";

    private final NnRuntime runtime;
    private final OtConfig config;
    private PrintStream out = System.err;
    private long stopAfter = -1;

    public OtTrainer(NnRuntime runtime, OtConfig config) {
        this.runtime = runtime;
        this.config = config;
    }

    /** Where progress lines go (default stderr). */
    public OtTrainer progress(PrintStream stream) {
        this.out = stream;
        return this;
    }

    /** Stops (as a killed process would, after writing a checkpoint) once this many rounds are done; for tests. */
    OtTrainer stopAfter(long rounds) {
        this.stopAfter = rounds;
        return this;
    }

    /**
     * Outcome of a fit.
     *
     * @param steps rounds completed (after a divergence: those of the restored checkpoint)
     * @param diverged whether the divergence guard stopped the run
     * @param message what happened, one line
     * @param seconds wall time of this call
     * @param lastFLoss last f-loss E_y f(y) − E_x f(T(x)) (standardised units)
     * @param lastTransportCost last batch mean ½‖T(x) − x‖² (standardised units)
     */
    public record Result(long steps, boolean diverged, String message, double seconds, double lastFLoss,
            double lastTransportCost) {}

    /** Training curves, one entry per round. */
    static final class Curves {
        final List<Long> step = new ArrayList<>();
        final List<Double> fLoss = new ArrayList<>();
        final List<Double> gLoss = new ArrayList<>();
        final List<Double> transportCost = new ArrayList<>();
        final List<Double> learningRate = new ArrayList<>();

        Map<String, Object> toJson() {
            return Json.object("step", step, "f_loss", fLoss, "g_loss", gLoss, "transport_cost", transportCost,
                    "learning_rate", learningRate);
        }
    }

    /**
     * Fits the map; writes {@value #LAST}, {@value #LOG} and the map ({@value TransportMap#DIR}/) into {@code dir}
     * and returns the map (the caller closes it). Resumes when {@code dir/last.ckpt} exists.
     *
     * @param source source rows x (simulation), data units
     * @param sourceConditions conditions of the source rows, or null
     * @param target target rows y (data)
     * @param targetConditions conditions of the target rows, or null (both or neither)
     * @param conditionNames names of the condition columns (for the saved description)
     * @param dataset the dataset name recorded with the map
     */
    public FitOutput fit(Rows source, Rows sourceConditions, Rows target, Rows targetConditions,
            List<String> conditionNames, String dataset, Path dir) throws IOException {
        check(source, sourceConditions, target, targetConditions, conditionNames);
        long t0 = System.nanoTime();
        Files.createDirectories(dir);
        int d = source.cols();
        int c = sourceConditions == null ? 0 : sourceConditions.cols();
        Standardisation lat = Standardisation.fit(target);
        Standardisation cond = c > 0 ? Standardisation.fit(targetConditions) : null;
        Rows xs = lat.forward(source);
        Rows ys = lat.forward(target);
        Rows cx = c > 0 ? cond.forward(sourceConditions) : null;
        Rows cy = c > 0 ? cond.forward(targetConditions) : null;
        ParameterStore fStore = new ParameterStore(runtime, config.seed() * 2 + 1);
        ParameterStore gStore = new ParameterStore(runtime, config.seed() * 2);
        boolean handedOver = false;
        try {
            ConvexPotential f = new ConvexPotential(fStore, "f", new ConvexPotential.Shape(d, c, config.width(),
                    config.depth(), config.conditionWidth()));
            ConvexPotential g = TransportMap.sourcePotential(gStore, d, c, config);
            // AdamW allocates its moments for the parameters that exist when it is built
            try (AdamW fAdam = adam(fStore); AdamW gAdam = adam(gStore); NDManager root = runtime.newManager();
                    Ema ema = config.emaDecay() > 0 ? new Ema(gStore, config.emaDecay()) : null) {
            Curves curves = new Curves();
            Path last = dir.resolve(LAST);
            long step = 0;
            if (Files.exists(last)) {
                step = restore(last, fStore, gStore, fAdam, gAdam, ema, curves);
                out.println("resuming " + dir + " at round " + step);
            } else {
                save(last, fStore, gStore, fAdam, gAdam, ema, curves, 0);
            }
            long savedStep = step;
            LearningRateSchedule schedule = config.schedule();
            String divergence = null;
            double fLoss = Double.NaN;
            double cost = Double.NaN;
            long start = System.nanoTime();
            long startStep = step;
            while (step < config.steps()) {
                double lr = schedule.at(step);
                double[] losses = config.mode() == OtConfig.Mode.JOINT
                        ? jointStep(root, f, g, fStore, gStore, fAdam, gAdam, xs, cx, ys, cy, step, lr)
                        : alternatingRound(root, f, g, fStore, gStore, fAdam, gAdam, xs, cx, ys, cy, step, lr);
                fLoss = losses[0];
                cost = losses[2];
                if (ema != null) {
                    try (NDManager m = root.newSubManager()) {
                        ema.update(m);
                    }
                }
                if (!Double.isFinite(fLoss) || Math.abs(fLoss) > config.divergenceLimit()
                        || !Double.isFinite(losses[1])) {
                    divergence = String.format(Locale.ROOT, "training diverged at round %d (f-loss %s, g-loss %s, "
                            + "limit %g); restored the last good checkpoint (round %d)", step, fLoss, losses[1],
                            config.divergenceLimit(), savedStep);
                    break;
                }
                step++;
                curves.step.add(step);
                curves.fLoss.add(fLoss);
                curves.gLoss.add(losses[1]);
                curves.transportCost.add(cost);
                curves.learningRate.add(lr);
                if (step % config.logEvery() == 0 || step == config.steps()) {
                    double rate = (step - startStep) / Math.max(1e-9, (System.nanoTime() - start) * 1e-9);
                    out.println(String.format(Locale.ROOT, "round %d/%d f-loss %.5g g-loss %.5g cost %.5g lr %.2e "
                            + "%.1f rounds/s", step, config.steps(), fLoss, losses[1], cost, lr, rate));
                }
                if (step % config.checkpointEvery() == 0 || step == config.steps()) {
                    if (!finite(fStore) || !finite(gStore)) {
                        divergence = "training diverged at round " + step + ": non-finite parameters; restored the "
                                + "last good checkpoint (round " + savedStep + ")";
                        break;
                    }
                    save(last, fStore, gStore, fAdam, gAdam, ema, curves, step);
                    savedStep = step;
                }
                if (stopAfter >= 0 && step >= stopAfter) {
                    break;
                }
            }
            if (divergence != null) {
                step = restore(last, fStore, gStore, fAdam, gAdam, ema, curves);
                out.println(divergence);
            }
            writeLog(dir.resolve(LOG), curves, divergence);
            if (ema != null) {
                ema.swap(); // the saved map is the average of g's iterates
            }
            TransportMap map = new TransportMap(runtime, gStore, g, lat, cond,
                    new TransportMap.Description(d, conditionNames == null ? List.of() : List.copyOf(conditionNames),
                            dataset == null ? "" : dataset, config, step, divergence != null));
            handedOver = true;
            map.save(dir.resolve(TransportMap.DIR));
            double seconds = (System.nanoTime() - t0) * 1e-9;
            String message = divergence != null ? divergence
                    : String.format(Locale.ROOT, "fitted %d rounds in %.1f s", step, seconds);
            return new FitOutput(map, new Result(step, divergence != null, message, seconds, fLoss, cost));
            }
        } finally {
            fStore.close();
            if (!handedOver) {
                gStore.close();
            }
        }
    }

    /**
     * The fitted map (owned by the caller) and the outcome.
     *
     * @param map the map T = ∇g
     * @param result what happened
     */
    public record FitOutput(TransportMap map, Result result) {}

    private AdamW adam(ParameterStore store) {
        return new AdamW(store, config.beta1(), config.beta2(), 1e-8, config.weightDecay());
    }

    /** Refuses inputs no fit can use: different widths, one-sided or mis-shaped conditions, NaN rows. */
    static void check(Rows source, Rows sc, Rows target, Rows tc, List<String> names) {
        if (source.cols() != target.cols()) {
            throw new IllegalArgumentException("source rows have width " + source.cols() + " but target rows "
                    + target.cols());
        }
        if ((sc == null) != (tc == null)) {
            throw new IllegalArgumentException("conditions given for the " + (sc == null ? "target" : "source")
                    + " only; give them for both sides or neither");
        }
        if (sc != null && (sc.cols() != tc.cols() || sc.rows() != source.rows() || tc.rows() != target.rows()
                || (names != null && names.size() != sc.cols()))) {
            throw new IllegalArgumentException("conditions: source " + sc.rows() + " × " + sc.cols() + ", target "
                    + tc.rows() + " × " + tc.cols() + " for " + source.rows() + " / " + target.rows()
                    + " rows and names " + names);
        }
        for (Rows r : new Rows[] {source, target, sc, tc}) {
            if (r != null && r.nonFiniteRows() > 0) {
                throw new IllegalArgumentException((r == source || r == sc ? "source" : "target") + " "
                        + (r == sc || r == tc ? "conditions" : "rows") + ": " + r.nonFiniteRows()
                        + " rows with NaN or infinite values (first at row " + r.firstNonFinite() + ")");
            }
        }
        if (source.rows() < 2 || target.rows() < 2) {
            throw new IllegalArgumentException("need at least 2 rows per side, got " + source.rows() + " and "
                    + target.rows());
        }
    }

    /** Batch of {@code batch} rows drawn with replacement by {@code r}, with the matching condition rows. */
    private NDArray[] batch(NDManager m, Rows data, Rows cond, SplittableRandom r) {
        int b = config.batch();
        int d = data.cols();
        float[] x = new float[b * d];
        float[] w = cond == null ? null : new float[b * cond.cols()];
        for (int i = 0; i < b; i++) {
            int row = r.nextInt(data.rows());
            System.arraycopy(data.values(), row * d, x, i * d, d);
            if (w != null) {
                System.arraycopy(cond.values(), row * cond.cols(), w, i * cond.cols(), cond.cols());
            }
        }
        return new NDArray[] {m.create(x, new Shape(b, d)), w == null ? null : m.create(w, new Shape(b, cond.cols()))};
    }

    private SplittableRandom generator(long step, int update) {
        return new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + step * 1_000_003L + update);
    }

    /** One joint update; returns {f-loss, g-loss, transport cost}. */
    private double[] jointStep(NDManager root, ConvexPotential f, ConvexPotential g, ParameterStore fStore,
            ParameterStore gStore, AdamW fAdam, AdamW gAdam, Rows xs, Rows cx, Rows ys, Rows cy, long step,
            double lr) {
        try (NDManager m = root.newSubManager()) {
            SplittableRandom r = generator(step, 0);
            NDArray[] x = batch(m, xs, cx, r);
            NDArray[] y = batch(m, ys, cy, r);
            double[] losses;
            try (GradientCollector gc = runtime.engine().newGradientCollector()) {
                NDArray t = g.gradient(x[0], x[1]);
                // gradient reversal: forward value t, backward −1, so f sees ∂/∂θ_f and g sees ∂/∂θ_g of its own loss
                NDArray reversed = t.stopGradient().mul(2f).sub(t);
                NDArray fy = f.value(y[0], y[1]).mean();
                NDArray ft = f.value(reversed, x[1]).mean();
                NDArray inner = t.mul(x[0]).sum(new int[] {1}).mean();
                NDArray loss = fy.sub(ft).sub(inner);
                losses = new double[] {fy.getFloat() - ft.getFloat(), ft.getFloat() - inner.getFloat(),
                        cost(t, x[0])};
                gc.backward(loss);
            }
            update(fStore, fAdam, lr * config.fLearningRateScale(), m, true);
            update(gStore, gAdam, lr, m, true);
            return losses;
        }
    }

    /** One alternating round: gSteps g-updates then fSteps f-updates; returns the last {f-loss, g-loss, cost}. */
    private double[] alternatingRound(NDManager root, ConvexPotential f, ConvexPotential g, ParameterStore fStore,
            ParameterStore gStore, AdamW fAdam, AdamW gAdam, Rows xs, Rows cx, Rows ys, Rows cy, long step,
            double lr) {
        double gLoss = Double.NaN;
        double fLoss = Double.NaN;
        double cost = Double.NaN;
        int update = 0;
        for (int k = 0; k < config.gSteps(); k++) {
            try (NDManager m = root.newSubManager()) {
                NDArray[] x = batch(m, xs, cx, generator(step, update++));
                try (GradientCollector gc = runtime.engine().newGradientCollector()) {
                    NDArray t = g.gradient(x[0], x[1]);
                    NDArray ft = f.value(t, x[1]).mean();
                    NDArray inner = t.mul(x[0]).sum(new int[] {1}).mean();
                    NDArray loss = ft.sub(inner);
                    gLoss = loss.getFloat();
                    cost = cost(t, x[0]);
                    gc.backward(loss);
                }
                update(gStore, gAdam, lr, m, true);
                update(fStore, fAdam, lr * config.fLearningRateScale(), m, false);
            }
        }
        for (int k = 0; k < config.fSteps(); k++) {
            try (NDManager m = root.newSubManager()) {
                SplittableRandom r = generator(step, update++);
                NDArray[] x = batch(m, xs, cx, r);
                NDArray[] y = batch(m, ys, cy, r);
                NDArray t = g.gradient(x[0], x[1]).stopGradient(); // outside the recorder: g is a constant here
                try (GradientCollector gc = runtime.engine().newGradientCollector()) {
                    NDArray loss = f.value(y[0], y[1]).mean().sub(f.value(t, x[1]).mean());
                    fLoss = loss.getFloat();
                    gc.backward(loss);
                }
                update(fStore, fAdam, lr * config.fLearningRateScale(), m, true);
            }
        }
        return new double[] {fLoss, gLoss, cost};
    }

    /** Batch mean of ½‖t − x‖². */
    private static double cost(NDArray t, NDArray x) {
        return t.stopGradient().sub(x).square().sum(new int[] {1}).mean().getFloat() * 0.5;
    }

    /**
     * Clips and applies the accumulated gradients of {@code store} (when {@code apply}), then zeroes them: libtorch
     * accumulates into .grad and the handles share its storage.
     */
    private void update(ParameterStore store, AdamW adam, double lr, NDManager m, boolean apply) {
        List<NDArray> grads = new ArrayList<>();
        for (ParameterStore.Parameter p : store.parameters()) {
            NDArray gr = p.array().getGradient();
            gr.attach(m);
            grads.add(gr);
        }
        if (apply) {
            double norm = GradientClipping.clipGlobalNorm(grads, config.clipNorm());
            if (Double.isFinite(norm)) {
                adam.update(grads, lr, m);
            }
        }
        for (NDArray gr : grads) {
            gr.muli(0f);
        }
    }

    private static boolean finite(ParameterStore store) {
        for (HostArray a : store.snapshot().values()) {
            for (float v : a.toFloats()) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void save(Path path, ParameterStore fStore, ParameterStore gStore, AdamW fAdam, AdamW gAdam, Ema ema,
            Curves curves, long step) throws IOException {
        Map<String, HostArray> arrays = new LinkedHashMap<>();
        fStore.snapshot().forEach((k, v) -> arrays.put("param/" + k, v));
        gStore.snapshot().forEach((k, v) -> arrays.put("param/" + k, v));
        fAdam.state().forEach((k, v) -> arrays.put("adam-f/" + k, v));
        gAdam.state().forEach((k, v) -> arrays.put("adam-g/" + k, v));
        if (ema != null) {
            ema.state().forEach((k, v) -> arrays.put("ema-g/" + k, v));
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("format", FORMAT);
        state.put("config", Json.parse(Json.write(config)));
        state.put("step", step);
        state.put("curves", curves.toJson());
        Npz.write(path, arrays, Map.of("state.json", Json.write(state).getBytes(StandardCharsets.UTF_8)));
    }

    /** Restores parameters, optimiser moments and curves; returns the round count of the checkpoint. */
    @SuppressWarnings("unchecked")
    private long restore(Path path, ParameterStore fStore, ParameterStore gStore, AdamW fAdam, AdamW gAdam, Ema ema,
            Curves curves) throws IOException {
        Npz.Contents c = Npz.read(path);
        byte[] raw = c.other().get("state.json");
        if (raw == null) {
            throw new IllegalArgumentException(path + ": not a jetbridge OT checkpoint (no state.json)");
        }
        Map<String, Object> state = (Map<String, Object>) Json.parse(new String(raw, StandardCharsets.UTF_8));
        if (!FORMAT.equals(state.get("format"))) {
            throw new IllegalArgumentException(path + ": checkpoint format " + state.get("format") + ", expected "
                    + FORMAT);
        }
        String saved = Json.write(state.get("config"));
        String now = Json.write(Json.parse(Json.write(config)));
        if (!saved.equals(now)) {
            throw new IllegalArgumentException(path + ": written with a different configuration (" + saved.strip()
                    + "); use a new output directory or the same configuration");
        }
        Map<String, HostArray> f = new LinkedHashMap<>();
        Map<String, HostArray> g = new LinkedHashMap<>();
        Map<String, HostArray> af = new LinkedHashMap<>();
        Map<String, HostArray> ag = new LinkedHashMap<>();
        Map<String, HostArray> eg = new LinkedHashMap<>();
        c.arrays().forEach((k, v) -> {
            if (k.startsWith("param/f.")) {
                f.put(k.substring(6), v);
            } else if (k.startsWith("param/g.")) {
                g.put(k.substring(6), v);
            } else if (k.startsWith("adam-f/")) {
                af.put(k.substring(7), v);
            } else if (k.startsWith("adam-g/")) {
                ag.put(k.substring(7), v);
            } else if (k.startsWith("ema-g/")) {
                eg.put(k.substring(6), v);
            }
        });
        fStore.load(f, path.toString());
        gStore.load(g, path.toString());
        fAdam.load(af, path.toString());
        gAdam.load(ag, path.toString());
        if (ema != null) {
            ema.load(eg, path.toString());
        }
        Map<String, Object> cv = (Map<String, Object>) state.get("curves");
        curves.step.clear();
        curves.fLoss.clear();
        curves.gLoss.clear();
        curves.transportCost.clear();
        curves.learningRate.clear();
        for (Object o : (List<Object>) cv.get("step")) {
            curves.step.add(((Number) o).longValue());
        }
        addNumbers(curves.fLoss, cv.get("f_loss"));
        addNumbers(curves.gLoss, cv.get("g_loss"));
        addNumbers(curves.transportCost, cv.get("transport_cost"));
        addNumbers(curves.learningRate, cv.get("learning_rate"));
        return ((Number) state.get("step")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static void addNumbers(List<Double> into, Object list) {
        for (Object o : (List<Object>) list) {
            into.add(Json.number(o));
        }
    }

    private static void writeLog(Path path, Curves curves, String divergence) throws IOException {
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("diverged", divergence != null);
        log.put("message", divergence);
        log.put("curves", curves.toJson());
        Json.writeFile(path, log);
    }
}
