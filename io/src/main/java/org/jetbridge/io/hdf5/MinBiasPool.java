package org.jetbridge.io.hdf5;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A pool of minimum-bias interactions from which pile-up is overlaid on the fly. Datasets: {@code particles}
 * float32 [M, 5] ({@link #PARTICLE_FEATURES}: pT GeV, η, φ, charge e, vertex z mm), all interactions one after the
 * other, and {@code offsets} int64 [K + 1]: interaction k owns particle rows {@code [offsets[k], offsets[k+1])}
 * (offsets[0] = 0, offsets[K] = M). A random interaction costs two small reads; nothing is loaded whole.
 */
public final class MinBiasPool {
    public static final String SCHEMA = "jetbridge.minbias/1";
    public static final String PARTICLES = "particles";
    public static final String OFFSETS = "offsets";
    public static final List<String> PARTICLE_FEATURES = List.of("pt", "eta", "phi", "charge", "vertex_z");
    public static final int FEATURES = 5;

    private MinBiasPool() {
    }

    public static Writer create(Path path, Map<String, ?> metadata) throws IOException {
        return SchemaWriter.create(path, SCHEMA, metadata, Writer::new);
    }

    public static Reader open(Path path) throws IOException {
        return SchemaReader.open(path, Reader::new);
    }

    /** Appends interactions one at a time. */
    public static final class Writer extends SchemaWriter {
        private final DatasetWriter particles;
        private final DatasetWriter offsets;
        private final long[] one = new long[1];

        private Writer(Hdf5Writer w) throws IOException {
            super(w);
            particles = w.dataset(PARTICLES, DType.FLOAT32, FEATURES)
                    .attribute(PaddedJets.FEATURE_NAMES, PARTICLE_FEATURES.toArray(String[]::new));
            offsets = w.dataset(OFFSETS, DType.INT64);
            offsets.append(one, 0, 1); // offsets[0] = 0
        }

        /** Appends one interaction of {@code n} particles given flat as {@code n × 5} values from index 0. */
        public void append(float[] particleRows, int n) {
            if (n < 0 || (long) n * FEATURES > particleRows.length) {
                throw new IllegalArgumentException(w.target().getFileName() + ": interaction " + interactions()
                        + ": " + n + " particles need " + (long) n * FEATURES + " values, array has "
                        + particleRows.length);
            }
            particles.append(particleRows, 0, n);
            one[0] = particles.rows();
            offsets.append(one, 0, 1);
        }

        public long interactions() {
            return offsets.rows() - 1;
        }
    }

    /** Random access to the interactions of a pool file. */
    public static final class Reader extends SchemaReader {
        private final long interactions;
        private final long[] range = new long[2];

        private Reader(Hdf5Reader r) {
            super(r);
            long m = r.require(PARTICLES, DType.FLOAT32, FEATURES).rows();
            long k = r.require(OFFSETS, DType.INT64).rows();
            if (k < 1) {
                throw new Hdf5FormatException(r.path().getFileName()
                        + ": dataset 'offsets' is empty, expected K + 1 >= 1 rows");
            }
            long[] last = new long[1];
            r.read(OFFSETS, k - 1, 1, last, 0);
            if (last[0] != m) {
                throw new Hdf5FormatException(r.path().getFileName() + ": dataset 'offsets' ends at " + last[0]
                        + ", expected the particle count " + m);
            }
            interactions = k - 1;
        }

        /** Number of interactions K in the pool. */
        public long interactions() {
            return interactions;
        }

        public long particles() {
            return r.dataset(PARTICLES).rows();
        }

        /** Particles of interaction {@code k}, flat {@code n × 5}; n = length / 5. */
        public float[] interaction(long k) {
            if (k < 0 || k >= interactions) {
                throw new IndexOutOfBoundsException(r.path().getFileName() + ": interaction " + k
                        + " outside [0, " + interactions + ")");
            }
            r.read(OFFSETS, k, 2, range, 0);
            int n = Math.toIntExact(range[1] - range[0]);
            if (n < 0) {
                throw new Hdf5FormatException(r.path().getFileName() + ": dataset 'offsets' decreases at row " + k);
            }
            float[] out = new float[n * FEATURES];
            r.read(PARTICLES, range[0], n, out, 0);
            return out;
        }
    }
}
