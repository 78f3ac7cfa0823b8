package org.jetbridge.nn;

/** The one runtime of the test JVM: CPU, threads pinned to 2 so exact-value tests do not depend on the machine. */
final class TestRuntime {

    static final int THREADS = 2;

    private TestRuntime() {}

    static NnRuntime get() {
        return NnRuntime.start(NnSettings.defaults().withThreads(THREADS));
    }
}
