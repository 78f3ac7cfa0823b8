package org.jetbridge.nn;

/** Child-JVM entry for {@link NativesTest}: starts the runtime, prints "started" or the error, exit code 0 / 3. */
public final class StartRuntime {

    private StartRuntime() {}

    public static void main(String[] args) {
        try {
            NnRuntime.start(NnSettings.defaults().withThreads(1));
            System.out.println("started");
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}
