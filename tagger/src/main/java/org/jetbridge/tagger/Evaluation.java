package org.jetbridge.tagger;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jetbridge.io.OutputException;
import org.jetbridge.io.hdf5.TaggingDataset;
import org.jetbridge.nn.NnRuntime;

/**
 * Evaluates a tagger on a labelled tagging file and writes a report directory: {@code metrics.json} (stable keys:
 * {@code auc} → {@code b_vs_light}, {@code c_vs_light}, {@code b_vs_c}; {@code rejection} → discriminant →
 * efficiency → 1/ε_bkg; {@code jets}; {@code discriminants}; optionally {@code shift} against a second file) and
 * one ROC table per discriminant ({@code roc_<key>.csv}: signal efficiency, background efficiency, rejection).
 */
public final class Evaluation {

    /** Points of the ROC tables. */
    static final int ROC_POINTS = 200;

    /**
     * The evaluation of one file.
     *
     * @param metrics tagging performance
     * @param probabilities [jets, 3] (light, c, b)
     * @param flavour labels
     * @param shift score distances to the comparison file by score name, or empty
     */
    public record Result(FlavourMetrics metrics, float[] probabilities, int[] flavour, Map<String, ScoreShift> shift) {}

    private Evaluation() {}

    /** Probabilities and labels of every jet of {@code path} (labels null when the file has none). */
    static Result score(NnRuntime rt, TaggerModel model, Path path) throws IOException {
        try (TaggingFile file = TaggingFile.open(path)) {
            int n = Math.toIntExact(file.jets());
            float[] p = new float[3 * n];
            int[] flavour = file.hasFlavour() ? new int[n] : null;
            Inference.run(rt, model, file, 0, Inference.CHUNK, c -> {
                System.arraycopy(c.probabilities(), 0, p, (int) c.start() * 3, c.probabilities().length);
                if (flavour != null) {
                    System.arraycopy(c.flavour(), 0, flavour, (int) c.start(), c.rows());
                }
            });
            return new Result(flavour == null ? null : FlavourMetrics.of(p, flavour, n), p, flavour, Map.of());
        }
    }

    /**
     * Evaluates {@code input} (which must carry flavour labels) and, when {@code compare} is not null, the shift of
     * the class scores from {@code input} to {@code compare} (inclusive and per flavour); writes the report.
     */
    public static Result run(NnRuntime rt, TaggerModel model, Path input, Path compare, Path reportDir)
            throws IOException {
        Result r = score(rt, model, input);
        if (r.metrics() == null) {
            throw new org.jetbridge.io.InputException(String.valueOf(input), "has no 'flavour' labels; evaluation "
                    + "needs labelled jets");
        }
        Map<String, ScoreShift> shift = new LinkedHashMap<>();
        if (compare != null) {
            Result c = score(rt, model, compare);
            String[] names = {"p_light", "p_c", "p_b"};
            for (int k = 2; k >= 0; k--) {
                shift.put(names[k], ScoreShift.of(column(r.probabilities(), k, null, -1),
                        column(c.probabilities(), k, null, -1)));
            }
            if (c.flavour() != null) {
                for (int f = 2; f >= 0; f--) {
                    shift.put("p_b|" + TaggingDataset.FLAVOUR_NAMES.get(f), ScoreShift.of(
                            column(r.probabilities(), 2, r.flavour(), f), column(c.probabilities(), 2, c.flavour(), f)));
                }
            }
        }
        Result out = new Result(r.metrics(), r.probabilities(), r.flavour(), shift);
        write(out, model, input, compare, reportDir);
        return out;
    }

    /** Column {@code k} of probabilities [n, 3], for jets of flavour {@code only} (all when labels is null). */
    static double[] column(float[] p, int k, int[] labels, int only) {
        int n = p.length / 3;
        double[] out = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (labels == null || labels[i] == only) {
                out[m++] = p[3 * i + k];
            }
        }
        return java.util.Arrays.copyOf(out, m);
    }

    private static void write(Result r, TaggerModel model, Path input, Path compare, Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new OutputException(String.valueOf(dir), "cannot create report directory: " + e.getMessage(), e);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> auc = new LinkedHashMap<>();
        Map<String, Object> rejection = new LinkedHashMap<>();
        for (Discriminant d : Discriminant.values()) {
            auc.put(d.key(), finite(r.metrics().auc().get(d)));
            Map<String, Object> rej = new LinkedHashMap<>();
            r.metrics().rejection().get(d).forEach((e, v) -> rej.put(String.format(Locale.ROOT, "%.2f", e), finite(v)));
            rejection.put(d.key(), rej);
        }
        json.put("auc", auc);
        json.put("rejection", rejection);
        Map<String, Object> jets = new LinkedHashMap<>();
        jets.put("total", r.metrics().jets());
        for (int f = 0; f < 3; f++) {
            jets.put(TaggingDataset.FLAVOUR_NAMES.get(f), r.metrics().counts()[f]);
        }
        json.put("jets", jets);
        json.put("cross_entropy", finite(r.metrics().crossEntropy()));
        Map<String, Object> disc = new LinkedHashMap<>();
        disc.put("b_vs_light", "p_b / (p_c + p_light)");
        disc.put("c_vs_light", "p_c / (p_c + p_light)");
        disc.put("b_vs_c", "p_b / (p_b + p_c)");
        json.put("discriminants", disc);
        json.put("input", String.valueOf(input));
        json.put("model", model.config());
        if (compare != null) {
            Map<String, Object> shift = new LinkedHashMap<>();
            r.shift().forEach((k, s) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("wasserstein", finite(s.wasserstein()));
                m.put("ks", finite(s.ks()));
                m.put("auc", finite(s.auc()));
                shift.put(k, m);
            });
            json.put("compare", String.valueOf(compare));
            json.put("shift", shift);
        }
        writeAtomically(dir.resolve("metrics.json"), new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create()
                .toJson(json) + "\n");
        for (Discriminant d : Discriminant.values()) {
            if (r.metrics().counts()[d.signal()] == 0 || r.metrics().counts()[d.background()] == 0) {
                continue;
            }
            StringBuilder csv = new StringBuilder("signal_efficiency,background_efficiency,rejection\n");
            for (double[] row : d.roc(r.probabilities(), r.flavour(), r.metrics().jets()).curve(ROC_POINTS)) {
                csv.append(String.format(Locale.ROOT, "%.5f,%.8g,%.8g%n", row[0], row[1], 1 / row[1]));
            }
            writeAtomically(dir.resolve("roc_" + d.key() + ".csv"), csv.toString());
        }
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? (Object) v : null;
    }

    private static void writeAtomically(Path target, String text) {
        try {
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(text);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new OutputException(String.valueOf(target), "cannot write: " + e.getMessage(), e);
        }
    }
}
