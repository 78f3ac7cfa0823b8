package org.jetbridge.nn;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * One libtorch runtime per process: a second start with other threads is refused, while a command run in-process by
 * a driver that already started it (the demo) gets the running one from {@link NnRuntime#runningOrStart}.
 */
class RunningRuntimeTest {

    @Test
    void runningOrStartReturnsTheRunningRuntimeWhateverItsThreads() {
        NnRuntime rt = TestRuntime.get();
        NnSettings other = NnSettings.defaults().withThreads(TestRuntime.THREADS + 5);
        assertThrows(IllegalStateException.class, () -> NnRuntime.start(other));
        assertSame(rt, NnRuntime.runningOrStart(other));
    }
}
