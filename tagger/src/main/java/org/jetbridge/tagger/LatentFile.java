package org.jetbridge.tagger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jetbridge.io.InputException;
import org.jetbridge.io.OutputException;
import org.jetbridge.io.Shard;
import org.jetbridge.io.hdf5.DType;
import org.jetbridge.io.hdf5.DatasetWriter;
import org.jetbridge.io.hdf5.Hdf5FormatException;
import org.jetbridge.io.hdf5.Hdf5Reader;
import org.jetbridge.io.hdf5.Hdf5Writer;
import org.jetbridge.nn.NnRuntime;

/**
 * Per-jet tagger representations in HDF5 (schema {@value #SCHEMA}): {@code latent} float32 [N, 128] (the latent
 * pre-activation), {@code penultimate} float32 [N, 16], {@code probabilities} float32 [N, 3] (light, c, b),
 * {@code jet_pt} (GeV) and {@code jet_eta} float32 [N], and {@code flavour} int32 [N] when the input had labels.
 * File attributes: schema, source file, model directory and the tagger configuration.
 */
public final class LatentFile {

    public static final String SCHEMA = "jetbridge.latents/1";
    public static final String LATENT = "latent";
    public static final String PENULTIMATE = "penultimate";
    public static final String PROBABILITIES = "probabilities";
    public static final String JET_PT = "jet_pt";
    public static final String JET_ETA = "jet_eta";
    public static final String FLAVOUR = "flavour";

    private LatentFile() {}

    /**
     * Runs {@code model} over every jet of {@code input} and writes the latent file {@code output} (streaming, written
     * to a temporary file and renamed into place).
     *
     * @return the number of jets written
     */
    public static long embed(NnRuntime rt, TaggerModel model, Path modelDir, Path input, Path output)
            throws IOException {
        return embed(rt, model, modelDir, input, output, null);
    }

    /**
     * As {@link #embed(NnRuntime, TaggerModel, Path, Path, Path)} for the input rows of {@code shard} only (null:
     * all), recording the shard in the output's attributes ({@link Shard#metadata}) for {@code jetbridge merge}.
     * A jet's outputs are bit-identical to those of the unsharded run (see {@link Inference}'s shard overload).
     *
     * @return the number of jets written
     */
    public static long embed(NnRuntime rt, TaggerModel model, Path modelDir, Path input, Path output, Shard shard)
            throws IOException {
        try (TaggingFile in = TaggingFile.open(input)) {
            long from = shard == null ? 0 : shard.first(in.jets());
            long to = shard == null ? in.jets() : shard.end(in.jets());
            Hdf5Writer w;
            try {
                w = Hdf5Writer.create(output);
            } catch (IOException e) {
                throw new OutputException(String.valueOf(output), e.getMessage(), e);
            }
            try (w) {
                TaggerConfig c = model.config();
                DatasetWriter latent = w.dataset(LATENT, DType.FLOAT32, c.latentWidth());
                DatasetWriter penultimate = w.dataset(PENULTIMATE, DType.FLOAT32, c.penultimateWidth());
                DatasetWriter probabilities = w.dataset(PROBABILITIES, DType.FLOAT32, 3)
                        .attribute("labels", new String[] {"light", "c", "b"});
                DatasetWriter pt = w.dataset(JET_PT, DType.FLOAT32);
                DatasetWriter eta = w.dataset(JET_ETA, DType.FLOAT32);
                DatasetWriter flavour = in.hasFlavour() ? w.dataset(FLAVOUR, DType.INT32)
                        .attribute("labels", new String[] {"light", "c", "b"}) : null;
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("schema", SCHEMA);
                meta.put("source", String.valueOf(input));
                meta.put("model", String.valueOf(modelDir));
                meta.put("tagger_config", String.valueOf(c));
                meta.put("jetbridge_version", NnRuntime.versions().jetbridge());
                if (shard != null) {
                    meta.putAll(shard.metadata(in.jets(), "row"));
                }
                w.attributes(meta);
                Inference.run(rt, model, in, from, to, Inference.CHUNK, ch -> {
                    int n = ch.rows();
                    latent.append(ch.latent(), 0, n);
                    penultimate.append(ch.penultimate(), 0, n);
                    probabilities.append(ch.probabilities(), 0, n);
                    pt.append(ch.jetPt(), 0, n);
                    eta.append(ch.jetEta(), 0, n);
                    if (flavour != null) {
                        flavour.append(ch.flavour(), 0, n);
                    }
                });
                w.commit();
                return to - from;
            }
        }
    }

    /**
     * Opens a latent file and checks it: schema datasets present, {@code latent} of width {@code latentWidth}, all
     * datasets of equal length.
     *
     * @throws InputException naming the file and what is wrong (e.g. a latent of width 64 where 128 is expected)
     */
    public static Hdf5Reader open(Path path, int latentWidth) {
        Hdf5Reader r;
        try {
            r = Hdf5Reader.open(path);
        } catch (IOException | Hdf5FormatException e) {
            throw new InputException(String.valueOf(path), "cannot open as a latent file: " + e.getMessage(), e);
        }
        try {
            r.require(LATENT, DType.FLOAT32, latentWidth);
            r.require(PROBABILITIES, DType.FLOAT32, 3);
            r.batches(1, LATENT, PENULTIMATE, PROBABILITIES, JET_PT, JET_ETA);
            return r;
        } catch (Hdf5FormatException e) {
            try {
                r.close();
            } catch (IOException ignored) {
                // report the format problem
            }
            throw new InputException(String.valueOf(path), "not a latent file of width " + latentWidth + ": "
                    + e.getMessage(), e);
        }
    }
}
