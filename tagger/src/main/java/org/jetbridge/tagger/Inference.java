package org.jetbridge.tagger;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.Arrays;
import org.jetbridge.nn.NnRuntime;

/**
 * Runs a tagger over a tagging file in chunks (bounded memory) and hands each chunk's host outputs, in file order,
 * to a consumer. Inside a chunk the jets are grouped by length into forward passes of at most {@link #PASS} jets,
 * so short jets are not padded to the longest of the chunk; the outputs do not depend on this grouping beyond
 * float rounding (padding is masked exactly).
 */
public final class Inference {

    /** Default jets per chunk. */
    public static final int CHUNK = 512;
    /** Jets per forward pass. */
    static final int PASS = 128;

    /**
     * Outputs of {@code rows} consecutive jets starting at file row {@code start}, flat row-major: latents
     * [rows, 128], penultimate [rows, 16], probabilities [rows, 3] (light, c, b), jet pT (GeV) and η, flavour
     * labels (null when the file has none).
     */
    public record Chunk(long start, int rows, float[] latent, float[] penultimate, float[] probabilities,
            float[] jetPt, float[] jetEta, int[] flavour) {}

    /** Receives each chunk in file order. */
    public interface Sink {
        void accept(Chunk chunk) throws IOException;
    }

    private Inference() {}

    /** Jets [0, limit) of {@code file} (limit ≤ 0: all), {@code chunk} jets per chunk. */
    public static void run(NnRuntime rt, TaggerModel model, TaggingFile file, long limit, int chunk, Sink sink)
            throws IOException {
        long end = limit > 0 ? Math.min(limit, file.jets()) : file.jets();
        run(rt, model, file, 0, end, end, chunk, sink);
    }

    /**
     * Jets [first, to) of {@code file} (a shard of it), with outputs bit-identical to those of the same jets in a
     * run over the whole file: the jets are processed in the whole-file run's chunks [k·chunk, (k+1)·chunk), so
     * every forward pass sees the same batch (the shard's first and last chunk compute up to chunk − 1 jets of
     * the neighbouring shards, which are not handed to the sink).
     */
    public static void run(NnRuntime rt, TaggerModel model, TaggingFile file, long first, long to, int chunk,
            Sink sink) throws IOException {
        if (first < 0 || first > to || to > file.jets()) {
            throw new IllegalArgumentException(file.path() + ": jets [" + first + ", " + to + ") outside [0, "
                    + file.jets() + "]");
        }
        run(rt, model, file, first, to, file.jets(), chunk, sink);
    }

    /** Jets [first, to) computed in the chunks [k·chunk, min((k+1)·chunk, gridEnd)) that overlap them. */
    private static void run(NnRuntime rt, TaggerModel model, TaggingFile file, long first, long to, long gridEnd,
            int chunk, Sink sink) throws IOException {
        JetEncoder encoder = new JetEncoder(model.normalisation(), model.config().maxConstituents());
        int lw = model.config().latentWidth();
        int pw = model.config().penultimateWidth();
        for (long start = first - first % chunk; start < to; start += chunk) {
            int n = (int) Math.min(chunk, gridEnd - start);
            TaggingFile.Rows rows = file.read(start, n);
            int[] identity = new int[n];
            for (int i = 0; i < n; i++) {
                identity[i] = i;
            }
            int[] order = encoder.byLength(rows, identity);
            float[] latent = new float[n * lw];
            float[] penultimate = new float[n * pw];
            float[] p = new float[n * 3];
            float[] pt = new float[n];
            float[] eta = new float[n];
            int[] flavour = rows.flavour() == null ? null : new int[n];
            for (int from = 0; from < n; from += PASS) {
                int[] part = Arrays.copyOfRange(order, from, Math.min(n, from + PASS));
                JetBatch b = encoder.encode(file, rows, part);
                float[] l;
                float[] q;
                float[] pr;
                try (NDManager m = rt.newManager()) {
                    TaggerModel.Outputs o = model.forward(b, m);
                    l = o.latent().toFloatArray();
                    q = o.penultimate().toFloatArray();
                    pr = o.probabilities().toFloatArray();
                }
                for (int i = 0; i < part.length; i++) {
                    int row = part[i];
                    System.arraycopy(l, i * lw, latent, row * lw, lw);
                    System.arraycopy(q, i * pw, penultimate, row * pw, pw);
                    System.arraycopy(pr, i * 3, p, row * 3, 3);
                    pt[row] = b.jetPt()[i];
                    eta[row] = b.jetEta()[i];
                    if (flavour != null) {
                        flavour[row] = b.flavour()[i];
                    }
                }
            }
            Chunk all = new Chunk(start, n, latent, penultimate, p, pt, eta, flavour);
            sink.accept(start >= first && start + n <= to ? all
                    : slice(all, (int) (Math.max(first, start) - start), (int) (Math.min(to, start + n) - start),
                    lw, pw));
        }
    }

    /** Rows [from, to) of a chunk. */
    private static Chunk slice(Chunk c, int from, int to, int lw, int pw) {
        return new Chunk(c.start() + from, to - from, Arrays.copyOfRange(c.latent(), from * lw, to * lw),
                Arrays.copyOfRange(c.penultimate(), from * pw, to * pw),
                Arrays.copyOfRange(c.probabilities(), from * 3, to * 3), Arrays.copyOfRange(c.jetPt(), from, to),
                Arrays.copyOfRange(c.jetEta(), from, to),
                c.flavour() == null ? null : Arrays.copyOfRange(c.flavour(), from, to));
    }
}
