package org.jetbridge.tagger;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.train.TrainableModel;
import org.jetbridge.nn.train.ValidationHook;

/**
 * Validation during training: the tagger's mean cross-entropy (the metric the trainer minimises) on the first
 * {@code limit} jets of a validation file, with the AUCs printed alongside and kept as {@link #last()}.
 */
public final class TaggerValidation implements ValidationHook {

    private final NnRuntime runtime;
    private final TaggingFile file;
    private final int jets;
    private final PrintStream log;
    private FlavourMetrics last;

    public TaggerValidation(NnRuntime runtime, TaggingFile file, long limit, PrintStream log) {
        if (!file.hasFlavour()) {
            throw new IllegalArgumentException(file.path() + ": validation needs the 'flavour' labels, the file has "
                    + "none");
        }
        this.runtime = runtime;
        this.file = file;
        this.jets = (int) Math.min(limit > 0 ? limit : file.jets(), file.jets());
        this.log = log;
    }

    @Override
    public double evaluate(TrainableModel model, long step) {
        FlavourMetrics m = metrics((TaggerModel) model);
        last = m;
        if (log != null) {
            log.println("validation at step " + step + ": " + m.summary());
        }
        return m.crossEntropy();
    }

    /** Metrics of {@code model} on the validation jets. */
    public FlavourMetrics metrics(TaggerModel model) {
        float[] p = new float[3 * jets];
        int[] flavour = new int[jets];
        try {
            Inference.run(runtime, model, file, jets, Inference.CHUNK, c -> {
                System.arraycopy(c.probabilities(), 0, p, (int) c.start() * 3, c.probabilities().length);
                System.arraycopy(c.flavour(), 0, flavour, (int) c.start(), c.rows());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return FlavourMetrics.of(p, flavour, jets);
    }

    /** Metrics of the latest validation (null before the first). */
    public FlavourMetrics last() {
        return last;
    }
}
