package org.jetbridge.nn.train;

import java.io.PrintStream;
import java.util.Locale;

/** Training progress: a redrawn bar on a terminal, plain log lines every {@code logEvery} steps otherwise. */
final class Progress {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    private final int logEvery;
    private final long start = System.nanoTime();
    private long startStep = -1;
    private long lastDraw;

    Progress(PrintStream out, boolean terminal, long total, int logEvery) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.logEvery = logEvery;
    }

    /** After step {@code done} (1-based count of completed steps). */
    void step(long done, double loss, double lr) {
        if (startStep < 0) {
            startStep = done - 1;
        }
        long now = System.nanoTime();
        double rate = (done - startStep) / Math.max(1e-9, (now - start) * 1e-9);
        if (terminal) {
            if (now - lastDraw < REDRAW_NANOS && done < total) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = (int) (width * done / total);
            out.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d loss %.5g lr %.2e %.2f steps/s",
                    "#".repeat(filled), ".".repeat(width - filled), done, total, loss, lr, rate));
            if (done == total) {
                out.println();
            }
            out.flush();
        } else if (done % logEvery == 0 || done == total) {
            out.println(String.format(Locale.ROOT, "step %d/%d loss %.6g lr %.3e %.2f steps/s",
                    done, total, loss, lr, rate));
        }
    }

    void message(String text) {
        if (terminal) {
            out.print("\r");
        }
        out.println(text);
    }
}
