package org.jetbridge.calib;

import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.NnSettings;

/** The one runtime of the test JVM: CPU, threads pinned to 1 (fastest for these small networks on a loaded machine) so exact-value tests do not depend on the machine. */
final class CalibTestRuntime {

    static final int THREADS = Integer.getInteger("calib.threads", 1);

    private CalibTestRuntime() {}

    static NnRuntime get() {
        return NnRuntime.start(NnSettings.defaults().withThreads(THREADS));
    }
}
