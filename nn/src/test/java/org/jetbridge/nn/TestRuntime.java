package org.jetbridge.nn;

/** The one runtime of the test JVM: CPU, threads pinned to 2 so exact-value tests do not depend on the machine. */
public final class TestRuntime {

    public static final int THREADS = 2;

    private TestRuntime() {}

    public static NnRuntime get() {
        return NnRuntime.start(NnSettings.defaults().withThreads(THREADS));
    }
}
