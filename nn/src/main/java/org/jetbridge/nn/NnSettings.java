package org.jetbridge.nn;

import java.nio.file.Path;

/**
 * Engine settings for the neural-network runtime: device ("cpu", "gpu" or "gpu:N"), intra-op thread count and the
 * directory where DJL unpacks libtorch.
 *
 * @param device  DJL device name; "cpu" by default, nothing in this module assumes CPU
 * @param threads intra-op threads for libtorch (≥ 1); bit-exact results need the same value across runs
 * @param cacheDir where DJL unpacks the native libraries (448 MB for the CPU build)
 */
public record NnSettings(String device, int threads, Path cacheDir) {

    /** System property / environment variable overriding the cache directory. */
    public static final String CACHE_DIR_PROPERTY = "DJL_CACHE_DIR";

    public NnSettings {
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("device: expected \"cpu\", \"gpu\" or \"gpu:N\", got '" + device + "'");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads: expected >= 1, got " + threads);
        }
        if (cacheDir == null) {
            throw new IllegalArgumentException("cacheDir: expected a directory, got null");
        }
    }

    /** CPU, one thread per available core, cache under {@code $DJL_CACHE_DIR} or {@code ~/.cache/jetbridge/djl}. */
    public static NnSettings defaults() {
        return new NnSettings("cpu", Runtime.getRuntime().availableProcessors(), defaultCacheDir());
    }

    public NnSettings withDevice(String newDevice) {
        return new NnSettings(newDevice, threads, cacheDir);
    }

    public NnSettings withThreads(int newThreads) {
        return new NnSettings(device, newThreads, cacheDir);
    }

    public NnSettings withCacheDir(Path newCacheDir) {
        return new NnSettings(device, threads, newCacheDir);
    }

    static Path defaultCacheDir() {
        String configured = System.getProperty(CACHE_DIR_PROPERTY, System.getenv(CACHE_DIR_PROPERTY));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "jetbridge", "djl");
    }
}
