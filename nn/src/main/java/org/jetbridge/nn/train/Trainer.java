package org.jetbridge.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.jetbridge.nn.HostArray;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.Npz;
import org.jetbridge.nn.ParameterStore;

/**
 * The training loop every model uses: AdamW with a warm-up schedule, global-norm clipping, weight EMA, periodic
 * validation with best/last checkpoints (parameters, optimiser moments, EMA, step and curves in one NPZ written by
 * temp file + rename), early stopping, and exact resume: step s always sees batch (s / perEpoch, s % perEpoch) and
 * generators seeded from (seed, s), so an interrupted and resumed run ends with the same bits as a straight one
 * (same thread count). Only one fit may run per JVM at a time (libtorch allows one gradient recorder).
 */
public final class Trainer {

    /** File names inside the run directory. */
    public static final String LAST = "last.ckpt";
    public static final String BEST = "best.ckpt";
    public static final String LOG = "training-log.json";

    static final String FORMAT = "jetbridge-checkpoint/1";
    private static final String STATE_ENTRY = "state.json";
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private final NnRuntime runtime;
    private final TrainerConfig config;
    private BooleanSupplier stop = () -> false;
    private LongConsumer afterStep = s -> { };
    private PrintStream out = System.err;
    private boolean terminal = System.console() != null;

    public Trainer(NnRuntime runtime, TrainerConfig config) {
        this.runtime = runtime;
        this.config = config;
    }

    /** Checked before every step; when true the run ends without a further checkpoint, as a killed process would. */
    public Trainer stopWhen(BooleanSupplier condition) {
        this.stop = condition;
        return this;
    }

    /** Called with the number of completed steps after each step. */
    public Trainer afterStep(LongConsumer hook) {
        this.afterStep = hook;
        return this;
    }

    /** Where progress goes, and whether to draw a bar (default: stderr, bar iff a console is attached). */
    public Trainer progress(PrintStream stream, boolean asBar) {
        this.out = stream;
        this.terminal = asBar;
        return this;
    }

    /** Serialisable run state (checkpoint {@code state.json} and the JSON log). */
    static final class State {
        String format = FORMAT;
        Map<String, String> versions;
        TrainerConfig config;
        long step;
        Double bestMetric;
        long bestStep = -1;
        int badValidations;
        boolean stoppedEarly;
        List<Long> curveStep = new ArrayList<>();
        List<Double> curveLoss = new ArrayList<>();
        List<Double> curveLearningRate = new ArrayList<>();
        List<Double> curveGradNorm = new ArrayList<>();
        List<Long> validationStep = new ArrayList<>();
        /** Null where the metric was not finite (JSON has no NaN). */
        List<Double> validationMetric = new ArrayList<>();
    }

    /**
     * Fits {@code model}, resuming from {@code dir/last.ckpt} when it exists.
     *
     * @param validation metric hook, or null for none (then no best checkpoint and no early stopping)
     * @param dir run directory for checkpoints and the JSON log (created)
     * @throws TrainingDivergedException on a non-finite loss or gradient; checkpoints on disk stay as they were
     */
    public TrainingResult fit(TrainableModel model, BatchSource train, ValidationHook validation, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        ParameterStore params = model.parameters();
        try (AdamW adam = new AdamW(params, config.beta1(), config.beta2(), config.epsilon(), config.weightDecay());
                Ema ema = config.emaDecay() > 0 ? new Ema(params, config.emaDecay()) : null;
                NDManager root = runtime.newManager()) {
            State state = new State();
            state.versions = versionMap();
            state.config = config;
            Path last = dir.resolve(LAST);
            if (Files.exists(last)) {
                state = restore(last, params, adam, ema);
            }
            Progress progress = new Progress(out, terminal, config.steps(), config.logEvery());
            if (state.step > 0) {
                progress.message("resuming " + dir + " at step " + state.step);
            }
            long perEpoch = train.batchesPerEpoch();
            if (perEpoch < 1) {
                throw new IllegalArgumentException("batch source: batchesPerEpoch must be >= 1, got " + perEpoch);
            }
            double lastLoss = state.curveLoss.isEmpty() ? Double.NaN
                    : state.curveLoss.get(state.curveLoss.size() - 1);
            boolean interrupted = false;
            while (state.step < config.steps() && !state.stoppedEarly) {
                if (stop.getAsBoolean()) {
                    interrupted = true;
                    break;
                }
                long s = state.step;
                double lr = config.schedule().at(s);
                double gradNorm;
                try (NDManager scratch = root.newSubManager()) {
                    runtime.seed(config.seed() * 0x9E3779B97F4A7C15L + s);
                    NDList batch = train.batch(s / perEpoch, s % perEpoch, scratch);
                    try (GradientCollector collector = runtime.engine().newGradientCollector()) {
                        NDArray loss = model.loss(batch);
                        if (loss.getShape().size() != 1) {
                            throw new IllegalArgumentException("loss at step " + s + ": expected a scalar, got shape "
                                    + loss.getShape());
                        }
                        collector.backward(loss);
                        lastLoss = loss.getFloat();
                    }
                    List<NDArray> grads = gradients(params, scratch);
                    if (!Double.isFinite(lastLoss)) {
                        zero(grads);
                        throw new TrainingDivergedException(s, "loss " + lastLoss);
                    }
                    gradNorm = GradientClipping.clipGlobalNorm(grads, config.clipNorm());
                    if (!Double.isFinite(gradNorm)) {
                        zero(grads);
                        throw new TrainingDivergedException(s, "gradient norm " + gradNorm);
                    }
                    adam.update(grads, lr, scratch);
                    zero(grads);
                    if (ema != null) {
                        ema.update(scratch);
                    }
                }
                state.step = s + 1;
                state.curveStep.add(state.step);
                state.curveLoss.add(lastLoss);
                state.curveLearningRate.add(lr);
                state.curveGradNorm.add(gradNorm);
                progress.step(state.step, lastLoss, lr);
                boolean end = state.step == config.steps();
                if (validation != null && config.validateEvery() > 0
                        && (state.step % config.validateEvery() == 0 || end)) {
                    validate(model, validation, ema, params, adam, state, dir, progress);
                }
                if (state.step % config.checkpointEvery() == 0 || end || state.stoppedEarly) {
                    save(last, params, adam, ema, state);
                    writeLog(dir.resolve(LOG), state);
                }
                afterStep.accept(state.step);
            }
            return new TrainingResult(state.step, lastLoss,
                    state.bestMetric == null ? Double.NaN : state.bestMetric, state.bestStep, state.stoppedEarly,
                    interrupted);
        }
    }

    private void validate(TrainableModel model, ValidationHook validation, Ema ema, ParameterStore params,
            AdamW adam, State state, Path dir, Progress progress) throws IOException {
        double metric;
        if (ema != null) {
            ema.swap();
        }
        try {
            metric = validation.evaluate(model, state.step);
        } finally {
            if (ema != null) {
                ema.swap();
            }
        }
        state.validationStep.add(state.step);
        state.validationMetric.add(Double.isFinite(metric) ? metric : null);
        progress.message(String.format(java.util.Locale.ROOT, "step %d validation %.6g", state.step, metric));
        if (Double.isFinite(metric) && (state.bestMetric == null || metric < state.bestMetric)) {
            state.bestMetric = metric;
            state.bestStep = state.step;
            state.badValidations = 0;
            save(dir.resolve(BEST), params, adam, ema, state);
        } else {
            state.badValidations++;
            if (config.patience() > 0 && state.badValidations >= config.patience()) {
                state.stoppedEarly = true;
                progress.message("early stop at step " + state.step + ": no improvement in "
                        + state.badValidations + " validations (best " + state.bestMetric + " at step "
                        + state.bestStep + ")");
            }
        }
    }

    /** Gradients of every parameter, as handles owned by {@code scratch}. */
    private static List<NDArray> gradients(ParameterStore params, NDManager scratch) {
        List<NDArray> grads = new ArrayList<>();
        for (ParameterStore.Parameter p : params.parameters()) {
            NDArray g;
            try {
                g = p.array().getGradient();
            } catch (RuntimeException e) {
                throw new IllegalStateException("parameter '" + p.name() + "' has no gradient: it does not take "
                        + "part in the loss", e);
            }
            g.attach(scratch);
            grads.add(g);
        }
        return grads;
    }

    /** libtorch accumulates into .grad; these handles share its storage, so zeroing them resets it. */
    private static void zero(List<NDArray> grads) {
        for (NDArray g : grads) {
            g.muli(0f);
        }
    }

    private static Map<String, String> versionMap() {
        NnRuntime.Versions v = NnRuntime.versions();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("jetbridge", v.jetbridge());
        m.put("djl", v.djl());
        m.put("torch", v.torch());
        return m;
    }

    private static void save(Path path, ParameterStore params, AdamW adam, Ema ema, State state) throws IOException {
        Map<String, HostArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, HostArray> e : params.snapshot().entrySet()) {
            requireFinite(e.getValue(), e.getKey(), state.step);
            arrays.put("param/" + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, HostArray> e : adam.state().entrySet()) {
            arrays.put("adam/" + e.getKey(), e.getValue());
        }
        if (ema != null) {
            for (Map.Entry<String, HostArray> e : ema.state().entrySet()) {
                arrays.put("ema/" + e.getKey(), e.getValue());
            }
        }
        Npz.write(path, arrays, Map.of(STATE_ENTRY, GSON.toJson(state).getBytes(StandardCharsets.UTF_8)));
    }

    /** Divergence guard for parameters: a non-finite value must never reach a checkpoint file. */
    private static void requireFinite(HostArray a, String name, long step) {
        for (float f : a.toFloats()) {
            if (!Float.isFinite(f)) {
                throw new TrainingDivergedException(step - 1, "parameter '" + name + "' is not finite");
            }
        }
    }

    private State restore(Path last, ParameterStore params, AdamW adam, Ema ema) throws IOException {
        Npz.Contents c = Npz.read(last);
        State state = readState(c, last);
        if (!GSON.toJson(config).equals(GSON.toJson(state.config))) {
            throw new IllegalArgumentException(last + ": written with a different training configuration ("
                    + GSON.toJson(state.config) + "); now " + GSON.toJson(config)
                    + ". Use a new run directory or the same configuration.");
        }
        params.load(prefixed(c.arrays(), "param/"), last.toString());
        adam.load(prefixed(c.arrays(), "adam/"), last.toString());
        if (ema != null) {
            ema.load(prefixed(c.arrays(), "ema/"), last.toString());
        }
        return state;
    }

    private static State readState(Npz.Contents c, Path path) {
        byte[] json = c.other().get(STATE_ENTRY);
        if (json == null) {
            throw new IllegalArgumentException(path + ": not a jetbridge checkpoint (no " + STATE_ENTRY + ")");
        }
        State state = GSON.fromJson(new String(json, StandardCharsets.UTF_8), State.class);
        if (!FORMAT.equals(state.format)) {
            throw new IllegalArgumentException(path + ": checkpoint format '" + state.format + "', expected '"
                    + FORMAT + "'");
        }
        return state;
    }

    private static Map<String, HostArray> prefixed(Map<String, HostArray> all, String prefix) {
        Map<String, HostArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, HostArray> e : all.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                out.put(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        return out;
    }

    /**
     * Loads the weights of a checkpoint into {@code params}: the EMA weights when present and {@code preferEma},
     * otherwise the raw parameters.
     */
    public static void loadWeights(Path checkpoint, ParameterStore params, boolean preferEma) throws IOException {
        Npz.Contents c = Npz.read(checkpoint);
        readState(c, checkpoint);
        Map<String, HostArray> ema = prefixed(c.arrays(), "ema/");
        params.load(preferEma && !ema.isEmpty() ? ema : prefixed(c.arrays(), "param/"), checkpoint.toString());
    }

    /** Step count stored in a checkpoint. */
    public static long checkpointStep(Path checkpoint) throws IOException {
        return readState(Npz.read(checkpoint), checkpoint).step;
    }

    private static void writeLog(Path path, State state) throws IOException {
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        Files.writeString(tmp, new GsonBuilder().setPrettyPrinting().create()
                .toJson(state), StandardCharsets.UTF_8);
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

}
