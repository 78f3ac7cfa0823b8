package org.jetbridge.tagger;

import ai.djl.ndarray.NDManager;
import org.jetbridge.nn.NnRuntime;

/**
 * Runs a tagger over a tagging file in chunks (bounded memory) and hands each chunk's host outputs to a consumer:
 * latents, penultimate pre-activations and probabilities as flat row-major float arrays, with the encoded batch.
 */
final class Inference {

    /** Default jets per forward pass. */
    static final int CHUNK = 512;

    /** Outputs of one chunk of consecutive jets starting at file row {@code start}. */
    record Chunk(long start, JetBatch batch, float[] latent, float[] penultimate, float[] probabilities) {}

    interface Sink {
        void accept(Chunk chunk) throws java.io.IOException;
    }

    private Inference() {}

    /** Jets [0, limit) of {@code file} (limit ≤ 0: all). */
    static void run(NnRuntime rt, TaggerModel model, TaggingFile file, long limit, int chunk, Sink sink)
            throws java.io.IOException {
        JetEncoder encoder = new JetEncoder(model.normalisation(), model.config().maxConstituents());
        long end = limit > 0 ? Math.min(limit, file.jets()) : file.jets();
        for (long start = 0; start < end; start += chunk) {
            int n = (int) Math.min(chunk, end - start);
            JetBatch b = encoder.encode(file, file.read(start, n));
            try (NDManager m = rt.newManager()) {
                TaggerModel.Outputs o = model.forward(b, m);
                sink.accept(new Chunk(start, b, o.latent().toFloatArray(), o.penultimate().toFloatArray(),
                        o.probabilities().toFloatArray()));
            }
        }
    }
}
