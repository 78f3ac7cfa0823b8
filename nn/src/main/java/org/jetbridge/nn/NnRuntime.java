package org.jetbridge.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The process-wide libtorch engine (through DJL), started once with offline flags, malloc tuning, a thread count
 * and a device. Every other class in this module obtains arrays through {@link #newManager()}.
 */
public final class NnRuntime {

    /** glibc {@code mallopt} parameters from {@code <malloc.h>}. */
    static final int M_TRIM_THRESHOLD = -1;
    static final int M_TOP_PAD = -2;
    static final int M_MMAP_THRESHOLD = -3;

    private static final String ENGINE_NAME = "PyTorch";
    private static NnRuntime instance;

    private final NnSettings settings;
    private final Engine engine;
    private final Device device;
    private final boolean mallocTuned;

    private NnRuntime(NnSettings settings, Engine engine, Device device, boolean mallocTuned) {
        this.settings = settings;
        this.engine = engine;
        this.device = device;
        this.mallocTuned = mallocTuned;
    }

    /** Starts the engine with {@link NnSettings#defaults()}, or returns the running one. */
    public static NnRuntime start() {
        synchronized (NnRuntime.class) {
            return instance != null ? instance : start(NnSettings.defaults());
        }
    }

    /**
     * The running engine if one was started in this process (whatever its thread count), else one started with
     * {@code settings}: for commands run in-process by a driver (the demo) that has already chosen the threads.
     */
    public static synchronized NnRuntime runningOrStart(NnSettings settings) {
        return instance != null ? instance : start(settings);
    }

    /**
     * Starts the engine with the given settings; idempotent for equal settings.
     *
     * @throws IllegalStateException if the engine already runs with different settings (libtorch's thread pool and
     *     the unpack directory are fixed once loaded), or if the native libraries cannot be loaded
     */
    public static synchronized NnRuntime start(NnSettings settings) {
        if (instance != null) {
            if (!instance.settings.equals(settings)) {
                throw new IllegalStateException("nn runtime already started with " + instance.settings
                        + "; cannot restart with " + settings + " in the same process");
            }
            return instance;
        }
        // DJL reads these when the engine class initialises: offline so that it never reaches for the network,
        // no usage tracking, and our cache directory for the unpacked libtorch. DJL lets the environment win
        // over system properties, so a conflicting environment is refused rather than silently obeyed.
        String envOffline = System.getenv("DJL_OFFLINE");
        if (envOffline != null && !Boolean.parseBoolean(envOffline)) {
            throw new IllegalStateException("environment DJL_OFFLINE=" + envOffline
                    + " would let DJL download at start-up; unset it (jetbridge runs libtorch from its jars)");
        }
        String envCache = System.getenv(NnSettings.CACHE_DIR_PROPERTY);
        if (envCache != null && !java.nio.file.Path.of(envCache).equals(settings.cacheDir())) {
            throw new IllegalStateException("environment " + NnSettings.CACHE_DIR_PROPERTY + "=" + envCache
                    + " overrides the requested cache directory " + settings.cacheDir());
        }
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty(NnSettings.CACHE_DIR_PROPERTY, settings.cacheDir().toString());
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(settings.threads()));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
        boolean tuned = tuneMalloc();
        Engine engine;
        try {
            engine = Engine.getEngine(ENGINE_NAME);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("cannot load libtorch through DJL: the runtime jars "
                    + "ai.djl.pytorch:pytorch-jni:" + versions().torch() + "-" + versions().djl()
                    + " and ai.djl.pytorch:pytorch-native-cpu:" + versions().torch()
                    + ":linux-x86_64 must be on the class path (cache dir " + settings.cacheDir() + ")", e);
        }
        Device device;
        try {
            device = Device.fromName(settings.device(), engine);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("device: cannot use '" + settings.device() + "'", e);
        }
        if (device.isGpu() && engine.getGpuCount() == 0) {
            throw new IllegalStateException("device: '" + settings.device() + "' requested but libtorch sees no GPU");
        }
        instance = new NnRuntime(settings, engine, device, tuned);
        return instance;
    }

    /**
     * Raises glibc's trim and mmap thresholds so that libtorch's large per-op buffers are recycled instead of
     * returned to the kernel each time: measured 1.74 s → 0.93 s per transformer step (ml-runtime.md).
     *
     * @return whether every {@code mallopt} call succeeded (false on a non-glibc system, which is harmless)
     */
    private static boolean tuneMalloc() {
        try {
            CLibrary c = Native.load("c", CLibrary.class);
            boolean ok = c.mallopt(M_TRIM_THRESHOLD, 1 << 30) == 1;
            ok &= c.mallopt(M_TOP_PAD, 512 << 20) == 1;
            ok &= c.mallopt(M_MMAP_THRESHOLD, 64 << 20) == 1;
            return ok;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    /** The JNA view of the one libc function we need. */
    public interface CLibrary extends Library {
        int mallopt(int param, int value);
    }

    public NnSettings settings() {
        return settings;
    }

    public Engine engine() {
        return engine;
    }

    public Device device() {
        return device;
    }

    /** Whether the glibc malloc tuning was applied. */
    public boolean mallocTuned() {
        return mallocTuned;
    }

    /** A new root manager on the configured device; the caller closes it. */
    public NDManager newManager() {
        return engine.newBaseManager(device);
    }

    /** Seeds libtorch's and DJL's Java-side generators. */
    public void seed(long seed) {
        engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    /** Versions of jetbridge, DJL and libtorch this module was built against. */
    public static Versions versions() {
        return Versions.INSTANCE;
    }

    /**
     * Build-time versions, written into every saved model.
     *
     * @param jetbridge this project's version
     * @param djl the DJL version
     * @param torch the libtorch version
     */
    public record Versions(String jetbridge, String djl, String torch) {
        static final Versions INSTANCE = load();

        private static Versions load() {
            Properties p = new Properties();
            try (InputStream in = NnRuntime.class.getResourceAsStream("versions.properties")) {
                if (in == null) {
                    throw new IllegalStateException("org/jetbridge/nn/versions.properties missing from the jar");
                }
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Versions(p.getProperty("jetbridge"), p.getProperty("djl"), p.getProperty("torch"));
        }
    }
}
