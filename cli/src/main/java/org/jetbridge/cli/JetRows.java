package org.jetbridge.cli;

import java.util.function.Function;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.io.AtomicOutput;
import org.jetbridge.io.JetRowWriter;
import picocli.CommandLine.Model.CommandSpec;

/** The run loop of the commands that write one table row per inclusive jet ({@code cluster}, {@code observables}). */
final class JetRows {
    /** What a run wrote: events read and jet rows written. */
    record Counts(long events, long jets) {
    }

    private JetRows() {
    }

    /**
     * Clusters every event of {@code input} with {@code definition}, writes its selected jets through the table
     * {@code table} makes on the output, and commits the output only when every event was written.
     */
    static Counts write(CommandSpec spec, EventInputOptions input, JetSelectionOptions jetOptions,
                        JetDefinition definition, OutputOptions output, Progress progress,
                        Function<AtomicOutput, JetRowWriter> table) {
        long events = 0;
        try (EventInputOptions.Events source = input.open(spec); AtomicOutput out = output.open(spec)) {
            JetRowWriter writer = table.apply(out);
            while (source.hasNext()) {
                writer.write(events, jetOptions.jets(source.next(), definition));
                events++;
                progress.event(events);
            }
            out.commit();
            return new Counts(events, writer.rows());
        }
    }
}
