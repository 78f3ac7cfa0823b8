package org.jetbridge.io.hdf5;

/**
 * A file is not what the caller expected: a dataset is missing or has the wrong shape or type, or the file is not
 * a readable HDF5 file. The message names the file and the dataset, e.g.
 * {@code latents.h5: dataset 'latent' has shape [1000, 64], expected [*, 128]}.
 */
public class Hdf5FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Hdf5FormatException(String message) {
        super(message);
    }

    public Hdf5FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
