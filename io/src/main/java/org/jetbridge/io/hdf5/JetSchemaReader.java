package org.jetbridge.io.hdf5;

/** Base of the readers of the per-jet schemas: every dataset has one row per jet and is read in aligned batches. */
public abstract class JetSchemaReader extends SchemaReader {
    private final String[] datasets;

    JetSchemaReader(Hdf5Reader r, String... datasets) {
        super(r);
        this.datasets = datasets.clone();
    }

    /** Number of jets N in the file. */
    public long jets() {
        return r.dataset(PaddedJets.JETS).rows();
    }

    /** All datasets of the schema, {@code batchSize} jets at a time; see {@link RowBatch} for the reuse of arrays. */
    public Iterable<RowBatch> batches(int batchSize) {
        return r.batches(batchSize, datasets);
    }
}
