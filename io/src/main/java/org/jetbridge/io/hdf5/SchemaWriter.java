package org.jetbridge.io.hdf5;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Base of the jetbridge schema writers ({@link TaggingDataset.Writer}, {@link TopJetDataset.Writer}, …): one HDF5
 * file, stamped with its schema name and the caller's metadata, that appears at its path only on {@link #commit()}.
 */
public abstract class SchemaWriter implements AutoCloseable {
    /** Declares a schema's datasets on a freshly created file and wraps it in the schema's writer. */
    @FunctionalInterface
    interface Layout<T extends SchemaWriter> {
        T define(Hdf5Writer writer) throws IOException;
    }

    final Hdf5Writer w;

    SchemaWriter(Hdf5Writer w) {
        this.w = w;
    }

    /**
     * Creates {@code path}, writes the {@code schema} and {@code metadata} file attributes and lets {@code layout}
     * declare the datasets; if any of that fails the file is discarded before the error propagates.
     */
    static <T extends SchemaWriter> T create(Path path, String schema, Map<String, ?> metadata, Layout<T> layout)
            throws IOException {
        Hdf5Writer writer = Hdf5Writer.create(path);
        try {
            writer.attribute("schema", schema).attributes(metadata);
            return layout.define(writer);
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /** Writes the file and moves it to its path. */
    public void commit() throws IOException {
        w.commit();
    }

    /** Discards the file unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        w.close();
    }
}
