package org.jetbridge.io.hdf5;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Base of the jetbridge schema readers: an HDF5 file whose datasets were checked against the schema on opening. */
public abstract class SchemaReader implements AutoCloseable {
    /** Checks an opened file against a schema and wraps it in the schema's reader; throws if it does not match. */
    @FunctionalInterface
    interface Check<T extends SchemaReader> {
        T check(Hdf5Reader reader);
    }

    final Hdf5Reader r;

    SchemaReader(Hdf5Reader r) {
        this.r = r;
    }

    /** Opens {@code path} and runs {@code check}; a file that fails the check is closed before the error propagates. */
    static <T extends SchemaReader> T open(Path path, Check<T> check) throws IOException {
        Hdf5Reader reader = Hdf5Reader.open(path);
        try {
            return check.check(reader);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** File attributes: schema and generator settings. */
    public Map<String, Object> metadata() {
        return r.attributes();
    }

    /** The underlying reader, for row ranges or single datasets. */
    public Hdf5Reader reader() {
        return r;
    }

    @Override
    public void close() throws IOException {
        r.close();
    }
}
