package org.jetbridge.pileup.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.io.hdf5.DType;
import org.jetbridge.io.hdf5.DatasetWriter;
import org.jetbridge.io.hdf5.Hdf5Writer;
import org.jetbridge.pileup.JetEstimate;

/**
 * Posterior samples written as HDF5 (schema {@value #SCHEMA}), for J jets × K samples × N_max slots:
 * <ul>
 * <li>{@code constituents} float32 [J, K, N_max, 3]: sampled hard-scatter constituents (pT GeV, η, φ), massless,
 *     in sampling order, zero-padded;</li>
 * <li>{@code mask} int8 [J, K, N_max]: 1 for the first {@code multiplicity} slots;</li>
 * <li>{@code multiplicity} int32 [J, K]: the sampled constituent count N;</li>
 * <li>{@code jet_index} int64 [J]: the row of the jet in the input file.</li>
 * </ul>
 * Attributes: schema, samples, steps, scheme, seed, model, input, jetbridge_version. The file appears only when
 * {@link Writer#commit()} succeeds (temporary file + rename).
 */
public final class PosteriorFile {
    public static final String SCHEMA = "jetbridge.posterior/1";
    public static final List<String> FEATURES = List.of("pt", "eta", "phi");

    private PosteriorFile() {
    }

    /** Starts a file for {@code samples} samples of up to {@code maxConstituents} constituents per jet. */
    public static Writer create(Path path, int samples, int maxConstituents, Map<String, ?> metadata)
            throws IOException {
        return new Writer(path, samples, maxConstituents, metadata);
    }

    /** Appends jets one at a time; call {@link #commit()} at the end, close in any case. */
    public static final class Writer implements AutoCloseable {
        private final Hdf5Writer w;
        private final DatasetWriter constituents;
        private final DatasetWriter mask;
        private final DatasetWriter multiplicity;
        private final DatasetWriter jetIndex;
        private final int samples;
        private final int max;

        private Writer(Path path, int samples, int max, Map<String, ?> metadata) throws IOException {
            this.w = Hdf5Writer.create(path);
            this.samples = samples;
            this.max = max;
            constituents = w.dataset("constituents", DType.FLOAT32, samples, max, FEATURES.size())
                    .attribute("feature_names", FEATURES.toArray(String[]::new));
            mask = w.dataset("mask", DType.INT8, samples, max);
            multiplicity = w.dataset("multiplicity", DType.INT32, samples);
            jetIndex = w.dataset("jet_index", DType.INT64);
            w.attribute("schema", SCHEMA);
            w.attributes(metadata);
        }

        /** One jet's K estimates (each with at most N_max constituents). */
        public void append(long index, List<JetEstimate> estimates) {
            if (estimates.size() != samples) {
                throw new IllegalArgumentException("jet " + index + ": " + estimates.size() + " samples, expected "
                        + samples);
            }
            float[] c = new float[samples * max * FEATURES.size()];
            byte[] m = new byte[samples * max];
            int[] n = new int[samples];
            for (int k = 0; k < samples; k++) {
                List<FourMomentum> ps = estimates.get(k).constituents();
                if (ps.size() > max) {
                    throw new IllegalArgumentException("jet " + index + " sample " + k + ": " + ps.size()
                            + " constituents, more than " + max);
                }
                n[k] = ps.size();
                for (int i = 0; i < ps.size(); i++) {
                    FourMomentum p = ps.get(i);
                    int b = (k * max + i) * FEATURES.size();
                    c[b] = (float) p.pt();
                    c[b + 1] = (float) p.eta();
                    c[b + 2] = (float) p.phi();
                    m[k * max + i] = 1;
                }
            }
            constituents.append(c, 0, 1);
            mask.append(m, 0, 1);
            multiplicity.append(n, 0, 1);
            jetIndex.append(new long[] {index}, 0, 1);
        }

        public void commit() throws IOException {
            w.commit();
        }

        @Override
        public void close() {
            w.close();
        }
    }
}
